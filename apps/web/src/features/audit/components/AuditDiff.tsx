import { Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api/get-audit';
import { diffRecords } from '../lib/diff';
import { BOOKKEEPING_FIELDS, useAuditFields } from '../lib/fields';

function Value({ field, value, tone }: { field: string; value: unknown; tone: 'before' | 'after' | 'same' }) {
  const { t } = useTranslation();
  const text = useAuditFields().value(field, value);
  if (!text) {
    return (
      <Text size="xs" c="dimmed" fs="italic">
        {t('audit.diff.empty')}
      </Text>
    );
  }
  const styles = {
    before: { background: '#fdecec', color: '#8a1c1c' },
    after: { background: '#e6f6ec', color: '#14532d' },
    same: { background: 'transparent', color: 'inherit' },
  }[tone];
  return (
    <Code
      block={text.includes('\n') || text.length > 60}
      style={{ ...styles, whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: 12 }}
      dir="auto"
    >
      {tone === 'before' ? <del style={{ textDecorationThickness: 1 }}>{text}</del> : text}
    </Code>
  );
}

/** Before and after of one entry as a readable table: the changed fields first, the rest on request. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const { label } = useAuditFields();
  const rows = diffRecords(entry.before, entry.after);
  // The version and timestamps every change moves say nothing a reader asked about.
  const changed = rows.filter((row) => row.changed && !BOOKKEEPING_FIELDS.has(row.field));
  const shown = showAll ? rows : changed;
  // A creation has only an after, a deletion only a before: one column of values then.
  const single = entry.before === null || entry.after === null;

  return (
    <Stack gap="sm">
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('audit.diff.noChange')}
        </Text>
      ) : (
        <Table.ScrollContainer
          minWidth={560}
          type="native"
          tabIndex={0}
          role="region"
          aria-label={t('audit.diff.label')}
        >
          <Table verticalSpacing={6} withTableBorder aria-label={t('audit.diff.label')} layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w="22%">
                  {t('audit.diff.field')}
                </Table.Th>
                {single ? (
                  <Table.Th scope="col">
                    {entry.after === null ? t('audit.diff.removed') : t('audit.diff.recorded')}
                  </Table.Th>
                ) : (
                  <>
                    <Table.Th scope="col">{t('audit.diff.before')}</Table.Th>
                    <Table.Th scope="col">{t('audit.diff.after')}</Table.Th>
                  </>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((row) => (
                <Table.Tr key={row.field} data-changed={row.changed}>
                  <Table.Th scope="row" fw={row.changed ? 600 : 400}>
                    <Text span size="sm" title={row.field}>
                      {label(row.field)}
                    </Text>
                  </Table.Th>
                  {single ? (
                    <Table.Td>
                      <Value
                        field={row.field}
                        value={entry.after === null ? row.before : row.after}
                        tone="same"
                      />
                    </Table.Td>
                  ) : (
                    <>
                      <Table.Td>
                        <Value field={row.field} value={row.before} tone={row.changed ? 'before' : 'same'} />
                      </Table.Td>
                      <Table.Td>
                        <Value field={row.field} value={row.after} tone={row.changed ? 'after' : 'same'} />
                      </Table.Td>
                    </>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {rows.length > changed.length ? (
        <Group>
          <Button size="compact-sm" variant="subtle" onClick={() => setShowAll((value) => !value)}>
            {showAll
              ? t('audit.diff.onlyChanged')
              : t('audit.diff.showAll', { unchanged: rows.length - changed.length })}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
