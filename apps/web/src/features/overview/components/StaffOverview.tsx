import { Box, Grid, Skeleton, Stack, Text } from '@mantine/core';
import { lazy, memo, Suspense, useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../../components/QueryStates';
import { WhenVisible } from '../../../components/WhenVisible';
import { useFormatters } from '../../../lib/format';
import type { Role } from '../../../lib/authorization';
import { useDashboardOverview } from '../api/get-dashboard-overview';
import { useFundLedger } from '../api/get-fund-ledger';
import { AlertsSection } from './AlertsSection';
import { ComplianceSection } from './ComplianceSection';
import { LedgerSection as LedgerSectionComponent } from './LedgerSection';
import { MapSection as MapSectionComponent } from './map/MapSection';
import { PipelineSection as PipelineSectionComponent } from './PipelineSection';
import * as charts from './PortfolioCharts';
import { ChartsSkeleton } from './ChartsSkeleton';
import { WelcomeBanner } from './WelcomeBanner';

// Below the fold, in chunks of their own: the reports and results features load once scrolled to.
const OverdueReportsCard = lazy(() =>
  import('../../reports').then((m) => ({ default: m.OverdueReportsCard })),
);
const ResultsOverviewCard = lazy(() =>
  import('../../results').then((m) => ({ default: m.ResultsOverviewCard })),
);

// The overview and the ledger answer separately and each answer renders the screen again: the
// sections whose figures did not change are skipped instead of rebuilt.
const LedgerSection = memo(LedgerSectionComponent);
const MapSection = memo(MapSectionComponent);
const PipelineSection = memo(PipelineSectionComponent);
const ApprovalsChart = memo(charts.ApprovalsChart);
const ContributionsChart = memo(charts.ContributionsChart);
const RegionChart = memo(charts.RegionChart);
const DimensionChart = memo(charts.DimensionChart);

/** The overview of the Human Security Unit (staff and admin): money, pipeline, what needs attention, the portfolio. */
export function StaffOverview({ role, name }: { role: Role; name: string }) {
  const { t } = useTranslation();
  const { dateTime } = useDateTime();
  const overview = useDashboardOverview();
  const ledger = useFundLedger();
  // React Query's answers render synchronously (useSyncExternalStore): rendering every section for
  // the overview's answer then held the main thread for over a second of a slow phone. Deferred, the
  // answer renders at a lower priority that React slices and interrupts, so the page stays responsive.
  // The initial null does the same when the answers are already there as the screen first renders:
  // the greeting and the skeletons are painted first.
  const data = useDeferredValue(overview.data ?? null, null);
  const byYear = useDeferredValue(ledger.data?.byYear ?? null, null) ?? undefined;
  const loading = data === null && !overview.isError;

  return (
    <Stack gap="xl">
      <WelcomeBanner
        role={role}
        name={name}
        aside={
          data ? (
            <Text size="sm" c="dimmed" data-testid="overview-as-of">
              {t('dashboard.asOf', { date: dateTime(data.generatedAt) })}
            </Text>
          ) : null
        }
      />

      {overview.isError ? (
        <ErrorResult title={t('dashboard.error')} onRetry={() => void overview.refetch()} />
      ) : null}

      <LedgerSection ledger={data?.ledger} byYear={byYear} loading={loading} />

      {/* On a phone the ledger fills the first screen: what lies below it (the pipeline, the alerts,
          paragraph 6, the map, the charts) renders, and asks the API, once the reader scrolls near it.
          Profiled at Lighthouse's 4× slower CPU, rendering these sections as their answers came was
          most of the main thread's work after the first paint. Each placeholder holds about the place
          of what replaces it, so the next one stays out of reach until then. */}
      <WhenVisible placeholder={<BelowTheFold h={{ base: 2200, md: 960 }} />}>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <PipelineSection pipeline={data?.pipeline} loading={loading} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <AlertsSection />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <ComplianceSection />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            {data ? <ApprovalsChart rows={data.approvalsByYear} /> : <ChartsSkeleton count={1} />}
          </Grid.Col>
        </Grid>
      </WhenVisible>

      <WhenVisible placeholder={<BelowTheFold h={{ base: 1100, md: 1000 }} />}>
        <MapSection countries={data?.countries} loading={loading} />
      </WhenVisible>

      <WhenVisible placeholder={<BelowTheFold h={{ base: 1400, md: 900 }} />}>
        {data ? (
          <>
            <ContributionsChart rows={data.contributionsByYear} />
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, md: 6 }}>
                <RegionChart rows={data.byRegion} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <DimensionChart rows={data.byDimension} />
              </Grid.Col>
            </Grid>
          </>
        ) : loading ? (
          <ChartsSkeleton count={2} />
        ) : null}
      </WhenVisible>

      <WhenVisible placeholder={<Skeleton height={320} />}>
        <Suspense fallback={<Skeleton height={320} />}>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 4 }}>
              <OverdueReportsCard />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 8 }}>
              <ResultsOverviewCard />
            </Grid.Col>
          </Grid>
        </Suspense>
      </WhenVisible>
    </Stack>
  );
}

/** The place of sections not rendered yet: empty, for screen readers too (the sections say it all once there). */
function BelowTheFold({ h }: { h: { base: number; md: number } }) {
  return <Box h={h} aria-hidden="true" />;
}

function useDateTime() {
  const { locale } = useFormatters();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
    return { dateTime: (value: string) => format.format(new Date(value)) };
  }, [locale]);
}
