import {
  ActionIcon,
  Anchor,
  Button,
  Collapse,
  Group,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconFilter } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../../components/data-table/ListTable';
import { Tag, type TagTone } from '../../../components/Tag';
import { useIntl } from '../../../lib/intl';
import { useProjectFormat } from '../../../lib/project-format';
import type { AuditEntry } from '../api/get-audit';
import { diffRecords } from '../lib/diff';
import { BOOKKEEPING_FIELDS, useAuditFields } from '../lib/fields';
import type { AuditFilters } from '../lib/filters';
import { useAuditLabels } from '../lib/labels';
import { AuditDiff } from './AuditDiff';

const ACTION_TONES: Record<string, TagTone> = {
  create: 'teal',
  update: 'blue',
  delete: 'orange',
  transition: 'grape',
};

interface AuditLogProps {
  entries: AuditEntry[];
  loading: boolean;
  refreshing: boolean;
  onFilter: (change: Partial<AuditFilters>) => void;
  count?: { shown: number; hasMore: boolean };
}

/** The entries, newest first; each opens to show what changed. */
export function AuditLog({ entries, loading, refreshing, onFilter, count }: AuditLogProps) {
  const { t } = useTranslation();
  const { dateTime } = useIntl();
  const { entityLabel, actionLabel } = useAuditLabels();
  const fields = useAuditFields();
  const format = useProjectFormat();
  const [open, setOpen] = useState<Set<string>>(() => new Set());

  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const columns: ColumnDef<AuditEntry>[] = [
    {
      id: 'details',
      header: () => <VisuallyHidden>{t('audit.table.details')}</VisuallyHidden>,
      meta: { label: t('audit.table.details'), hideable: false, width: 48 },
      cell: ({ row: { original: entry } }) => {
        const expanded = open.has(entry.id);
        return (
          <ActionIcon
            variant="subtle"
            color="gray.8"
            onClick={() => toggle(entry.id)}
            aria-expanded={expanded}
            aria-controls={`audit-entry-${entry.id}`}
            aria-label={t(expanded ? 'audit.table.hide' : 'audit.table.show', {
              action: actionLabel(entry.action),
              record: entityLabel(entry.entity),
              when: dateTime(entry.occurredAt),
            })}
          >
            {expanded ? (
              <IconChevronDown size={18} aria-hidden="true" />
            ) : (
              <IconChevronRight size={18} aria-hidden="true" className="directional-icon" />
            )}
          </ActionIcon>
        );
      },
    },
    {
      id: 'when',
      header: t('audit.table.when'),
      meta: { nowrap: true },
      cell: ({ row }) => dateTime(row.original.occurredAt),
    },
    {
      id: 'who',
      header: t('audit.table.who'),
      cell: ({ row: { original: entry } }) => (
        <Stack gap={0}>
          <Text size="sm" dir="auto" span>
            {entry.actorName ?? entry.actorEmail ?? t('audit.table.system')}
          </Text>
          {entry.actorName && entry.actorEmail ? (
            <Text size="xs" c="dimmed" dir="ltr" span>
              {entry.actorEmail}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    {
      id: 'action',
      header: t('audit.table.action'),
      cell: ({ row: { original: entry } }) => (
        <Tag tone={ACTION_TONES[entry.action] ?? 'gray'}>{actionLabel(entry.action)}</Tag>
      ),
    },
    {
      id: 'record',
      header: t('audit.table.record'),
      cell: ({ row: { original: entry } }) => {
        const name = recordName(entry);
        return (
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {entityLabel(entry.entity)}
              {name && entry.entity !== 'project' ? (
                <Text span size="sm" fw={400} dir="auto">
                  {' · '}
                  {name}
                </Text>
              ) : null}
            </Text>
            {entry.entity === 'access_token' && (entry.actorName ?? entry.actorEmail) ? (
              // Only its owner creates or revokes a token (the API refuses anyone else): whose it is.
              <Text size="xs" c="dimmed" dir="auto">
                {t('timelineWords.tokenOwner', { person: entry.actorName ?? entry.actorEmail })}
              </Text>
            ) : null}
            {entry.projectCode ? (
              <Anchor component={Link} to={`/projects/${entry.projectCode}`} size="xs">
                <bdi>{entry.projectCode}</bdi> <bdi>{entry.projectTitle}</bdi>
              </Anchor>
            ) : name === null ? (
              <Text size="xs" c="dimmed" ff="monospace" dir="ltr">
                {entry.entityId}
              </Text>
            ) : null}
          </Stack>
        );
      },
    },
    {
      id: 'changes',
      header: t('audit.table.changes'),
      cell: ({ row: { original: entry } }) => {
        const changedFields = diffRecords(entry.before, entry.after)
          .filter((row) => row.changed && !BOOKKEEPING_FIELDS.has(row.field))
          .map((row) => row.field);
        const changed = changedFields.length;
        return (
          <Text size="sm">
            {entry.before === null
              ? t('audit.table.createdFields', { changed })
              : entry.after === null
                ? t('audit.table.deletedRecord')
                : changed > 0
                  ? t('audit.table.changedList', {
                      fields: format.list(changedFields.slice(0, 4).map(fields.label)),
                    })
                  : t('audit.table.changedFields', { changed })}
          </Text>
        );
      },
    },
  ];

  const details = (entry: AuditEntry, span: number) => {
    const expanded = open.has(entry.id);
    return (
      <Table.Tr style={{ display: expanded ? undefined : 'none' }}>
        <Table.Td colSpan={span} p={0} bg="gray.0">
          <Collapse expanded={expanded} id={`audit-entry-${entry.id}`}>
            {expanded ? (
              <Stack gap="sm" p="md">
                <Group gap="xs">
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<IconFilter size={14} aria-hidden="true" />}
                    onClick={() => onFilter({ entity: entry.entity, entityId: entry.entityId })}
                  >
                    {t('audit.table.sameRecord')}
                  </Button>
                  {entry.actorId ? (
                    <Button
                      size="compact-sm"
                      variant="light"
                      leftSection={<IconFilter size={14} aria-hidden="true" />}
                      onClick={() => onFilter({ actorId: entry.actorId })}
                    >
                      {t('audit.table.sameActor')}
                    </Button>
                  ) : null}
                  {entry.requestId ? (
                    <Text size="xs" c="dimmed">
                      {t('audit.table.request')}{' '}
                      <Text span size="xs" ff="monospace" dir="ltr">
                        {entry.requestId}
                      </Text>
                    </Text>
                  ) : null}
                </Group>
                <AuditDiff entry={entry} />
              </Stack>
            ) : null}
          </Collapse>
        </Table.Td>
      </Table.Tr>
    );
  };

  return (
    <ListTable
      listId="audit"
      views
      label={t('audit.title')}
      columns={columns}
      data={entries}
      getRowId={(entry) => entry.id}
      rowProps={(entry) => ({ 'data-expanded': String(open.has(entry.id)) })}
      expansion={details}
      loading={loading}
      refreshing={refreshing}
      minWidth={860}
      count={count}
    />
  );
}

/** What a reader calls the record: its name, title or code as the entry recorded it; null if it has none. */
function recordName(entry: AuditEntry): string | null {
  const record = entry.after ?? entry.before;
  for (const field of ['name', 'title', 'acronym', 'code', 'email']) {
    const value = record?.[field];
    if (typeof value === 'string' && value && value !== '[redacted]') return value;
  }
  return null;
}
