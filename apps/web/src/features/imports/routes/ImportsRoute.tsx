import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconCheck, IconDownload, IconFileUpload, IconUpload } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ToneBadge } from '../../../components/Badges';
import { ListTable } from '../../../components/data-table/ListTable';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorResult } from '../../../components/QueryStates';
import type { Tone } from '../../../components/tones';
import { useFormatters } from '../../../lib/format';
import { notifySaved } from '../../../lib/notify';
import { useProblemText } from '../../../lib/use-problem-text';
import {
  IMPORT_KINDS,
  isRunning,
  templateHref,
  useConfirmImport,
  useImport,
  useImports,
  useUploadImport,
  type ImportKind,
  type ImportRecord,
  type ImportSummary,
} from '../api/imports';

const ACTION_TONES: Record<ImportRecord['changes'][number]['action'], Tone> = {
  create: 'green',
  update: 'blue',
  unchanged: 'gray',
};

const STATUS_TONES: Record<ImportRecord['status'], Tone> = {
  checking: 'blue',
  checked: 'indigo',
  importing: 'blue',
  imported: 'green',
  failed: 'red',
};

/** /imports: staff bring in projects, contributions, consents or strategies from a CSV or Excel file. */
export function ImportsRoute() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(`${t('imports.title')} · ${t('app.name')}`);
  const [kind, setKind] = useState<ImportKind>('projects');
  const [file, setFile] = useState<File | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const upload = useUploadImport();
  const problemText = useProblemText();
  const history = useImports();
  const format = useFormatters();
  const historyColumns = useMemo<ColumnDef<ImportSummary>[]>(
    () => [
      {
        id: 'file',
        header: t('imports.columns.file'),
        accessorFn: (item) => item.fileName,
        meta: { rowHeader: true },
        cell: ({ row: { original: item } }) => (
          <Anchor component="button" type="button" size="sm" onClick={() => setSelected(item.id)}>
            {item.fileName}
          </Anchor>
        ),
      },
      { id: 'kind', header: t('imports.kind'), accessorFn: (item) => t(`imports.kinds.${item.kind}`) },
      {
        id: 'status',
        header: t('imports.columns.status'),
        accessorFn: (item) => t(`imports.statuses.${item.status}`),
        cell: ({ row: { original: item } }) => (
          <ToneBadge tone={STATUS_TONES[item.status]}>{t(`imports.statuses.${item.status}`)}</ToneBadge>
        ),
      },
      {
        id: 'rows',
        header: t('imports.columns.rows'),
        accessorFn: (item) => item.totalRows,
        meta: { align: 'end' },
        cell: ({ row }) => format.number(row.original.totalRows),
      },
      {
        id: 'when',
        header: t('imports.columns.when'),
        accessorFn: (item) => item.createdAt,
        meta: { nowrap: true },
        cell: ({ row }) => format.date(row.original.createdAt),
      },
    ],
    [t, format],
  );

  const send = () => {
    if (!file) return;
    upload.mutate(
      { kind, file },
      {
        onSuccess: (created) => {
          setSelected(created.id);
          setFile(null);
        },
      },
    );
  };

  return (
    <>
      <PageHeader title={t('imports.title')} description={t('imports.description')} />
      <Paper withBorder radius="md" p="md" mb="md">
        <Stack gap="md">
          <Group align="flex-end" wrap="wrap">
            <Select
              label={t('imports.kind')}
              data={IMPORT_KINDS.map((value) => ({ value, label: t(`imports.kinds.${value}`) }))}
              value={kind}
              allowDeselect={false}
              onChange={(value) => value && setKind(value)}
              w={240}
            />
            <FileInput
              label={t('imports.file')}
              description={t('imports.fileHint')}
              placeholder={t('imports.choose')}
              accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              leftSection={<IconFileUpload size={16} aria-hidden="true" />}
              value={file}
              onChange={setFile}
              clearable
              w={320}
            />
            <Button
              leftSection={<IconUpload size={16} aria-hidden="true" />}
              onClick={send}
              disabled={!file}
              loading={upload.isPending}
            >
              {t('imports.check')}
            </Button>
          </Group>
          <Text size="sm" c="dimmed" maw={720}>
            {t(`dataIo.keys.${kind}`)}
          </Text>
          <Group gap="xs">
            <Text size="sm">{t('imports.template')}</Text>
            {(['xlsx', 'csv'] as const).map((format) => (
              <Anchor key={format} size="sm" href={templateHref(kind, format, i18n.language)} download>
                <Group gap={4} component="span" display="inline-flex">
                  <IconDownload size={14} aria-hidden="true" />
                  {t(`imports.templateFormats.${format}`)}
                </Group>
              </Anchor>
            ))}
          </Group>
          {upload.error ? (
            <Alert color="red" title={t('imports.refused')}>
              <Text size="sm">{problemText(upload.error)}</Text>
              <HeaderProblems error={upload.error} />
            </Alert>
          ) : null}
        </Stack>
      </Paper>

      {selected ? <ImportPanel id={selected} /> : null}

      <Title order={2} size="h4" mt="xl" mb="sm">
        {t('imports.history')}
      </Title>
      {history.isError ? (
        <ErrorResult title={t('imports.error')} onRetry={() => void history.refetch()} />
      ) : (
        <ListTable
          listId="imports"
          columnChoice={false}
          label={t('imports.history')}
          columns={historyColumns}
          data={history.data?.items ?? []}
          getRowId={(item) => item.id}
          loading={history.isPending}
          // The latest imports, ordered here: the API sends only the most recent ones.
          clientSort={{ id: 'when', descending: true }}
          count={
            history.data
              ? { shown: history.data.items.length, hasMore: Boolean(history.data.nextCursor) }
              : undefined
          }
          minWidth={640}
          fz="sm"
        />
      )}
    </>
  );
}

