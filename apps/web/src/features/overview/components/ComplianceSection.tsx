import { Anchor, Box, Group, Paper, Skeleton, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../../components/ErrorResult';
import { useFormatters } from '../../../lib/format';
import {
  COMPLIANCE_GROUPS,
  COMPLIANCE_STATUSES,
  complianceListLink,
  useComplianceCounts,
} from '../api/get-compliance-counts';
import { useFigures } from '../../../lib/figures';
import { ScrollTable } from './ScrollTable';
import { complianceColor } from '../../../components/compliance-status';

/** Paragraph 6 of resolution 66/290 where it is at stake: how many projects meet it, wait for it, or fail it. */
export function ComplianceSection() {
  const { t } = useTranslation();
  const compliance = useComplianceCounts();
  const { number } = useFigures();
  const { date } = useFormatters();

  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      aria-labelledby="compliance-heading"
      h="100%"
    >
      <Title order={2} id="compliance-heading" fz={20} mb={4}>
        {t('dashboard.compliance.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {compliance.data
          ? t('dashboard.compliance.descriptionOn', { date: date(compliance.data.on) })
          : t('dashboard.compliance.description')}
      </Text>
      {compliance.isError ? (
        <ErrorResult title={t('dashboard.compliance.error')} onRetry={() => void compliance.refetch()} />
      ) : (
        <ScrollTable minWidth={320} label={t('dashboard.compliance.title')}>
          <Table fz="sm" verticalSpacing="xs" aria-busy={compliance.isPending} data-testid="compliance-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dashboard.compliance.status')}</Table.Th>
                {COMPLIANCE_GROUPS.map((group) => (
                  <Table.Th key={group} scope="col" ta="end">
                    {t(`dashboard.compliance.groups.${group}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {COMPLIANCE_STATUSES.map((status) => (
                <Table.Tr key={status}>
                  <Table.Th scope="row" fw={500}>
                    <Group gap={8} wrap="nowrap">
                      <Box
                        aria-hidden="true"
                        w={10}
                        h={10}
                        style={{ borderRadius: '50%', background: complianceColor(status), flex: 'none' }}
                      />
                      <Text span inherit style={{ whiteSpace: 'nowrap' }}>
                        {t(`paragraph6Status.${status}`)}
                      </Text>
                    </Group>
                  </Table.Th>
                  {COMPLIANCE_GROUPS.map((group) => (
                    <Table.Td key={group} ta="end">
                      {compliance.data ? (
                        <Anchor
                          component={Link}
                          to={complianceListLink(status, group)}
                          fw={700}
                          fz="lg"
                          c={complianceColor(status)}
                          underline="hover"
                        >
                          {number(compliance.data.counts[status][group])}
                          <VisuallyHidden>
                            {` ${t('complianceFilter.linkContext', {
                              status: t(`paragraph6Status.${status}`),
                              group: t(`dashboard.compliance.groups.${group}`),
                            })}`}
                          </VisuallyHidden>
                        </Anchor>
                      ) : (
                        <Skeleton height={14} width={40} ms="auto" />
                      )}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        {t('dashboard.compliance.note')}
      </Text>
    </Paper>
  );
}
