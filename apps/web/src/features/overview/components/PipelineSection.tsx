import { Anchor, Box, Paper, Skeleton, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { Stage } from '@hstf/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyResult } from '../../../components/EmptyResult';
import type { StageFigures } from '../api/get-dashboard-overview';
import { useFigures } from '../../../lib/figures';
import { PHONE_QUERY } from '../../../lib/media';

/** The lifecycle in reading order, then the ways out of it. */
const STAGE_GROUPS: { key: 'preparation' | 'funded' | 'finished' | 'stopped'; stages: Stage[] }[] = [
  { key: 'preparation', stages: ['concept_note', 'full_proposal', 'under_review', 'revision_requested'] },
  { key: 'funded', stages: ['approved', 'active', 'suspended'] },
  { key: 'finished', stages: ['completed', 'closed'] },
  { key: 'stopped', stages: ['rejected', 'withdrawn'] },
];

const GROUP_COLORS = {
  preparation: '#006bb0',
  funded: '#0f766e',
  finished: '#475569',
  stopped: '#a16207',
} as const;

interface PipelineSectionProps {
  pipeline: StageFigures[] | undefined;
  loading: boolean;
}

export function PipelineSection({ pipeline, loading }: PipelineSectionProps) {
  const { t } = useTranslation();
  const phone = useMediaQuery(PHONE_QUERY) ?? false;
  const { usd, usdCompact, number } = useFigures();
  const byStage = new Map((pipeline ?? []).map((row) => [row.stage, row]));
  const max = Math.max(1, ...(pipeline ?? []).map((row) => row.projects));
  const total = (pipeline ?? []).reduce((sum, row) => sum + row.projects, 0);
  const inReview = byStage.get('under_review');

  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      aria-labelledby="pipeline-heading"
      h="100%"
    >
      <Title order={2} id="pipeline-heading" fz={20} mb={4}>
        {t('dashboard.pipeline.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {pipeline && total > 0
          ? t('dashboard.pipeline.summary', {
              total: number(total),
              review: number(inReview?.projects ?? 0),
              requested: usdCompact(inReview?.requested ?? '0'),
            })
          : t('dashboard.pipeline.description')}
      </Text>
      {!loading && total === 0 ? (
        <EmptyResult title={t('dashboard.pipeline.empty')} body={t('dashboard.pipeline.emptyBody')} />
      ) : (
        <Table.ScrollContainer minWidth={phone ? 0 : 320}>
          <Table
            verticalSpacing={6}
            // Closer columns and smaller figures on a phone, where the Russian table overflowed 390 px
            // (the stages' names keep their size).
            horizontalSpacing={phone ? 6 : 'xs'}
            fz={phone ? 'xs' : 'sm'}
            aria-busy={loading}
            data-testid="pipeline-table"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dashboard.pipeline.stage')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('dashboard.pipeline.projects')}
                </Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('dashboard.pipeline.requested')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            {STAGE_GROUPS.map((group) => (
              <Table.Tbody key={group.key}>
                <Table.Tr>
                  <Table.Th colSpan={3} scope="colgroup" pt="sm" pb={2} bg="gray.0">
                    <Text size="xs" fw={700} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.04em' }}>
                      {t(`dashboard.pipeline.groups.${group.key}`)}
                    </Text>
                  </Table.Th>
                </Table.Tr>
                {group.stages.map((stage) => {
                  const row = byStage.get(stage);
                  const projects = row?.projects ?? 0;
                  return (
                    <Table.Tr key={stage} data-stage={stage}>
                      <Table.Th scope="row" fw={500}>
                        <Anchor component={Link} to={`/projects?stage=${stage}`} fw={600} size="sm">
                          {t(`dashboard.stages.${stage}`)}
                        </Anchor>
                      </Table.Th>
                      <Table.Td ta="end">
                        {loading ? (
                          <Skeleton height={12} width={60} ms="auto" />
                        ) : (
                          <Box
                            style={{
                              display: 'flex',
                              alignItems: 'center',
                              gap: 8,
                              justifyContent: 'flex-end',
                            }}
                          >
                            {/* The bar repeats the count; on a phone its width went to the Russian headers. */}
                            <Box
                              aria-hidden="true"
                              visibleFrom="xs"
                              h={8}
                              w={`${Math.max(projects > 0 ? 4 : 0, Math.round((projects / max) * 48))}px`}
                              style={{ borderRadius: 4, background: GROUP_COLORS[group.key] }}
                            />
                            <Text span fw={650} size="sm" miw={28} ta="end">
                              {number(projects)}
                            </Text>
                          </Box>
                        )}
                      </Table.Td>
                      <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                        {loading ? (
                          <Skeleton height={12} width={70} ms="auto" />
                        ) : (
                          <Text span size="sm" title={usd(row?.requested ?? '0')}>
                            {usdCompact(row?.requested ?? '0')}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            ))}
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
