import { Button, NativeSelect, SimpleGrid } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FilterPanel, SearchField } from '../../../components/FilterPanel';
import { useSearchFilter } from '../../../lib/use-search-filter';
import { ORGANIZATION_KINDS, isOrganizationKind, type OrganizationFilters as Filters } from '../lib/filters';

interface OrganizationFiltersProps {
  filters: Filters;
  onChange: (change: Partial<Filters>) => void;
}

export function OrganizationFilters({ filters, onChange }: OrganizationFiltersProps) {
  const { t } = useTranslation();
  const searchFilter = useSearchFilter(filters.q, (q) => onChange({ q }));
  const { search } = searchFilter;
  const active = Boolean(filters.kind || filters.q || search);

  const clear = () => {
    searchFilter.clear();
    onChange({ kind: null, q: '' });
  };

  return (
    <FilterPanel label={t('organizations.filters.label')} onSubmit={searchFilter.flush}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" style={{ alignItems: 'end' }}>
        <SearchField
          filter={searchFilter}
          label={t('organizations.filters.search')}
          placeholder={t('organizations.filters.searchPlaceholder')}
        />
        <NativeSelect
          label={t('organizations.filters.kind')}
          value={filters.kind ?? ''}
          onChange={(event) => {
            const value = event.currentTarget.value;
            onChange({ kind: isOrganizationKind(value) ? value : null });
          }}
        >
          <option value="">{t('organizations.filters.allKinds')}</option>
          {ORGANIZATION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`organizations.kinds.${kind}`)}
            </option>
          ))}
        </NativeSelect>
        {active ? (
          <div>
            <Button
              variant="subtle"
              leftSection={<IconFilterOff size={16} aria-hidden="true" />}
              onClick={clear}
            >
              {t('common.clearFilters')}
            </Button>
          </div>
        ) : null}
      </SimpleGrid>
    </FilterPanel>
  );
}
