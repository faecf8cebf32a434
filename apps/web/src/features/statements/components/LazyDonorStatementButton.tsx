import { Button } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

const DonorStatementButton = lazy(() =>
  import('./DonorStatementButton').then((m) => ({ default: m.DonorStatementButton })),
);

/**
 * The donor's statement button, its popover (floating-ui, about 18 KB gzip) fetched when a donor's
 * page shows it: this feature's index also gives every project's page its fact sheet button.
 */
export function LazyDonorStatementButton({ donorId }: { donorId: string }) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <Button variant="default" disabled leftSection={<IconFileTypePdf size={16} aria-hidden="true" />}>
          {t('statements.donor.button')}
        </Button>
      }
    >
      <DonorStatementButton donorId={donorId} />
    </Suspense>
  );
}
