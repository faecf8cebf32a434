import { Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../../components/data-table/ListTable';
import { EmptyResult, ErrorResult } from '../../../components/QueryStates';
import { useFormatters } from '../../../lib/format';
import { useIntl } from '../../../lib/intl';
import { useCalibration, type ReviewerCalibration } from '../api/get-calibration';

function deviationOf(row: ReviewerCalibration): number {
  return row.meanDeviation.denominator === 0
    ? 0
    : row.meanDeviation.numerator / row.meanDeviation.denominator;
}

/** A bar from the centre line: to the end for a generous reviewer, to the start for a severe one. */
function DeviationBar({ value, scale }: { value: number; scale: number }) {
  const width = scale === 0 ? 0 : Math.min(Math.abs(value) / scale, 1) * 50;
  const positive = value > 0;
  return (
    <Box
      pos="relative"
      h={14}
      w={160}
      aria-hidden="true"
      style={{ background: 'var(--mantine-color-gray-1)', borderRadius: 4 }}
    >
      <Box
        pos="absolute"
        top={0}
        bottom={0}
        style={{
          insetInlineStart: positive ? '50%' : `${50 - width}%`,
          width: `${width}%`,
          background: positive ? 'var(--mantine-color-teal-7)' : 'var(--mantine-color-orange-7)',
          borderRadius: 3,
        }}
      />
      <Box
        pos="absolute"
        top={-2}
        bottom={-2}
        style={{ insetInlineStart: '50%', width: 2, background: 'var(--mantine-color-gray-7)' }}
      />
    </Box>
  );
}

/** Reviewer calibration: how far each reviewer's scores sit from their panels' means. */
export function CalibrationTable() {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const { signed } = useIntl();
  const calibration = useCalibration();
  const rows = calibration.data ?? [];
  const scale = Math.max(0.5, ...rows.map((row) => Math.abs(deviationOf(row))));
  const columns = useMemo<ColumnDef<ReviewerCalibration>[]>(
    () => [
      {
        id: 'reviewer',
        header: t('reviews.calibration.reviewer'),
        accessorFn: (row) => row.reviewerName,
        meta: { rowHeader: true },
      },
      {
        id: 'reviews',
        header: t('reviews.calibration.reviews'),
        accessorFn: (row) => row.reviews,
        meta: { align: 'end' },
        cell: ({ row }) => (
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>{number(row.original.reviews)}</span>
        ),
      },
      {
        id: 'deviation',
        header: t('reviews.calibration.deviation'),
        accessorFn: (row) => deviationOf(row),
        meta: { align: 'end' },
        cell: ({ row }) => (
          <Text span dir="ltr" size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {signed(deviationOf(row.original))}
          </Text>
        ),
      },
      {
        id: 'bar',
        header: t('reviews.calibration.bar'),
        cell: ({ row }) => {
          const value = deviationOf(row.original);
          const reading =
            Math.abs(value) < 0.005
              ? t('reviews.calibration.aligned')
              : value > 0
                ? t('reviews.calibration.generous')
                : t('reviews.calibration.severe');
          return (
            <Group gap="sm" wrap="nowrap">
              <DeviationBar value={value} scale={scale} />
              <Text size="xs" c="dimmed">
                {reading}
              </Text>
            </Group>
          );
        },
      },
    ],
    [t, number, signed, scale],
  );

  return (
    <Stack gap="md" component="section" aria-labelledby="calibration-title">
      <Stack gap={4}>
        <Title order={2} fz="h3" id="calibration-title">
          {t('reviews.calibration.title')}
        </Title>
        <Text c="dimmed" size="sm" maw={760}>
          {t('reviews.calibration.intro')} {t('rounds.calibrationBasis')}
        </Text>
      </Stack>
      <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
        {calibration.isError ? (
          <ErrorResult title={t('reviews.calibration.error')} onRetry={() => void calibration.refetch()} />
        ) : !calibration.isPending && rows.length === 0 ? (
          <EmptyResult title={t('reviews.calibration.empty')} body={t('reviews.calibration.emptyBody')} />
        ) : (
          <ListTable
            listId="calibration"
            columnChoice={false}
            label={t('reviews.calibration.title')}
            columns={columns}
            data={rows}
            getRowId={(row) => row.reviewerId}
            loading={calibration.isPending}
            clientSort={{ id: 'reviewer', descending: false }}
            count={calibration.isPending ? undefined : { shown: rows.length, hasMore: false }}
            minWidth={560}
            fz="sm"
          />
        )}
      </Paper>
    </Stack>
  );
}
