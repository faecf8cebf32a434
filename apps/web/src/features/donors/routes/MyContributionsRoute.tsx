import { Alert, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../../components/ExportMenu';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorResult } from '../../../components/QueryStates';
import { useCurrentUser } from '../../../lib/auth';
import { useDonor } from '../api/get-donors';
import { AllDonorsTable } from '../components/AllDonorsTable';
import { DonorLedger } from '../../contributions';
import { DonorReceiptsSection, DonorTracingSection } from '../../receipts';
import { DonorStatementButton } from '../../statements';

/** /donors/mine (donor users): their own contributions in full, every other donor only as totals. */
export function MyContributionsRoute() {
  const { t } = useTranslation();
  const { data: user } = useCurrentUser();
  const donorId = user?.donorId ?? null;
  const donor = useDonor(donorId);
  const name = donor.data?.name ?? '';
  useDocumentTitle(`${t('donors.mine.title')} · ${t('app.name')}`);

  if (!donorId) {
    return (
      <>
        <PageHeader title={t('donors.mine.title')} />
        <Alert color="gray" variant="light" title={t('donors.mine.noDonor')}>
          {t('donors.mine.noDonorBody')}
        </Alert>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={donor.data ? t('donors.mine.titleNamed', { donor: name }) : t('donors.mine.title')}
        description={t('donors.mine.description')}
        actions={
          <Group gap="sm">
            <DonorStatementButton donorId={donorId} />
            <ExportMenu path="/api/v1/contributions" />
          </Group>
        }
      />
      {donor.isPending ? (
        <Stack gap="md" aria-busy="true">
          <Text role="status" size="sm" c="dimmed">
            {t('common.loading')}
          </Text>
          <Skeleton height={100} aria-hidden="true" />
        </Stack>
      ) : donor.isError ? (
        <ErrorResult title={t('donors.loadError')} onRetry={() => void donor.refetch()} />
      ) : (
        <Stack gap="xl">
          <DonorLedger donorId={donorId} donorName={name} canEdit={false} />
          <DonorReceiptsSection donorId={donorId} />
          <DonorTracingSection donorId={donorId} />
          <AllDonorsTable ownDonorId={donorId} />
        </Stack>
      )}
    </>
  );
}
