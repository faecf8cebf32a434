import { Button, Modal } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentRecord } from '../api/documents';
import { DocumentsSection } from './DocumentsSection';

/** "Documents": the documents of a record in a dialog, for screens that list many records (reports, revisions, consents). */
export function DocumentsButton({
  record,
  canEdit,
  label,
}: {
  record: DocumentRecord;
  canEdit: boolean;
  /** The record, as the dialog's title names it ("Consent of Kenya"). */
  label: string;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        size="xs"
        variant="default"
        w="fit-content"
        leftSection={<IconPaperclip size={14} aria-hidden="true" />}
        onClick={() => setOpened(true)}
      >
        {t('documents.open')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('documents.dialogTitle', { record: label })}
        size="xl"
        closeButtonProps={{ 'aria-label': t('documents.close') }}
      >
        {opened ? <DocumentsSection record={record} canEdit={canEdit} heading={false} /> : null}
      </Modal>
    </>
  );
}
