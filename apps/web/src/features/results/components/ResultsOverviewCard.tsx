import { Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import type { HumanSecurityDimension, PrincipleId } from '@hstf/domain';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../../components/QueryStates';
import { useCountryName } from '../../../lib/country-name';
import { useIntl } from '../../../lib/intl';
import { useResultsOverview, type ResultsOverview } from '../api/results';

type Figure = ResultsOverview['byDimension'][number];

/**
 * People reached across the portfolio, from accepted reports: in all, and by human-security
 * dimension, principle, recipient country and year, beside the count of reports overdue.
 */
export function ResultsOverviewCard() {
  const { t } = useTranslation();
  const { integer } = useIntl();
  const countryName = useCountryName();
  const overview = useResultsOverview();

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="results-overview-heading">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="results-overview-heading">
          {t('results.overview.title')}
        </Title>
        {overview.isPending ? (
          <Skeleton height={160} />
        ) : overview.isError ? (
          <ErrorResult title={t('results.error')} onRetry={() => void overview.refetch()} />
        ) : (
          <>
            <Group gap="xl">
              <Stack gap={0}>
                <Text size="sm" c="dimmed">
                  {t('results.overview.peopleReached')}
                </Text>
                <Text fz={28} fw={700} data-testid="overview-people-reached">
                  {integer(overview.data.peopleReached)}
                </Text>
              </Stack>
              <Stack gap={0}>
                <Text size="sm" c="dimmed">
                  {t('results.overview.overdueReports')}
                </Text>
                <Text fz={28} fw={700} c={overview.data.overdueReports ? 'red.8' : undefined}>
                  {integer(overview.data.overdueReports)}
                </Text>
              </Stack>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
              <FigureTable
                caption={t('results.overview.byDimension')}
                rows={overview.data.byDimension}
                label={(key) => t(`projects.dimensions.${key as HumanSecurityDimension}`)}
              />
              <FigureTable
                caption={t('results.overview.byPrinciple')}
                rows={overview.data.byPrinciple}
                label={(key) => t(`projects.principles.${key as PrincipleId}`)}
              />
              <FigureTable
                caption={t('results.overview.byCountry')}
                rows={overview.data.byCountry}
                label={(key) => countryName(key)}
              />
              <FigureTable
                caption={t('results.overview.byYear')}
                rows={overview.data.byYear}
                label={(key) => key}
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('results.overview.hint')}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function FigureTable({
  caption,
  rows,
  label,
}: {
  caption: string;
  rows: Figure[];
  label: (key: string) => string;
}) {
  const { t } = useTranslation();
  const { integer } = useIntl();
  return (
    <Table captionSide="top" fz="sm">
      <Table.Caption style={{ textAlign: 'start', fontWeight: 600 }}>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('results.overview.key')}</Table.Th>
          <Table.Th scope="col" style={{ textAlign: 'end' }}>
            {t('results.overview.people')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={2}>
              <Text size="sm" c="dimmed">
                {t('results.overview.none')}
              </Text>
            </Table.Td>
          </Table.Tr>
        ) : (
          rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" fw={400}>
                {label(row.key)}
              </Table.Th>
              <Table.Td style={{ textAlign: 'end', fontVariantNumeric: 'tabular-nums' }}>
                {integer(row.people)}
              </Table.Td>
            </Table.Tr>
          ))
        )}
      </Table.Tbody>
    </Table>
  );
}
