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
import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TableSkeleton } from '../../../components/QueryStates';
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
}

/** The entries, newest first; each opens to show what changed. */
export function AuditLog({ entries, loading, refreshing, onFilter }: AuditLogProps) {
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

  return (
    <Table.ScrollContainer minWidth={860}>
      <Table
        aria-label={t('audit.title')}
        aria-busy={loading || refreshing}
        style={{ opacity: refreshing ? 0.6 : 1, transition: 'opacity 150ms' }}
        verticalSpacing="sm"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={48}>
              <VisuallyHidden>{t('audit.table.details')}</VisuallyHidden>
            </Table.Th>
            <Table.Th scope="col">{t('audit.table.when')}</Table.Th>
            <Table.Th scope="col">{t('audit.table.who')}</Table.Th>
            <Table.Th scope="col">{t('audit.table.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.table.record')}</Table.Th>
            <Table.Th scope="col">{t('audit.table.changes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        {loading ? (
          <TableSkeleton columns={6} />
        ) : (
          <Table.Tbody>
            {entries.map((entry) => {
              const expanded = open.has(entry.id);
              const changedFields = diffRecords(entry.before, entry.after)
                .filter((row) => row.changed && !BOOKKEEPING_FIELDS.has(row.field))
                .map((row) => row.field);
              const changed = changedFields.length;
              const panelId = `audit-entry-${entry.id}`;
              const who = entry.actorName ?? entry.actorEmail ?? t('audit.table.system');
              const name = recordName(entry);
              return (
                <Fragment key={entry.id}>
                  <Table.Tr data-expanded={expanded}>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="gray.8"
                        onClick={() => toggle(entry.id)}
                        aria-expanded={expanded}
                        aria-controls={panelId}
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
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(entry.occurredAt)}</Table.Td>
                    <Table.Td>
                      <Stack gap={0}>
                        <Text size="sm" dir="auto" span>
                          {who}
                        </Text>
                        {entry.actorName && entry.actorEmail ? (
                          <Text size="xs" c="dimmed" dir="ltr" span>
                            {entry.actorEmail}
                          </Text>
                        ) : null}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Tag tone={ACTION_TONES[entry.action] ?? 'gray'}>{actionLabel(entry.action)}</Tag>
                    </Table.Td>
                    <Table.Td>
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
                    </Table.Td>
                    <Table.Td>
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
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr style={{ display: expanded ? undefined : 'none' }}>
                    <Table.Td colSpan={6} p={0} bg="gray.0">
                      <Collapse expanded={expanded} id={panelId}>
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
                </Fragment>
              );
            })}
          </Table.Tbody>
        )}
      </Table>
    </Table.ScrollContainer>
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
