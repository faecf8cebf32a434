import { Button, Checkbox, Group, NativeSelect, SimpleGrid } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FilterPanel, SearchField } from '../../../components/FilterPanel';
import { useSearchFilter } from '../../../lib/use-search-filter';
import { M49_REGIONS } from '../../../lib/m49';
import { FLAG_FILTERS, hasActiveFilters, type CountryFilters as Filters } from '../lib/filters';

interface CountryFiltersProps {
  filters: Filters;
  onChange: (change: Partial<Filters>) => void;
}

export function CountryFilters({ filters, onChange }: CountryFiltersProps) {
  const { t } = useTranslation();
  const searchFilter = useSearchFilter(filters.q, (q) => onChange({ q }));
  const { search } = searchFilter;

  const clear = () => {
    searchFilter.clear();
    onChange({ region: null, sids: false, ldc: false, lldc: false, q: '' });
  };

  return (
    <FilterPanel label={t('countries.filters.label')} onSubmit={searchFilter.flush}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
        <SearchField
          filter={searchFilter}
          label={t('countries.filters.search')}
          placeholder={t('countries.filters.searchPlaceholder')}
        />
        <NativeSelect
          label={t('countries.filters.region')}
          value={filters.region ?? ''}
          onChange={(event) => onChange({ region: event.currentTarget.value || null })}
        >
          <option value="">{t('countries.filters.allRegions')}</option>
          {M49_REGIONS.map((code) => (
            <option key={code} value={code}>
              {t(`m49.${code}`)}
            </option>
          ))}
        </NativeSelect>
      </SimpleGrid>
      <Group justify="space-between" align="center" mt="md" gap="md">
        <Group gap="lg" role="group" aria-label={t('countries.filters.groups')}>
          {FLAG_FILTERS.map((flag) => (
            <Checkbox
              key={flag}
              label={t(`countries.groups.${flag}.long`)}
              checked={filters[flag]}
              onChange={(event) => onChange({ [flag]: event.currentTarget.checked })}
            />
          ))}
        </Group>
        {hasActiveFilters(filters) || search ? (
          <Button
            variant="subtle"
            size="sm"
            leftSection={<IconFilterOff size={16} aria-hidden="true" />}
            onClick={clear}
          >
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </Group>
    </FilterPanel>
  );
}
