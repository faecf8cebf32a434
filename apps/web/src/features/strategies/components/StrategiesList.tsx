import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EditDeleteButtons } from '../../../components/data-table/EditDeleteButtons';
import { ListTable } from '../../../components/data-table/ListTable';
import { Tag } from '../../../components/Tag';
import { useCountryName } from '../../../lib/country-name';
import { useIntl } from '../../../lib/intl';
import type { Strategy } from '../api/get-strategies';

interface StrategiesListProps {
  strategies: Strategy[];
  loading: boolean;
  refreshing: boolean;
  /** False while more pages wait: the list is then in the API's order (country, then period). */
  complete: boolean;
  canEdit: boolean;
  onEdit: (strategy: Strategy) => void;
  onDelete: (strategy: Strategy) => void;
  /** Today (YYYY-MM-DD), to mark the strategies in force. */
  today: string;
}

function isUrl(value: string) {
  return /^https?:\/\/\S+$/i.test(value);
}

/** The national strategies, one a row: country, title and reference, period, priority areas. */
export function StrategiesList({
  strategies,
  loading,
  refreshing,
  complete,
  canEdit,
  onEdit,
  onDelete,
  today,
}: StrategiesListProps) {
  const { t } = useTranslation();
  const { calendarDate } = useIntl();
  const countryName = useCountryName();
  const columns = useMemo<ColumnDef<Strategy>[]>(
    () => [
      {
        id: 'country',
        header: t('strategies.filters.country'),
        accessorFn: (strategy) => countryName(strategy.countryIso3),
        cell: ({ row: { original: strategy } }) => (
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {countryName(strategy.countryIso3)}
            </Text>
            <Text span size="xs" c="dimmed" ff="monospace" dir="ltr">
              {strategy.countryIso3}
            </Text>
          </Stack>
        ),
      },
      {
        id: 'title',
        header: t('strategies.table.title'),
        accessorFn: (strategy) => strategy.title,
        meta: { rowHeader: true, width: '30%' },
        cell: ({ row: { original: strategy } }) => (
          <Stack gap={2}>
            <Text size="sm" fw={600} dir="auto">
              {strategy.title}
            </Text>
            {strategy.reference ? (
              isUrl(strategy.reference) ? (
                <Anchor
                  href={strategy.reference}
                  target="_blank"
                  rel="noreferrer"
                  size="xs"
                  style={{ wordBreak: 'break-all' }}
                >
                  {strategy.reference}
                </Anchor>
              ) : (
                <Text size="xs" c="dimmed">
                  {strategy.reference}
                </Text>
              )
            ) : null}
          </Stack>
        ),
      },
      {
        id: 'period',
        header: t('strategies.table.period'),
        accessorFn: (strategy) => strategy.periodFrom,
        cell: ({ row: { original: strategy } }) => (
          <Stack gap={4} align="flex-start">
            <Text size="sm">
              {t('strategies.table.periodValue', {
                from: calendarDate(strategy.periodFrom),
                to: calendarDate(strategy.periodTo),
              })}
            </Text>
            {strategy.periodFrom <= today && today <= strategy.periodTo ? (
              <Tag tone="teal">{t('strategies.table.inForce')}</Tag>
            ) : null}
          </Stack>
        ),
      },
      {
        id: 'priorityAreas',
        header: t('strategies.table.priorityAreas'),
        cell: ({ row: { original: strategy } }) =>
          strategy.priorityAreas.length ? (
            <Group gap={6}>
              {strategy.priorityAreas.map((area) => (
                <Tag key={area} tone="indigo">
                  {area}
                </Tag>
              ))}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('strategies.table.noAreas')}
            </Text>
          ),
      },
      ...(canEdit
        ? [
            {
              id: 'actions',
              header: t('strategies.table.actions'),
              meta: { hideable: false },
              cell: ({ row: { original: strategy } }) => (
                <EditDeleteButtons
                  editText={t('strategies.table.edit')}
                  deleteText={t('strategies.table.delete')}
                  editLabel={t('strategies.table.editNamed', { title: strategy.title })}
                  deleteLabel={t('strategies.table.deleteNamed', { title: strategy.title })}
                  onEdit={() => onEdit(strategy)}
                  onDelete={() => onDelete(strategy)}
                />
              ),
            } satisfies ColumnDef<Strategy>,
          ]
        : []),
    ],
    [t, calendarDate, countryName, today, canEdit, onEdit, onDelete],
  );

  return (
    <ListTable
      listId="strategies"
      views
      cards
      label={t('strategies.title')}
      columns={columns}
      data={strategies}
      getRowId={(strategy) => strategy.id}
      loading={loading}
      refreshing={refreshing}
      // Ordered here once every page is loaded; until then, in the API's order.
      clientSort={complete ? { id: 'country', descending: false } : undefined}
      count={loading ? undefined : { shown: strategies.length, hasMore: !complete }}
      minWidth={860}
      testId="strategies-table"
    />
  );
}
