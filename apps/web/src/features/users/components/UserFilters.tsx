import { Button, Group, NativeSelect, Paper, SimpleGrid, TextInput } from '@mantine/core';
import { ROLES, isRole } from '@hstf/domain';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserFilters as Filters } from '../lib/filters';

export function UserFilters({
  filters,
  onChange,
}: {
  filters: Filters;
  onChange: (change: Partial<Filters>) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(filters.q);
  const commitSearch = useDebouncedCallback((q: string) => onChange({ q }), 300);
  const active = Boolean(filters.role || filters.q || search);
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      mb="md"
      component="form"
      role="search"
      aria-label={t('users.filters.label')}
      onSubmit={(event) => {
        event.preventDefault();
        commitSearch.flush();
      }}
    >
      <Group align="flex-end" gap="md" wrap="wrap">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" style={{ flex: 1, minWidth: 260 }}>
          <TextInput
            label={t('users.filters.search')}
            placeholder={t('users.filters.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            type="search"
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              commitSearch(event.currentTarget.value);
            }}
          />
          <NativeSelect
            label={t('users.filters.role')}
            value={filters.role ?? ''}
            onChange={(event) => {
              const role = event.currentTarget.value;
              onChange({ role: isRole(role) ? role : null });
            }}
          >
            <option value="">{t('users.filters.allRoles')}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </NativeSelect>
        </SimpleGrid>
        {active ? (
          <Button
            variant="subtle"
            leftSection={<IconFilterOff size={16} aria-hidden="true" />}
            onClick={() => {
              commitSearch.cancel();
              setSearch('');
              onChange({ role: null, q: '' });
            }}
          >
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
}
