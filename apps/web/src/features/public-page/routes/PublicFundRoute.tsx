import { Anchor, Group, SimpleGrid, Skeleton, Table, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { PRINCIPLE_IDS } from '@hstf/domain';
import type { ColumnDef } from '@tanstack/react-table';
import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table/DataTable';
import { ScrollTable } from '../../../components/ScrollTable';
import { ErrorResult } from '../../../components/ErrorResult';
import { WhenVisible } from '../../../components/WhenVisible';
import { TableSkeleton } from '../../../components/QueryStates';
import { useFormatters } from '../../../lib/format';
import { useIntl } from '../../../lib/intl';
import { usePublicFund, type PublicFund } from '../api/public-fund';
import { PublicMapSection } from '../components/PublicMapSection';
import {
  PublicFigures,
  PublicFundFrame,
  PublicFundHeading,
  PublicSection as Section,
} from '../components/PublicFundFirstScreen';
import { useTranslatedText } from '../../../lib/translated-text';
import { useDonorName } from '../../../lib/donor-name';

const FILES = [
  { key: 'iatiActivities', href: '/api/v1/iati/activities.xml' },
  { key: 'iatiOrganisation', href: '/api/v1/iati/organisation.xml' },
] as const;

type PublicProject = PublicFund['projects'][number];

function ProjectsTable({ data }: { data: PublicFund }) {
  const { t } = useTranslation();
  const translate = useTranslatedText();
  const { money } = useIntl();
  const { countryName, shortList } = useFormatters();
  const iso2 = new Map(data.byCountry.map((country) => [country.iso3, country]));
  const score = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : value.toFixed(1);
  const columns: ColumnDef<PublicProject>[] = [
    {
      id: 'project',
      header: t('publicPage.projects.project'),
      accessorFn: (project) => project.code,
      meta: { rowHeader: true },
      cell: ({ row: { original: project } }) => (
        <Text span fw={500} size="sm">
          <Text span ff="monospace" size="sm" dir="ltr">
            {project.code}
          </Text>{' '}
          <Text span dir="auto" size="sm">
            {translate(project.title, project.titleTranslations)}
          </Text>
        </Text>
      ),
    },
    {
      id: 'countries',
      header: t('publicPage.projects.countries'),
      cell: ({ row }) =>
        shortList(
          row.original.countries.map((code) => {
            const country = iso2.get(code);
            return country ? countryName(country.iso2, country.name) : code;
          }),
        ),
    },
    {
      id: 'status',
      header: t('publicPage.projects.status'),
      cell: ({ row }) => t(`publicPage.stages.${row.original.stage as 'active'}`),
    },
    {
      id: 'budget',
      header: t('publicPage.projects.budget'),
      accessorFn: (project) => (project.approvedBudget ? Number(project.approvedBudget) : undefined),
      meta: {
        align: 'end',
        nowrap: true,
        total: { amount: (project) => project.approvedBudget, format: (amount) => money(amount) },
      },
      cell: ({ row }) => (row.original.approvedBudget ? money(row.original.approvedBudget) : '—'),
    },
    ...PRINCIPLE_IDS.map((principle): ColumnDef<PublicProject> => ({
      id: principle,
      header: t(`publicPage.principles.${principle}`),
      accessorFn: (project) => project.principles?.[principle] ?? undefined,
      meta: { align: 'end' },
      cell: ({ row }) => score(row.original.principles?.[principle]),
    })),
  ];
  return (
    <DataTable
      label={t('publicPage.projects.title')}
      columns={columns}
      data={data.projects}
      getRowId={(project) => project.code}
      visibility={{}}
      // The newest first, as the API lists them: codes carry the year and a sequence.
      clientSort={{ id: 'project', descending: true }}
      minWidth={880}
    />
  );
}

/**
 * /fund, without sign-in: the Fund's figures, donors, years and approved projects, and its open data.
 * Tables and the world map, whose drawing loads only when it scrolls into view, so the page's own
 * chunk stays small. The list of projects and the countries' table (hundreds of rows, the most of the
 * page's rendering) are drawn as they come near the viewport: on a phone's first screen they were
 * long tasks that kept the page from answering a tap.
 */
export function PublicFundRoute() {
  const { t } = useTranslation();
  const donorName = useDonorName();
  const { money } = useIntl();
  const { countryName } = useFormatters();
  const fund = usePublicFund();
  useDocumentTitle(`${t('publicPage.title')} · ${t('app.name')}`);
  // React Query's answer renders synchronously: the whole page at once (every project, donor and
  // country row) was one task of a second on Lighthouse's slowed phone. Deferred, React renders it at
  // a lower priority in slices that leave the page responsive; the skeletons are painted first.
  const data = useDeferredValue(fund.data ?? null, null) ?? undefined;

  return (
    <PublicFundFrame>
      <PublicFundHeading />

      {fund.isError ? (
        <ErrorResult title={t('publicPage.loadError')} onRetry={() => void fund.refetch()} />
      ) : null}

      {/* Not deferred: three strings, which the page sent prerendered, are drawn at once as they were. */}
      <PublicFigures
        busy={fund.isPending}
        figures={{
          received: fund.data ? money(fund.data.overall.received) : '…',
          committed: fund.data ? money(fund.data.overall.committed) : '…',
          transferred: fund.data ? money(fund.data.overall.transferred) : '…',
        }}
      />

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Section id="public-years" title={t('publicPage.years.title')}>
          <ScrollTable minWidth={0} label={t('publicPage.years.title')}>
            <Table striped aria-labelledby="public-years" aria-busy={fund.isPending}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('publicPage.years.year')}</Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('publicPage.figures.received')}
                  </Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('publicPage.figures.committed')}
                  </Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('publicPage.figures.transferred')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              {data ? (
                <Table.Tbody>
                  {data.byYear.map((year) => (
                    <Table.Tr key={year.year}>
                      <Table.Th scope="row">{year.year}</Table.Th>
                      <Table.Td ta="end">{money(year.received)}</Table.Td>
                      <Table.Td ta="end">{money(year.committed)}</Table.Td>
                      <Table.Td ta="end">{money(year.transferred)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              ) : (
                <TableSkeleton columns={4} rows={3} />
              )}
            </Table>
          </ScrollTable>
        </Section>
        <Section id="public-donors" title={t('publicPage.donors.title')}>
          <ScrollTable minWidth={0} label={t('publicPage.donors.title')}>
            <Table striped aria-labelledby="public-donors" aria-busy={fund.isPending}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('publicPage.donors.donor')}</Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('publicPage.figures.received')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              {data ? (
                <Table.Tbody>
                  {data.byDonor.map((donor) => (
                    <Table.Tr key={donor.name}>
                      <Table.Th scope="row" fw={500} dir="auto">
                        {donorName(donor.name, donor.countryIso3)}
                      </Table.Th>
                      <Table.Td ta="end">{money(donor.received)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              ) : (
                <TableSkeleton columns={2} rows={3} />
              )}
            </Table>
          </ScrollTable>
        </Section>
      </SimpleGrid>

      <PublicMapSection data={data} />

      <Section id="public-projects" title={t('publicPage.projects.title')}>
        <Text size="sm" c="dimmed">
          {data
            ? t('publicPage.projects.shown', { shown: data.projects.length, count: data.projectCount })
            : t('common.loading')}
        </Text>
        {data ? (
          <WhenVisible placeholder={<Skeleton height={160} aria-hidden="true" />}>
            <ProjectsTable data={data} />
          </WhenVisible>
        ) : (
          <Skeleton height={160} aria-hidden="true" />
        )}
      </Section>

      <Section id="public-countries" title={t('publicPage.countries.title')}>
        <WhenVisible placeholder={<Skeleton height={160} aria-hidden="true" />}>
          <ScrollTable minWidth={0} label={t('publicPage.countries.title')}>
            <Table striped aria-labelledby="public-countries" aria-busy={fund.isPending}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('publicPage.countries.country')}</Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('publicPage.countries.projects')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              {data ? (
                <Table.Tbody>
                  {data.byCountry.map((country) => (
                    <Table.Tr key={country.iso3}>
                      <Table.Th scope="row" fw={500}>
                        {countryName(country.iso2, country.name)}
                      </Table.Th>
                      <Table.Td ta="end">{country.projects}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              ) : (
                <TableSkeleton columns={2} rows={3} />
              )}
            </Table>
          </ScrollTable>
        </WhenVisible>
      </Section>

      <Section id="public-files" title={t('publicPage.files.title')}>
        <Text size="sm">{t('publicPage.files.intro')}</Text>
        <Group gap="lg">
          {FILES.map((file) => (
            <Anchor key={file.key} href={file.href}>
              {t(`publicPage.files.${file.key}`)}
            </Anchor>
          ))}
        </Group>
      </Section>
    </PublicFundFrame>
  );
}
