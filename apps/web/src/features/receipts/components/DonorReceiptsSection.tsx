import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../../components/ExportMenu';
import { ListFooter } from '../../../components/ListFooter';
import { useDonorReceipts } from '../api/receipts';
import { ReceiptsTable } from './ReceiptsTable';

/**
 * Every receipt of the donor's money, oldest first: its date, the amount in the pledge's currency,
 * the receipt's and the pledge's rates, its US dollars and the Fund's exchange gain or loss on it,
 * and its earmark; a reversal shows as a negative line naming the receipt it corrects. The API
 * serves a donor's users their own donor's receipts only.
 */
export function DonorReceiptsSection({ donorId }: { donorId: string }) {
  const { t } = useTranslation();
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
          <ReceiptsTable texts="donorReceipts" items={items} pledgeColumns />
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
