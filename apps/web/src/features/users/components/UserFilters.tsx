import { Button, Group, SimpleGrid } from '@mantine/core';
import { ROLES } from '@hstf/domain';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FilterPanel, FilterSelect, SearchField } from '../../../components/FilterPanel';
import { useSearchFilter } from '../../../lib/use-search-filter';
import type { UserFilters as Filters } from '../lib/filters';

export function UserFilters({
  filters,
  onChange,
}: {
  filters: Filters;
  onChange: (change: Partial<Filters>) => void;
}) {
  const { t } = useTranslation();
  const searchFilter = useSearchFilter(filters.q, (q) => onChange({ q }));
  const active = Boolean(filters.role || filters.q || searchFilter.search);
  return (
    <FilterPanel label={t('users.filters.label')} onSubmit={searchFilter.flush}>
      <Group align="flex-end" gap="md" wrap="wrap">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" style={{ flex: 1, minWidth: 260 }}>
          <SearchField
            filter={searchFilter}
            label={t('users.filters.search')}
            placeholder={t('users.filters.searchPlaceholder')}
          />
          <FilterSelect
            label={t('users.filters.role')}
            all={t('users.filters.allRoles')}
            value={filters.role}
            choices={ROLES}
            choiceLabel={(role) => t(`roles.${role}`)}
            onChange={(role) => onChange({ role })}
          />
        </SimpleGrid>
        {active ? (
          <Button
            variant="subtle"
            leftSection={<IconFilterOff size={16} aria-hidden="true" />}
            onClick={() => {
              searchFilter.clear();
              onChange({ role: null, q: '' });
            }}
          >
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </Group>
    </FilterPanel>
  );
}
