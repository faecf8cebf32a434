import { Anchor, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { COMPLIANCE_STATUSES } from '@hstf/domain';
import type { Stage } from '@hstf/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ComplianceBadge } from '../../../components/Badges';
import { ListFooter } from '../../../components/ListFooter';
import { EmptyResult, ErrorResult, TableSkeleton } from '../../../components/QueryStates';
import { Tag, type TagTone } from '../../../components/Tag';
import { useFormatters } from '../../../lib/format';
import { useFigures } from '../../../lib/figures';
import { useCountryProjects } from '../api/get-country-projects';
import { COMPLIANCE_CHECKED, useCountryCompliance } from '../api/get-project-compliance';
import { consentStateOf, type ConsentState } from '../lib/consent';

const STAGE_TONES: Record<Stage, TagTone> = {
  concept_note: 'gray',
  full_proposal: 'gray',
  under_review: 'blue',
  revision_requested: 'orange',
  approved: 'indigo',
  active: 'teal',
  completed: 'grape',
  closed: 'gray',
  rejected: 'orange',
  withdrawn: 'gray',
};

const CONSENT_TONES: Record<ConsentState, TagTone> = {
  in_force: 'teal',
  requested: 'blue',
  granted_lapsed: 'orange',
  refused: 'orange',
  withdrawn: 'orange',
  expired: 'orange',
  none: 'gray',
};

/** The projects with this recipient country, with the consent and paragraph 6 status of each in this country. */
export function CountryProjects({ iso3, countryLabel }: { iso3: string; countryLabel: string }) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const { usd, usdCompact, number } = useFigures();
  const projects = useCountryProjects(iso3, true);
  const items = projects.data?.pages.flatMap((page) => page.items) ?? [];
  const compliance = useCountryCompliance(
    items.map((item) => item.id),
    iso3,
  );
  const checked = [...compliance.values()].filter((entry) => entry.country);
  const tally = COMPLIANCE_STATUSES.map((status) => ({
    status,
    total: checked.filter((entry) => entry.country?.status === status).length,
  }));

  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      aria-labelledby="projects-heading"
    >
      <Title order={2} id="projects-heading" fz={20} mb={4}>
        {t('countryPage.projects.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('countryPage.projects.description', { country: countryLabel })}
      </Text>
      {projects.isError && !projects.data ? (
        <ErrorResult title={t('countryPage.projects.error')} onRetry={() => void projects.refetch()} />
      ) : !projects.isPending && items.length === 0 ? (
        <EmptyResult title={t('countryPage.projects.empty')} body={t('countryPage.projects.emptyBody')} />
      ) : (
        <Stack gap="sm">
          {checked.length > 0 ? (
            <Group gap={6} data-testid="country-paragraph6-tally">
              <Text size="sm" fw={600}>
                {t('countryPage.projects.tally')}
              </Text>
              {tally.map(({ status, total }) => (
                <ComplianceBadge
                  key={status}
                  status={status}
                  size="sm"
                  count={
                    <Text span inherit fw={800}>
                      {number(total)}
                    </Text>
                  }
                />
              ))}
            </Group>
          ) : null}
          <Table.ScrollContainer minWidth={860}>
            <Table
              striped
              highlightOnHover
              fz="sm"
              aria-busy={projects.isPending}
              data-testid="country-projects"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('countryPage.projects.project')}</Table.Th>
                  <Table.Th scope="col">{t('countryPage.projects.stage')}</Table.Th>
                  <Table.Th scope="col">{t('countryPage.projects.period')}</Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('countryPage.projects.budget')}
                  </Table.Th>
                  <Table.Th scope="col">{t('countryPage.projects.consent')}</Table.Th>
                  <Table.Th scope="col">{t('countryPage.projects.paragraph6')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              {projects.isPending ? (
                <TableSkeleton columns={6} rows={4} />
              ) : (
                <Table.Tbody>
                  {items.map((project, index) => {
                    const result = compliance.get(project.id);
                    const consent = result?.country ? consentStateOf(result.country) : null;
                    const budget = project.approvedBudget ?? project.requestedBudget;
                    return (
                      <Table.Tr key={project.id}>
                        <Table.Th scope="row" fw={500} maw={360}>
                          <Anchor component={Link} to={`/projects/${project.id}`} size="sm" fw={650}>
                            <Text span dir="ltr" inherit>
                              {project.code}
                            </Text>
                          </Anchor>
                          <Text size="sm" lh={1.35} dir="auto">
                            {project.title}
                          </Text>
                        </Table.Th>
                        <Table.Td>
                          <Tag tone={STAGE_TONES[project.stage]} miw="max-content">
                            {t(`dashboard.stages.${project.stage}`)}
                          </Tag>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {project.startDate
                            ? t('countryPage.period', {
                                from: date(project.startDate),
                                to: project.endDate ? date(project.endDate) : '…',
                              })
                            : t('countryPage.projects.noDates')}
                        </Table.Td>
                        <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                          <Text span size="sm" fw={600} title={usd(budget)}>
                            {usdCompact(budget)}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {project.approvedBudget
                              ? t('countryPage.projects.approved')
                              : t('countryPage.projects.requested')}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {index >= COMPLIANCE_CHECKED ? (
                            <Text size="xs" c="dimmed">
                              {t('countryPage.projects.notChecked')}
                            </Text>
                          ) : result?.loading ? (
                            <Skeleton height={18} width={90} />
                          ) : consent ? (
                            <Stack gap={2}>
                              <Tag tone={CONSENT_TONES[consent.state]} miw="max-content">
                                {t(`countryPage.consent.${consent.state}`)}
                              </Tag>
                              {consent.validUntil ? (
                                <Text size="xs" c="dimmed">
                                  {t('countryPage.projects.validUntil', { date: date(consent.validUntil) })}
                                </Text>
                              ) : null}
                            </Stack>
                          ) : (
                            <Text size="xs" c="dimmed">
                              {t('countryPage.projects.unavailable')}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {index >= COMPLIANCE_CHECKED ? null : result?.loading ? (
                            <Skeleton height={18} width={80} />
                          ) : result?.country ? (
                            <Stack gap={2}>
                              <ComplianceBadge status={result.country.status} size="sm" />
                              <Text size="xs" c="dimmed">
                                {result.country.alignment.holds
                                  ? t('countryPage.projects.aligned')
                                  : t('countryPage.projects.notAligned')}
                              </Text>
                            </Stack>
                          ) : null}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              )}
            </Table>
          </Table.ScrollContainer>
          {items.length > COMPLIANCE_CHECKED ? (
            <Text size="xs" c="dimmed">
              {t('countryPage.projects.checkedNote', { checked: number(COMPLIANCE_CHECKED) })}
            </Text>
          ) : null}
          {projects.isFetchNextPageError ? (
            <ErrorResult
              title={t('countryPage.projects.error')}
              onRetry={() => void projects.fetchNextPage()}
            />
          ) : null}
          {!projects.isPending ? (
            <ListFooter
              shown={items.length}
              hasMore={projects.hasNextPage}
              loadingMore={projects.isFetchingNextPage}
              onLoadMore={() => void projects.fetchNextPage()}
            />
          ) : null}
        </Stack>
      )}
    </Paper>
  );
}
