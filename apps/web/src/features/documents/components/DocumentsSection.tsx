import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  Select,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconDownload, IconFileUpload, IconPaperclip, IconTrash } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS } from '@hstf/domain';
import { ConfirmDeleteModal } from '../../../components/ConfirmDeleteModal';
import { ListTable } from '../../../components/data-table/ListTable';
import { ErrorResult } from '../../../components/QueryStates';
import { useIntl } from '../../../lib/intl';
import { notifySaved } from '../../../lib/notify';
import {
  documentHref,
  useAttachDocument,
  useDocuments,
  useRemoveDocument,
  type AttachedDocument,
  type DocumentKind,
  type DocumentRecord,
} from '../api/documents';
import { useDocumentProblemText } from '../lib/problem-text';
import { useFileSize } from '../lib/file-size';

interface DocumentsSectionProps {
  record: DocumentRecord;
  /** Staff and admin attach and remove; other readers download. */
  canEdit: boolean;
  /** Shown as a level-3 heading above the list; none inside a dialog that already names it. */
  heading?: boolean;
}

/** The documents of one record: listed newest first, downloaded under their own name, attached and removed by staff. */
export function DocumentsSection({ record, canEdit, heading = true }: DocumentsSectionProps) {
  const { t } = useTranslation();
  const { dateTime } = useIntl();
  const size = useFileSize();
  const headingId = useId();
  const documents = useDocuments(record);
  const [removing, setRemoving] = useState<AttachedDocument | null>(null);
  const remove = useRemoveDocument(record);
  const problemText = useDocumentProblemText();
  const resetRemove = remove.reset;
  const columns = useMemo<ColumnDef<AttachedDocument>[]>(
    () => [
      {
        id: 'name',
        header: t('documents.columns.name'),
        accessorFn: (document) => document.fileName,
        meta: { rowHeader: true },
        cell: ({ row: { original: document } }) => (
          <Anchor
            href={documentHref(document.id)}
            download={document.fileName}
            size="sm"
            aria-label={t('documents.download', { name: document.fileName })}
          >
            <Group gap={4} component="span" display="inline-flex" wrap="nowrap">
              <IconDownload size={14} aria-hidden="true" />
              <span dir="auto">{document.fileName}</span>
            </Group>
          </Anchor>
        ),
      },
      {
        id: 'kind',
        header: t('documents.columns.kind'),
        accessorFn: (document) => t(`documents.kinds.${document.documentKind}`),
      },
      {
        id: 'size',
        header: t('documents.columns.size'),
        accessorFn: (document) => document.sizeBytes,
        meta: { nowrap: true },
        cell: ({ row }) => size(row.original.sizeBytes),
      },
      {
        id: 'added',
        header: t('documents.columns.added'),
        accessorFn: (document) => document.createdAt,
        cell: ({ row: { original: document } }) => (
          <Text size="sm">
            {document.createdByName
              ? t('documents.addedBy', { when: dateTime(document.createdAt), name: document.createdByName })
              : dateTime(document.createdAt)}
          </Text>
        ),
      },
      ...(canEdit
        ? ([
            {
              id: 'remove',
              header: () => <VisuallyHidden>{t('documents.remove')}</VisuallyHidden>,
              meta: { label: t('documents.remove') },
              cell: ({ row: { original: document } }) => (
                <ActionIcon
                  variant="subtle"
                  color="red.9"
                  aria-label={t('documents.removeLabel', { name: document.fileName })}
                  onClick={() => {
                    resetRemove();
                    setRemoving(document);
                  }}
                >
                  <IconTrash size={16} aria-hidden="true" />
                </ActionIcon>
              ),
            },
          ] satisfies ColumnDef<AttachedDocument>[])
        : []),
    ],
    [t, dateTime, size, canEdit, resetRemove],
  );

  return (
    <Stack gap="sm" component="section" aria-labelledby={heading ? headingId : undefined}>
      {heading ? (
        <Group gap="xs">
          <IconPaperclip size={18} aria-hidden="true" />
          <Title order={3} fz="md" id={headingId}>
            {t('documents.title')}
          </Title>
        </Group>
      ) : null}
      {documents.isPending ? (
        <Skeleton height={40} aria-busy="true" />
      ) : documents.isError ? (
        <ErrorResult title={t('documents.error')} onRetry={() => void documents.refetch()} />
      ) : documents.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('documents.empty')}
        </Text>
      ) : (
        <ListTable
          cards
          listId="documents"
          columnChoice={false}
          label={t('documents.title')}
          columns={columns}
          data={documents.data}
          getRowId={(document) => document.id}
          clientSort={{ id: 'added', descending: true }}
          count={{ shown: documents.data.length, hasMore: false }}
          minWidth={520}
          fz="sm"
          testId="documents-table"
        />
      )}
      {canEdit ? <AttachForm record={record} /> : null}
      <ConfirmDeleteModal
        opened={removing !== null}
        title={t('documents.removeTitle')}
        body={t('documents.removeBody', { name: removing?.fileName ?? '' })}
        error={remove.error ? problemText(remove.error) : null}
        pending={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return;
          remove.mutate(removing, {
            onSuccess: () => {
              notifySaved(t('documents.removed', { name: removing.fileName }));
              setRemoving(null);
            },
          });
        }}
      />
    </Stack>
  );
}

function AttachForm({ record }: { record: DocumentRecord }) {
  const { t } = useTranslation();
  const kinds = DOCUMENT_KINDS[record.recordKind] as readonly DocumentKind[];
  const [kind, setKind] = useState<DocumentKind>(kinds[0]!);
  const [file, setFile] = useState<File | null>(null);
  const attach = useAttachDocument(record);
  const problemText = useDocumentProblemText();

  const send = () => {
    if (!file) return;
    attach.mutate(
      { documentKind: kind, file },
      {
        onSuccess: (created) => {
          notifySaved(t('documents.attach.attached', { name: created.fileName }));
          setFile(null);
        },
      },
    );
  };

  return (
    <Stack gap="xs">
      <Group align="flex-end" wrap="wrap" gap="sm">
        <Select
          label={t('documents.attach.kind')}
          data={kinds.map((value) => ({ value, label: t(`documents.kinds.${value}`) }))}
          value={kind}
          allowDeselect={false}
          onChange={(value) => value && setKind(value)}
          w={200}
        />
        <FileInput
          label={t('documents.attach.file')}
          description={t('documents.attach.hint')}
          placeholder={t('documents.attach.choose')}
          accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.odt,.txt"
          leftSection={<IconFileUpload size={16} aria-hidden="true" />}
          value={file}
          onChange={(value) => {
            attach.reset();
            setFile(value);
          }}
          clearable
          w={300}
        />
        <Button onClick={send} disabled={!file} loading={attach.isPending}>
          {t('documents.attach.submit')}
        </Button>
      </Group>
      {attach.error ? (
        <Alert color="red" variant="light" role="alert" title={t('documents.attach.refused')}>
          <Text size="sm">{problemText(attach.error)}</Text>
        </Alert>
      ) : null}
    </Stack>
  );
}
