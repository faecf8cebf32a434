import { Box, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerFigures } from '../api/get-dashboard-overview';
import type { LedgerYear } from '../api/get-fund-ledger';
import { toNumber, useFigures } from '../../../lib/figures';
import { LEDGER_FIGURES, type LedgerFigure } from '../lib/ledger-figures';
import { LEDGER_COLORS } from '../lib/palette';
import { DataTableToggle } from './DataTableToggle';
import { TrendLine } from './TrendLine';

// Mantine's Table brings its ScrollArea and floating-ui (about 20 KB gzip): fetched when the reader
// asks for the figures as a table, not with the overview.
const LedgerTable = lazy(() => import('./LedgerTable').then((m) => ({ default: m.LedgerTable })));

interface LedgerSectionProps {
  ledger: LedgerFigures | undefined;
  /** The ledger year by year (GET /fund/ledger); undefined while it loads or when it failed. */
  byYear: LedgerYear[] | undefined;
  loading: boolean;
}

/** The course of a figure: what each year added, or for "available" the balance carried to the year's end. */
function trendOf(figure: LedgerFigure, years: LedgerYear[]): number[] {
  if (figure !== 'available') return years.map((year) => toNumber(year[figure]));
  let balance = 0;
  return years.map((year) => (balance += toNumber(year.available)));
}

export function LedgerSection({ ledger, byYear, loading }: LedgerSectionProps) {
  const { t } = useTranslation();
  const { usd, usdCompact, year } = useFigures();
  const years = (byYear ?? []).filter((entry): entry is LedgerYear & { year: number } => entry.year !== null);
  const first = years[0]?.year;
  const last = years.at(-1)?.year;
  const span = first !== undefined && last !== undefined ? { from: year(first), to: year(last) } : null;

  return (
    <Box component="section" aria-labelledby="ledger-heading">
      <Title order={2} id="ledger-heading" fz={20} mb={4}>
        {t('dashboard.ledger.title')}
      </Title>
      <Text c="dimmed" size="sm" mb="md" maw={820}>
        {ledger && span
          ? t('dashboard.ledger.summary', {
              from: span.from,
              to: span.to,
              received: usdCompact(ledger.received),
              committed: usdCompact(ledger.committed),
              transferred: usdCompact(ledger.transferred),
              available: usdCompact(ledger.available),
            })
          : t('dashboard.ledger.description')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 5 }} spacing="md">
        {LEDGER_FIGURES.map((figure) => {
          const value = ledger?.[figure];
          const negative = value !== undefined && toNumber(value) < 0;
          return (
            <Paper key={figure} withBorder radius="md" p="md" data-testid={`ledger-${figure}`}>
              <Stack gap={6}>
                <Group gap={8} wrap="nowrap">
                  <Box
                    w={10}
                    h={10}
                    style={{ borderRadius: 3, background: LEDGER_COLORS[figure], flex: 'none' }}
                    aria-hidden="true"
                  />
                  <Text size="sm" fw={650}>
                    {t(`dashboard.ledger.${figure}`)}
                  </Text>
                </Group>
                {loading || value === undefined ? (
                  <>
                    <Skeleton height={30} width="70%" radius="sm" />
                    <Skeleton height={12} width="55%" radius="sm" />
                  </>
                ) : (
                  <>
                    <Text
                      fz={figureSize(usdCompact(value))}
                      fw={700}
                      lh={1.1}
                      c={negative ? 'red.9' : undefined}
                      style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
                    >
                      {usdCompact(value)}
                    </Text>
                    <Text size="xs" c="dimmed" data-testid={`ledger-${figure}-exact`}>
                      {usd(value)}
                    </Text>
                  </>
                )}
                <Text size="xs" c="dimmed">
                  {t(`dashboard.ledger.hints.${figure}`)}
                </Text>
                <Box h={44} aria-hidden="true">
                  {years.length > 1 ? (
                    <TrendLine data={trendOf(figure, years)} color={LEDGER_COLORS[figure]} height={44} />
                  ) : byYear === undefined ? (
                    <Skeleton height={44} radius="sm" />
                  ) : null}
                </Box>
                {span ? (
                  <Text size="xs" c="dimmed">
                    {figure === 'available'
                      ? t('dashboard.ledger.trendBalance', span)
                      : t('dashboard.ledger.trend', span)}
                  </Text>
                ) : null}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
      {years.length > 0 ? (
        <Box mt="xs">
          <DataTableToggle>
            <Suspense fallback={<Skeleton height={240} radius="md" />}>
              <LedgerTable years={years} />
            </Suspense>
          </DataTableToggle>
        </Box>
      ) : null}
    </Box>
  );
}

/**
 * The headline figure on one line in every language: a compact amount runs from 7 characters
 * ("$181.7M") to 15 ("181.7 مليون US$"), so the longer ones are set smaller rather than broken
 * across lines or spilling out of the card.
 */
function figureSize(text: string): number {
  if (text.length <= 8) return 28;
  return text.length <= 11 ? 22 : 18;
}