/** The header row's problems (an unknown or missing column), one per line. */
function HeaderProblems({ error }: { error: unknown }) {
  const problem = (error as { problem?: { errors?: { field: string; message: string }[] } }).problem;
  if (!problem?.errors?.length) return null;
  return (
    <ul>
      {problem.errors.map((item) => (
        <li key={`${item.field}-${item.message}`}>
          <Text size="sm" span fw={600}>
            {item.field}
          </Text>{' '}
          <Text size="sm" span>
            {item.message}
          </Text>
        </li>
      ))}
    </ul>
  );
}

/** One import: its progress while it runs, then its errors or what it creates, and the confirmation. */
function ImportPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const record = useImport(id);
  const confirm = useConfirmImport();
  const problemText = useProblemText();
  const data = record.data;
  if (record.isError) return <ErrorResult title={t('imports.error')} onRetry={() => void record.refetch()} />;
  if (!data) return null;
  const running = isRunning(data.status);
  const percent = data.totalRows ? Math.round((100 * data.processedRows) / data.totalRows) : 0;

  return (
    <Paper withBorder radius="md" p="md" aria-live="polite">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {data.fileName}
        </Title>
        <ToneBadge tone={STATUS_TONES[data.status]}>{t(`imports.statuses.${data.status}`)}</ToneBadge>
      </Group>
      {running ? (
        <Stack gap={4}>
          <Progress value={percent} aria-label={t('imports.progress')} animated />
          <Text size="sm">
            {t('imports.processed', { processed: data.processedRows, total: data.totalRows })}
          </Text>
        </Stack>
      ) : null}
      {data.status === 'failed' ? (
        <Alert color="red" title={t('imports.failed')}>
          {data.failure}
        </Alert>
      ) : null}
      {data.status === 'imported' ? (
        <Alert
          color="green"
          icon={<IconCheck size={18} aria-hidden="true" />}
          title={t('imports.done')}
          // Mantine's green title on its light background is below 4.5:1; this green is 7:1 (WCAG AA).
          styles={{ title: { color: '#1b5e20' } }}
        >
          {t('imports.created', { n: data.createCount })}
          {data.updateCount || data.unchangedCount
            ? ` ${t('dataIo.changed', { n: data.updateCount, unchanged: data.unchangedCount })}`
            : null}
        </Alert>
      ) : null}
      {data.status === 'checked' && data.errorCount > 0 ? (
        <Stack gap="sm">
          <Alert color="red" title={t('imports.hasErrors', { n: data.errorCount })}>
            {t('imports.fixAndRetry')}
          </Alert>
          <Table.ScrollContainer minWidth={560}>
            <Table striped>
              <Table.Caption>{t('imports.errorsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('imports.columns.row')}</Table.Th>
                  <Table.Th>{t('imports.columns.column')}</Table.Th>
                  <Table.Th>{t('imports.columns.message')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.errors.map((error, index) => (
                  <Table.Tr key={`${error.row}-${error.column ?? ''}-${index}`}>
                    <Table.Td>{error.row}</Table.Td>
                    <Table.Td>{error.column ?? t('imports.wholeRow')}</Table.Td>
                    <Table.Td>{error.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ) : null}
      {data.status === 'checked' && data.errorCount === 0 ? (
        <Stack gap="sm">
          <Text>
            {t('imports.wouldCreate', { n: data.createCount })}
            {data.updateCount || data.unchangedCount
              ? ` ${t('dataIo.wouldChange', { n: data.updateCount, unchanged: data.unchangedCount })}`
              : null}
          </Text>
          <Group>
            <Button
              leftSection={<IconCheck size={16} aria-hidden="true" />}
              loading={confirm.isPending}
              onClick={() =>
                confirm.mutate(data, {
                  onSuccess: (done) => {
                    if (done.status === 'imported')
                      notifySaved(
                        done.updateCount
                          ? `${t('imports.created', { n: done.createCount })} ${t('dataIo.changed', { n: done.updateCount, unchanged: done.unchangedCount })}`
                          : t('imports.created', { n: done.createCount }),
                      );
                  },
                })
              }
            >
              {t('imports.confirm', { n: data.changeCount })}
            </Button>
          </Group>
          {confirm.error ? (
            <Alert color="red" title={t('imports.refused')}>
              {problemText(confirm.error)}
            </Alert>
          ) : null}
        </Stack>
      ) : null}
      {data.changes.length > 0 && !running ? (
        <Table.ScrollContainer minWidth={480} mt="md">
          <Table striped>
            <Table.Caption>
              {t('dataIo.changesCaption', {
                shown: data.changes.length,
                n: data.createCount + data.updateCount + data.unchangedCount,
              })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('imports.columns.row')}</Table.Th>
                <Table.Th>{t('dataIo.columns.action')}</Table.Th>
                <Table.Th>{t('imports.columns.record')}</Table.Th>
                <Table.Th>{t('dataIo.columns.fields')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.changes.map((change) => (
                <Table.Tr key={change.row}>
                  <Table.Td>{change.row}</Table.Td>
                  <Table.Td>
                    <ToneBadge tone={ACTION_TONES[change.action]}>
                      {t(`dataIo.actions.${change.action}`)}
                    </ToneBadge>
                  </Table.Td>
                  <Table.Td>{change.summary}</Table.Td>
                  <Table.Td>
                    <FieldChanges fields={change.fields} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Paper>
  );
}

/** What an update changes, one field a line: the column, what it is, what the row makes it. */
function FieldChanges({ fields }: { fields: ImportRecord['changes'][number]['fields'] }) {
  const { t } = useTranslation();
  if (!fields.length) return null;
  return (
    <ul style={{ margin: 0, paddingInlineStart: '1rem' }}>
      {fields.map((field) => (
        <li key={field.field}>
          <Text size="sm" span fw={600}>
            {field.column}
          </Text>
          {': '}
          <Text size="sm" span>
            {t('dataIo.fromTo', { from: field.from || '—', to: field.to || '—' })}
          </Text>
        </li>
      ))}
    </ul>
  );
}
