import { Button, Group, Paper, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const [search, setSearch] = useState(filters.q);
  const commitSearch = useDebouncedCallback((q: string) => onChange({ q }), 300);
  const active = Boolean(filters.country || filters.q || filters.coversDate || search);
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      mb="md"
      component="form"
      role="search"
      aria-label={t('strategies.filters.label')}
      onSubmit={(event) => {
        event.preventDefault();
        commitSearch.flush();
      }}
    >
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
        <TextInput
          label={t('strategies.filters.search')}
          placeholder={t('strategies.filters.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            commitSearch(event.currentTarget.value);
          }}
        />
        <TextInput
          type="date"
          label={t('strategies.filters.coversDate')}
          description={t('strategies.filters.coversDateHint')}
          inputWrapperOrder={['label', 'input', 'description']}
          value={filters.coversDate ?? ''}
          onChange={(event) => onChange({ coversDate: event.currentTarget.value || null })}
        />
      </SimpleGrid>
      {active ? (
        <Group justify="flex-end" mt="md">
          <Button
            variant="subtle"
            leftSection={<IconFilterOff size={16} aria-hidden="true" />}
            onClick={() => {
              commitSearch.cancel();
              setSearch('');
              onChange({ country: null, q: '', coversDate: null });
            }}
          >
            {t('common.clearFilters')}
          </Button>
        </Group>
      ) : null}
    </Paper>
  );
}
