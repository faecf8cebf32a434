import { Alert, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../../components/ExportMenu';
import { ListFooter } from '../../../components/ListFooter';
import { Tag } from '../../../components/Tag';
import { useIntl } from '../../../lib/intl';
import { useDonorReceipts } from '../api/receipts';

/**
 * Every receipt of the donor's money, oldest first: its date, the amount in the pledge's currency,
 * the receipt's and the pledge's rates, its US dollars and the Fund's exchange gain or loss on it,
 * and its earmark; a reversal shows as a negative line naming the receipt it corrects. The API
 * serves a donor's users their own donor's receipts only.
 */
export function DonorReceiptsSection({ donorId }: { donorId: string }) {
  const { t } = useTranslation();
  const { money, rate, calendarDate } = useIntl();
  const query = useDonorReceipts(donorId);
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2} size="h3" id="donor-receipts-title">
            {t('donorReceipts.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('donorReceipts.intro')}
          </Text>
        </Stack>
        <ExportMenu path={`/api/v1/donors/${donorId}/receipts`} />
      </Group>
      {query.isError ? (
        <Alert color="red">{t('donorReceipts.loadFailed')}</Alert>
      ) : query.isPending ? (
        <Text c="dimmed" role="status">
          {t('donorReceipts.loading')}
        </Text>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('donorReceipts.none')}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer
            minWidth={880}
            type="native"
            tabIndex={0}
            role="region"
            aria-label={t('donorReceipts.title')}
          >
            <Table striped aria-labelledby="donor-receipts-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('donorReceipts.columns.date')}</Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('donorReceipts.columns.amount')}
                  </Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('donorReceipts.columns.rate')}
                  </Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('donorReceipts.columns.pledgeRate')}
                  </Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('donorReceipts.columns.usd')}
                  </Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('donorReceipts.columns.difference')}
                  </Table.Th>
                  <Table.Th scope="col">{t('donorReceipts.columns.earmark')}</Table.Th>
                  <Table.Th scope="col">{t('donorReceipts.columns.reference')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Th scope="row" fw={500}>
                      <Stack gap={2}>
                        {calendarDate(r.receivedOn)}
                        {r.kind === 'reversal' ? <Tag tone="gray">{t('donorReceipts.reversal')}</Tag> : null}
                        {r.reversedBy ? <Tag tone="gray">{t('donorReceipts.reversed')}</Tag> : null}
                        {r.pledgeStatus === 'cancelled' ? (
                          <Tag tone="gray">{t('donorReceipts.cancelledPledge')}</Tag>
                        ) : null}
                      </Stack>
                    </Table.Th>
                    <Table.Td ta="end" dir="ltr">
                      {r.kind === 'reversal' ? '−' : ''}
                      {money(r.amount, r.currency)}
                    </Table.Td>
                    <Table.Td ta="end">{rate(r.exchangeRate)}</Table.Td>
                    <Table.Td ta="end">{rate(r.pledgeRate)}</Table.Td>
                    <Table.Td ta="end" dir="ltr">
                      {r.kind === 'reversal' ? '−' : ''}
                      {money(r.usdAmount)}
                    </Table.Td>
                    <Table.Td ta="end" dir="ltr">
                      {money(r.exchangeDifference)}
                    </Table.Td>
                    <Table.Td>
                      {r.earmarkKind === 'none'
                        ? t('donorReceipts.earmark.none')
                        : `${t(`donorReceipts.earmark.${r.earmarkKind}`)}: ${r.earmarkTarget ?? ''}`}
                    </Table.Td>
                    <Table.Td>{r.reference ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ListFooter
            shown={items.length}
            hasMore={query.hasNextPage}
            loadingMore={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
          />
        </>
      )}
    </Stack>
  );
}
