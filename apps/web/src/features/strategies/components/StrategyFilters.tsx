import { Button, Group, SimpleGrid } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import { FilterPanel, SearchField } from '../../../components/FilterPanel';
import { useSearchFilter } from '../../../lib/use-search-filter';
import { CountrySelect } from '../../../components/CountrySelect';
import type { StrategyFilters as Filters } from '../lib/filters';

export function StrategyFilters({
  filters,
  onChange,
}: {
  filters: Filters;
  onChange: (change: Partial<Filters>) => void;
}) {
  const { t } = useTranslation();
  const searchFilter = useSearchFilter(filters.q, (q) => onChange({ q }));
  const { search } = searchFilter;
  const active = Boolean(filters.country || filters.q || filters.coversDate || search);
  return (
    <FilterPanel label={t('strategies.filters.label')} onSubmit={searchFilter.flush}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <CountrySelect
          label={t('strategies.filters.country')}
          loadingLabel={t('common.loading')}
          placeholder={t('strategies.filters.allCountries')}
          nothingFoundMessage={t('strategies.form.noCountry')}
          value={filters.country}
          onChange={(value) => onChange({ country: value })}
          clearable
          clearButtonProps={{ 'aria-label': t('strategies.filters.clearCountry') }}
        />
        <SearchField
          filter={searchFilter}
          label={t('strategies.filters.search')}
          placeholder={t('strategies.filters.searchPlaceholder')}
        />
        <DateField
          label={t('strategies.filters.coversDate')}
          description={t('strategies.filters.coversDateHint')}
          inputWrapperOrder={['label', 'input', 'description']}
          value={filters.coversDate ?? ''}
          onChange={(value) => onChange({ coversDate: value || null })}
        />
      </SimpleGrid>
      {active ? (
        <Group justify="flex-end" mt="md">
          <Button
            variant="subtle"
            leftSection={<IconFilterOff size={16} aria-hidden="true" />}
            onClick={() => {
              searchFilter.clear();
              onChange({ country: null, q: '', coversDate: null });
            }}
          >
            {t('common.clearFilters')}
          </Button>
        </Group>
      ) : null}
    </FilterPanel>
  );
}
