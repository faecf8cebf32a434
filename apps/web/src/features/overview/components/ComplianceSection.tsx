import {
  Anchor,
  Box,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../../components/ErrorResult';
import { useFormatters } from '../../../lib/format';
import {
  COMPLIANCE_GROUPS,
  COMPLIANCE_STATUSES,
  complianceListLink,
  useComplianceCounts,
  type ComplianceGroup,
  type ComplianceStatus,
} from '../api/get-compliance-counts';
import { PHONE_QUERY } from '../../../lib/media';
import { useFigures } from '../../../lib/figures';
import { ScrollTable } from '../../../components/ScrollTable';
import { complianceColor } from '../../../components/compliance-status';

/** Paragraph 6 of resolution 66/290 where it is at stake: how many projects meet it, wait for it, or fail it. */
export function ComplianceSection() {
  const { t } = useTranslation();
  const compliance = useComplianceCounts();
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
        <CountsTable />
      )}
      <Text size="xs" c="dimmed" mt="sm">
        {t('dashboard.compliance.note')}
      </Text>
    </Paper>
  );
}

/**
 * The counts as a table of status by stage group; on a phone, a list of statuses each with its two
 * counts, since the table's two long headers did not fit 390 px in Russian or French.
 */
function CountsTable() {
  const { t } = useTranslation();
  const compliance = useComplianceCounts();
  const phone = useMediaQuery(PHONE_QUERY) ?? false;
  const counts = compliance.data?.counts;

  if (phone)
    return (
      <Stack
        component="ul"
        gap={0}
        p={0}
        m={0}
        // Holds the links' visually hidden text (absolutely placed), which would otherwise widen the page.
        pos="relative"
        style={{ listStyle: 'none' }}
        aria-label={t('dashboard.compliance.title')}
        aria-busy={compliance.isPending}
        data-testid="compliance-table"
      >
        {COMPLIANCE_STATUSES.map((status) => (
          <Box
            component="li"
            key={status}
            py="xs"
            style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
          >
            <StatusName status={status} />
            <SimpleGrid cols={2} spacing="xs" mt={2} ps={18}>
              {COMPLIANCE_GROUPS.map((group) => (
                <Group key={group} gap={6} align="baseline">
                  <Text size="sm" c="dimmed" aria-hidden="true">
                    {t(`dashboard.compliance.groups.${group}`)}
                  </Text>
                  <CountLink status={status} group={group} count={counts?.[status][group]} />
                </Group>
              ))}
            </SimpleGrid>
          </Box>
        ))}
      </Stack>
    );

  return (
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
                <StatusName status={status} nowrap />
              </Table.Th>
              {COMPLIANCE_GROUPS.map((group) => (
                <Table.Td key={group} ta="end">
                  <CountLink status={status} group={group} count={counts?.[status][group]} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function StatusName({ status, nowrap = false }: { status: ComplianceStatus; nowrap?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={8} wrap="nowrap">
      <Box
        aria-hidden="true"
        w={10}
        h={10}
        style={{ borderRadius: '50%', background: complianceColor(status), flex: 'none' }}
      />
      <Text span inherit fw={500} size="sm" style={nowrap ? { whiteSpace: 'nowrap' } : undefined}>
        {t(`paragraph6Status.${status}`)}
      </Text>
    </Group>
  );
}

/** A count, linked to the project list filtered by its status and the stages its group counts. */
function CountLink({
  status,
  group,
  count,
}: {
  status: ComplianceStatus;
  group: ComplianceGroup;
  count: number | undefined;
}) {
  const { t } = useTranslation();
  const { number } = useFigures();
  if (count === undefined) return <Skeleton height={14} width={40} ms="auto" />;
  return (
    <Anchor
      component={Link}
      to={complianceListLink(status, group)}
      fw={700}
      fz="lg"
      c={complianceColor(status)}
      underline="hover"
    >
      {number(count)}
      <VisuallyHidden>
        {` ${t('complianceFilter.linkContext', {
          status: t(`paragraph6Status.${status}`),
          group: t(`dashboard.compliance.groups.${group}`),
        })}`}
      </VisuallyHidden>
    </Anchor>
  );
}
