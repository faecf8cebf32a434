import { Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TableSkeleton } from '../../../components/QueryStates';
import { Tag, type TagTone } from '../../../components/Tag';
import { useIntl } from '../../../lib/intl';
import type { Contribution, ContributionStatus } from '../api/get-contributions';

const STATUS_TONES: Record<ContributionStatus, TagTone> = {
  pledged: 'blue',
  received: 'teal',
  cancelled: 'gray',
};

interface ContributionsTableProps {
  contributions: Contribution[];
  loading: boolean;
  label: string;
  canEdit: boolean;
  onEdit?: (contribution: Contribution) => void;
  onDelete?: (contribution: Contribution) => void;
}

/** Each contribution: when, how much in its currency, the rate, the US dollars it counts for. */
export function ContributionsTable({
  contributions,
  loading,
  label,
  canEdit,
  onEdit,
  onDelete,
}: ContributionsTableProps) {
  const { t } = useTranslation();
  const { money, rate, calendarDate } = useIntl();
  const columns = canEdit ? 7 : 6;
  return (
    <Table.ScrollContainer minWidth={900} type="native" tabIndex={0} role="region" aria-label={label}>
      <Table striped highlightOnHover aria-label={label} aria-busy={loading} verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('donors.contributions.pledgedOn')}</Table.Th>
            <Table.Th scope="col">{t('donors.contributions.status')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('donors.contributions.amount')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('donors.contributions.rate')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('donors.contributions.usd')}
            </Table.Th>
            <Table.Th scope="col">{t('donors.contributions.reference')}</Table.Th>
            {canEdit ? <Table.Th scope="col">{t('donors.contributions.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        {loading ? (
          <TableSkeleton columns={columns} rows={5} />
        ) : (
          <Table.Tbody>
            {contributions.map((contribution) => (
              <Table.Tr key={contribution.id}>
                <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                  {calendarDate(contribution.pledgedOn)}
                </Table.Th>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <Tag tone={STATUS_TONES[contribution.status]}>
                      {t(`donors.status.${contribution.status}`)}
                    </Tag>
                    {contribution.receivedOn ? (
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {t('donors.contributions.receivedOn', {
                          date: calendarDate(contribution.receivedOn),
                        })}
                      </Text>
                    ) : null}
                  </Stack>
                </Table.Td>
                <Table.Td ta="end" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                  {money(contribution.amount, contribution.currency)}
                </Table.Td>
                <Table.Td ta="end" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {contribution.currency === 'USD' ? '—' : rate(contribution.exchangeRate)}
                </Table.Td>
                <Table.Td
                  ta="end"
                  fw={600}
                  style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
                >
                  {money(contribution.usdAmount)}
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm">{contribution.reference ?? '—'}</Text>
                    {contribution.earmarking ? (
                      <Text size="xs" c="dimmed">
                        {t('donors.contributions.earmarked', { note: contribution.earmarking })}
                      </Text>
                    ) : null}
                    {contribution.illustrative ? (
                      <Tooltip label={t('donors.contributions.illustrativeHint')} withArrow>
                        <Text size="xs" c="dimmed" fs="italic" tabIndex={0} w="fit-content">
                          {t('donors.contributions.illustrative')}
                        </Text>
                      </Tooltip>
                    ) : null}
                  </Stack>
                </Table.Td>
                {canEdit ? (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        leftSection={<IconPencil size={16} aria-hidden="true" />}
                        onClick={() => onEdit?.(contribution)}
                        aria-label={t('donors.contributions.editNamed', {
                          date: calendarDate(contribution.pledgedOn),
                        })}
                      >
                        {t('donors.contributions.edit')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        c="red.9"
                        leftSection={<IconTrash size={16} aria-hidden="true" />}
                        onClick={() => onDelete?.(contribution)}
                        aria-label={t('donors.contributions.deleteNamed', {
                          date: calendarDate(contribution.pledgedOn),
                        })}
                      >
                        {t('donors.contributions.delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
