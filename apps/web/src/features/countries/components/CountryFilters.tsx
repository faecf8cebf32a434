import { Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { M49_REGIONS } from '../../../lib/m49';
import { FLAG_FILTERS, hasActiveFilters, type CountryFilters as Filters } from '../lib/filters';

interface CountryFiltersProps {
  filters: Filters;
  onChange: (change: Partial<Filters>) => void;
}

export function CountryFilters({ filters, onChange }: CountryFiltersProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(filters.q);
  const commitSearch = useDebouncedCallback((q: string) => onChange({ q }), 300);

  const clear = () => {
    commitSearch.cancel();
    setSearch('');
    onChange({ region: null, sids: false, ldc: false, lldc: false, q: '' });
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      mb="md"
      component="form"
      role="search"
      aria-label={t('countries.filters.label')}
      onSubmit={(event) => {
        event.preventDefault();
        commitSearch.flush();
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
        <TextInput
          label={t('countries.filters.search')}
          placeholder={t('countries.filters.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            commitSearch(event.currentTarget.value);
          }}
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
    </Paper>
  );
}
