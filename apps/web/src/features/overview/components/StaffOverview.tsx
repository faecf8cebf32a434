import { Box, Grid, Skeleton, Stack, Text } from '@mantine/core';
import { lazy, memo, Suspense, useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../../components/ErrorResult';
import { WhenVisible } from '../../../components/WhenVisible';
import { useFormatters } from '../../../lib/format';
import type { Role } from '../../../lib/authorization';
import { useDashboardOverview } from '../api/get-dashboard-overview';
import { useFundLedger } from '../api/get-fund-ledger';
import { LedgerSection as LedgerSectionComponent } from './LedgerSection';
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

// The sections a phone shows only once scrolled to (the alerts, paragraph 6, the map, the charts'
// cards), in chunks of their own: the overview's first download carries none of their code, and
// they are fetched as WhenVisible renders them.
// The pipeline's table brings Mantine's Table and its ScrollArea (without floating-ui: see
// src/lib/scroll-area-refs.build.ts).
const PipelineSection = lazy(() =>
  import('./PipelineSection').then((m) => ({ default: memo(m.PipelineSection) })),
);
const AlertsSection = lazy(() => import('./AlertsSection').then((m) => ({ default: m.AlertsSection })));
const ComplianceSection = lazy(() =>
  import('./ComplianceSection').then((m) => ({ default: m.ComplianceSection })),
);
const MapSection = lazy(() => import('./map/MapSection').then((m) => ({ default: memo(m.MapSection) })));
const charts = () => import('./PortfolioCharts');
const ApprovalsChart = lazy(() => charts().then((m) => ({ default: memo(m.ApprovalsChart) })));
const ContributionsChart = lazy(() => charts().then((m) => ({ default: memo(m.ContributionsChart) })));
const RegionChart = lazy(() => charts().then((m) => ({ default: memo(m.RegionChart) })));
const DimensionChart = lazy(() => charts().then((m) => ({ default: memo(m.DimensionChart) })));

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
          ) : (
            // While the figures load, the line's place is kept by an invisible one about as wide,
            // which wraps where it will: the sections below do not move when it comes.
            <Text size="sm" aria-hidden="true" style={{ visibility: 'hidden' }}>
              {t('dashboard.asOf', { date: dateTime(AS_OF_PLACEHOLDER) })}
            </Text>
          )
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
            <Suspense fallback={<Skeleton height={320} radius="md" />}>
              <PipelineSection pipeline={data?.pipeline} loading={loading} />
            </Suspense>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Suspense fallback={<Skeleton height={360} radius="md" />}>
              <AlertsSection />
            </Suspense>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Suspense fallback={<Skeleton height={320} radius="md" />}>
              <ComplianceSection />
            </Suspense>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Suspense fallback={<ChartsSkeleton count={1} />}>
              {data ? <ApprovalsChart rows={data.approvalsByYear} /> : <ChartsSkeleton count={1} />}
            </Suspense>
          </Grid.Col>
        </Grid>
      </WhenVisible>

      <WhenVisible placeholder={<BelowTheFold h={{ base: 1100, md: 1000 }} />}>
        <Suspense fallback={<BelowTheFold h={{ base: 1100, md: 1000 }} />}>
          <MapSection countries={data?.countries} loading={loading} />
        </Suspense>
      </WhenVisible>

      <WhenVisible placeholder={<BelowTheFold h={{ base: 1400, md: 900 }} />}>
        <Suspense fallback={<BelowTheFold h={{ base: 1400, md: 900 }} />}>
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
        </Suspense>
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

/** A date and time among the longest written (September's long name, two-digit day and hour). */
const AS_OF_PLACEHOLDER = '2026-09-30T11:59:00Z';

function useDateTime() {
  const { locale } = useFormatters();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
    return { dateTime: (value: string) => format.format(new Date(value)) };
  }, [locale]);
}
