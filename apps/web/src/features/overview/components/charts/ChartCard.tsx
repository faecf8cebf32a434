import { Box, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useId } from '@mantine/hooks';
import { Suspense, type ReactNode } from 'react';
import { WhenVisible } from '../../../../components/WhenVisible';
import { DataTableToggle } from '../DataTableToggle';

interface ChartCardProps {
  title: string;
  /** What the chart shows, in one or two sentences: the text alternative of the picture. */
  summary: ReactNode;
  /** The same figures as a table, behind a toggle; null when there is nothing to chart. */
  table: ReactNode;
  /** A control above the chart, such as the choice of a measure. */
  actions?: ReactNode;
  /**
   * The chart itself, usually lazy: the card shows a skeleton of `height` until it scrolls into view
   * and while it loads.
   */
  children: ReactNode;
  height: number;
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: ReactNode;
}

/**
 * The frame of every chart: a title, a text summary, the picture (hidden from assistive technology,
 * which reads the summary and the table instead) and a data table toggle (WCAG 1.1.1, 1.3.1).
 */
export function ChartCard({ title, summary, table, actions, children, height, empty }: ChartCardProps) {
  const id = useId();
  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      aria-labelledby={`${id}-title`}
      h="100%"
    >
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={3} fz={17} id={`${id}-title`}>
            {title}
          </Title>
          {actions}
        </Group>
        {empty ?? (
          <>
            <Text size="sm" c="dimmed" maw={760}>
              {summary}
            </Text>
            <Box aria-hidden="true" mih={height} style={{ flex: 1 }}>
              <WhenVisible placeholder={<Skeleton height={height} radius="md" />}>
                <Suspense fallback={<Skeleton height={height} radius="md" />}>{children}</Suspense>
              </WhenVisible>
            </Box>
            <DataTableToggle>{table}</DataTableToggle>
          </>
        )}
      </Stack>
    </Paper>
  );
}
