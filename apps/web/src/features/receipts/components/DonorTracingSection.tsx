import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useIntl } from '../../../lib/intl';
import { useDonorTracing } from '../api/receipts';

/**
 * Where the donor's money went: per project, the earmarked money exactly and the unearmarked share
 * pro rata of the pool at each decision, what came back (its share of the balance released at
 * completion and of refunds) and the net, with the method said in words; what is not yet allocated.
 */
export function DonorTracingSection({ donorId }: { donorId: string }) {
  const { t } = useTranslation();
  const { money } = useIntl();
  const query = useDonorTracing(donorId);
  const tracing = query.data;
  return (
    <Stack gap="sm" component="section" aria-labelledby="donor-tracing-title">
      <Title order={2} size="h3" id="donor-tracing-title">
        {t('tracing.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('tracing.method')} {t('moneyReturns.method')}
      </Text>
      {query.isError ? (
        <Alert color="red">{t('tracing.loadFailed')}</Alert>
      ) : !tracing ? (
        <Text c="dimmed">{t('tracing.loading')}</Text>
      ) : (
        <>
          <Text size="sm">
            {t('tracing.summary', { paid: money(tracing.paid), unallocated: money(tracing.unallocated) })}{' '}
            {t('moneyReturns.returned', { returned: money(tracing.returned) })}
          </Text>
          {tracing.projects.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('tracing.none')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={880} type="native">
              <Table striped aria-label={t('tracing.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('tracing.columns.project')}</Table.Th>
                    <Table.Th scope="col" ta="end">
                      {t('tracing.columns.earmarked')}
                    </Table.Th>
                    <Table.Th scope="col" ta="end">
                      {t('tracing.columns.proRata')}
                    </Table.Th>
                    <Table.Th scope="col" ta="end">
                      {t('moneyReturns.columns.paidFor')}
                    </Table.Th>
                    <Table.Th scope="col" ta="end">
                      {t('moneyReturns.columns.released')}
                    </Table.Th>
                    <Table.Th scope="col" ta="end">
                      {t('moneyReturns.columns.refunded')}
                    </Table.Th>
                    <Table.Th scope="col" ta="end">
                      {t('moneyReturns.columns.net')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {tracing.projects.map((p) => (
                    <Table.Tr key={p.projectId}>
                      <Table.Th scope="row" fw={500}>
                        <Link to={`/projects/${p.projectId}`}>{p.projectCode}</Link>
                        <Text size="xs" c="dimmed">
                          {p.projectTitle}
                        </Text>
                      </Table.Th>
                      <Table.Td ta="end">{money(p.earmarked)}</Table.Td>
                      <Table.Td ta="end">{money(p.proRata)}</Table.Td>
                      <Table.Td ta="end">{money(p.total)}</Table.Td>
                      <Table.Td ta="end">{money(p.released)}</Table.Td>
                      <Table.Td ta="end">{money(p.refunded)}</Table.Td>
                      <Table.Td ta="end" fw={600}>
                        {money(p.net)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text size="xs" c="dimmed" mt="xs">
                {t('moneyReturns.netNote')}
              </Text>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </Stack>
  );
}
