import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../../components/data-table/ListTable';
import { Tag } from '../../../components/Tag';
import { useCountryName } from '../../../lib/country-name';
import { useFormatters } from '../../../lib/format';
import { useIntl } from '../../../lib/intl';
import type { Proposal } from '../api/get-review';

const DIMENSIONS = [
  'economic',
  'food',
  'health',
  'environmental',
  'personal',
  'community',
  'political',
] as const;
const GROUPS = [
  'women_and_girls',
  'children',
  'youth',
  'older_persons',
  'persons_with_disabilities',
  'refugees',
  'internally_displaced_persons',
  'migrants',
  'indigenous_peoples',
  'minorities',
  'rural_communities',
  'urban_poor',
] as const;

function known<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text component="dd" m={0} size="sm">
        {children}
      </Text>
    </Stack>
  );
}

/** The proposal as the reviewer reads it before scoring: what, where, who, how much, for whom. */
export function ProposalSummary({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const { money, calendarDate } = useIntl();
  const countryName = useCountryName();
  const organizationColumns = useMemo<ColumnDef<Proposal['organizations'][number]>[]>(
    () => [
      {
        id: 'organization',
        header: t('reviews.proposal.organization'),
        accessorFn: (organization) => organization.name,
        meta: { rowHeader: true },
        cell: ({ row: { original: organization } }) => (
          <>
            {organization.name}
            {organization.acronym ? (
              <Text span c="dimmed" size="sm">
                {' '}
                ({organization.acronym})
              </Text>
            ) : null}
          </>
        ),
      },
      {
        id: 'role',
        header: t('reviews.proposal.role'),
        // The lead sorts before the participating organizations, and they by name.
        accessorFn: (organization) => `${organization.lead ? 0 : 1} ${organization.name}`,
        cell: ({ row }) =>
          row.original.lead ? t('reviews.proposal.lead') : t('reviews.proposal.participating'),
      },
      {
        id: 'budgetShare',
        header: t('reviews.proposal.budgetShare'),
        accessorFn: (organization) =>
          organization.budgetShare ? Number(organization.budgetShare) : undefined,
        meta: {
          align: 'end',
          total: { amount: (organization) => organization.budgetShare, format: (amount) => money(amount) },
        },
        cell: ({ row }) => (
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>
            {row.original.budgetShare ? money(row.original.budgetShare) : '—'}
          </span>
        ),
      },
    ],
    [t, money],
  );

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby="proposal-title"
    >
      <Stack gap="md">
        <Title order={2} fz="h3" id="proposal-title">
          {t('reviews.proposal.title')}
        </Title>
        {proposal.summary ? (
          <Text lh={1.6} dir="auto">
            {proposal.summary}
          </Text>
        ) : null}
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 4 }} spacing="md" verticalSpacing="md" m={0}>
          <Fact label={t('reviews.proposal.countries')}>
            {proposal.countries.map((country) => countryName(country.iso3, country.name)).join(' · ')}
          </Fact>
          <Fact label={t('reviews.proposal.window')}>
            {proposal.window ? t('reviews.proposal.windowValue', { window: proposal.window }) : '—'}
          </Fact>
          <Fact label={t('reviews.proposal.period')}>
            {proposal.startDate
              ? t('reviews.proposal.periodValue', {
                  from: calendarDate(proposal.startDate),
                  to: proposal.endDate ? calendarDate(proposal.endDate) : '…',
                })
              : '—'}
          </Fact>
          <Fact label={t('reviews.proposal.requested')}>
            {proposal.requestedBudget ? money(proposal.requestedBudget) : '—'}
          </Fact>
          <Fact label={t('reviews.proposal.coFunding')}>
            {proposal.coFunding ? money(proposal.coFunding) : '—'}
          </Fact>
          <Fact label={t('reviews.proposal.beneficiaries')}>
            {typeof proposal.targetBeneficiaries === 'number' ? number(proposal.targetBeneficiaries) : '—'}
          </Fact>
          <Fact label={t('reviews.proposal.sdgs')}>
            {proposal.sdgs?.length
              ? proposal.sdgs.map((sdg) => t('reviews.proposal.sdg', { goal: number(sdg) })).join(' · ')
              : '—'}
          </Fact>
        </SimpleGrid>

        <Stack gap={6}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('reviews.proposal.dimensions')}
          </Text>
          <Group gap={6}>
            {(proposal.dimensions ?? []).map((dimension) => (
              <Tag key={dimension} tone="indigo">
                {known(DIMENSIONS, dimension) ? t(`reviews.dimensions.${dimension}`) : dimension}
              </Tag>
            ))}
          </Group>
        </Stack>
        <Stack gap={6}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('reviews.proposal.vulnerableGroups')}
          </Text>
          <Group gap={6}>
            {(proposal.vulnerableGroups ?? []).length ? (
              (proposal.vulnerableGroups ?? []).map((group) => (
                <Tag key={group} tone="teal">
                  {known(GROUPS, group) ? t(`reviews.groups.${group}`) : group}
                </Tag>
              ))
            ) : (
              <Text size="sm">—</Text>
            )}
          </Group>
        </Stack>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Stack gap={4}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t('reviews.proposal.protection')}
            </Text>
            <Text size="sm" dir="auto">
              {proposal.protectionMeasures?.trim() || '—'}
            </Text>
          </Stack>
          <Stack gap={4}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t('reviews.proposal.empowerment')}
            </Text>
            <Text size="sm" dir="auto">
              {proposal.empowermentMeasures?.trim() || '—'}
            </Text>
          </Stack>
        </SimpleGrid>

        <ListTable
          listId="proposal-organizations"
          columnChoice={false}
          label={t('reviews.proposal.organizations')}
          columns={organizationColumns}
          data={proposal.organizations}
          getRowId={(organization) => organization.organizationId}
          // The lead organization first, then the others by name.
          clientSort={{ id: 'role', descending: false }}
          count={{ shown: proposal.organizations.length, hasMore: false }}
          minWidth={420}
          fz="sm"
        />
      </Stack>
    </Paper>
  );
}
