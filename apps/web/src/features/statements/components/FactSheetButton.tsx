import { Button } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { factSheetHref } from '../lib/statement-href';

/** "Fact sheet": the project's fact sheet (PDF) in the reader's language, in one click. */
export function FactSheetButton({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Button
      component="a"
      href={factSheetHref(projectId, i18n.language)}
      download
      variant="default"
      leftSection={<IconFileTypePdf size={16} aria-hidden="true" />}
    >
      {t('statements.factSheet')}
    </Button>
  );
}
