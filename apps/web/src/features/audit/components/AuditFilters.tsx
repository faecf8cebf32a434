import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { DateField } from '../../../components/DateField';
import { FilterPanel, FilterSelect } from '../../../components/FilterPanel';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor } from '../api/get-actors';
import {
  KNOWN_ACTIONS,
  KNOWN_ENTITIES,
  hasActiveFilters,
  type AuditFilters as Filters,
} from '../lib/filters';
import { useAuditLabels } from '../lib/labels';

interface AuditFiltersProps {
  filters: Filters;
  onChange: (change: Partial<Filters>) => void;
  actors: Actor[];
  actorsLoading: boolean;
}

export function AuditFilters({ filters, onChange, actors, actorsLoading }: AuditFiltersProps) {
  const { t } = useTranslation();
  const { entityLabel, actionLabel } = useAuditLabels();
  const [entityId, setEntityId] = useState(filters.entityId);
  // A record picked from an entry ("all changes to this record") arrives through the address.
  const [committed, setCommitted] = useState(filters.entityId);
  if (filters.entityId !== committed) {
    setCommitted(filters.entityId);
    setEntityId(filters.entityId);
  }
  const commitEntityId = useDebouncedCallback((value: string) => onChange({ entityId: value }), 400);
  const entities = [
    ...KNOWN_ENTITIES,
    ...(filters.entity && !KNOWN_ENTITIES.includes(filters.entity) ? [filters.entity] : []),
  ];
  const actions = [
    ...KNOWN_ACTIONS,
    ...(filters.action && !KNOWN_ACTIONS.includes(filters.action) ? [filters.action] : []),
  ];
  const actorOptions = [
    ...actors.map((actor) => ({ value: actor.id, label: actor.label })),
    ...(filters.actorId && !actors.some((actor) => actor.id === filters.actorId)
      ? [{ value: filters.actorId, label: filters.actorId }]
      : []),
  ];
  const rangeError =
    filters.from && filters.to && filters.to < filters.from ? t('audit.filters.rangeError') : undefined;

  return (
    <FilterPanel label={t('audit.filters.label')} onSubmit={commitEntityId.flush}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" verticalSpacing="md">
        <FilterSelect
          label={t('audit.filters.entity')}
          all={t('audit.filters.allEntities')}
          value={filters.entity}
          choices={entities}
          choiceLabel={entityLabel}
          onChange={(entity) => onChange({ entity })}
        />
        <TextInput
          label={t('audit.filters.entityId')}
          placeholder={t('audit.filters.entityIdPlaceholder')}
          value={entityId}
          onChange={(event) => {
            setEntityId(event.currentTarget.value);
            commitEntityId(event.currentTarget.value);
          }}
          dir="ltr"
          spellCheck={false}
        />
        <FilterSelect
          label={t('audit.filters.action')}
          all={t('audit.filters.allActions')}
          value={filters.action}
          choices={actions}
          choiceLabel={actionLabel}
          onChange={(action) => onChange({ action })}
        />
        <Select
          label={t('audit.filters.actor')}
          placeholder={actorsLoading ? t('common.loading') : t('audit.filters.anyone')}
          data={actorOptions}
          value={filters.actorId}
          onChange={(value) => onChange({ actorId: value })}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('audit.filters.clearActor') }}
          nothingFoundMessage={t('audit.filters.noActor')}
        />
        <DateField
          label={t('audit.filters.from')}
          value={filters.from ?? ''}
          maxDate={filters.to ?? undefined}
          onChange={(value) => onChange({ from: value || null })}
        />
        <DateField
          label={t('audit.filters.to')}
          value={filters.to ?? ''}
          minDate={filters.from ?? undefined}
          onChange={(value) => onChange({ to: value || null })}
          error={rangeError}
        />
      </SimpleGrid>
      {hasActiveFilters(filters) || entityId ? (
        <Group justify="flex-end" mt="md">
          <Button
            variant="subtle"
            leftSection={<IconFilterOff size={16} aria-hidden="true" />}
            onClick={() => {
              commitEntityId.cancel();
              setEntityId('');
              onChange({ entity: null, entityId: '', actorId: null, action: null, from: null, to: null });
            }}
          >
            {t('common.clearFilters')}
          </Button>
        </Group>
      ) : null}
    </FilterPanel>
  );
}
