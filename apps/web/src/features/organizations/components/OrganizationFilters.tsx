import { Button, NativeSelect, Paper, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANIZATION_KINDS, isOrganizationKind, type OrganizationFilters as Filters } from '../lib/filters';

interface OrganizationFiltersProps {
  filters: Filters;
  onChange: (change: Partial<Filters>) => void;
}

export function OrganizationFilters({ filters, onChange }: OrganizationFiltersProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(filters.q);
  const commitSearch = useDebouncedCallback((q: string) => onChange({ q }), 300);
  const active = Boolean(filters.kind || filters.q || search);

  const clear = () => {
    commitSearch.cancel();
    setSearch('');
    onChange({ kind: null, q: '' });
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      mb="md"
      component="form"
      role="search"
      aria-label={t('organizations.filters.label')}
      onSubmit={(event) => {
        event.preventDefault();
        commitSearch.flush();
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" style={{ alignItems: 'end' }}>
        <TextInput
          label={t('organizations.filters.search')}
          placeholder={t('organizations.filters.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            commitSearch(event.currentTarget.value);
          }}
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
    </Paper>
  );
}
