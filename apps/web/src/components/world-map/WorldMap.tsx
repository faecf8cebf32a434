import { Box, Group, Skeleton, Text } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { WhenVisible } from '../WhenVisible';
import { MAP_NO_DATA } from './colors';
import { MAP_HEIGHT, MAP_WIDTH, type MapClass } from './geo';

/** The drawing (lazy: its code and shapes are a chunk of their own, loaded when first drawn). */
export const WorldMapDrawing = lazy(() => import('./PortfolioMap'));

/** Holds the map's place at its own proportions (width 100%), so nothing moves when it is drawn. */
export function WorldMapPlaceholder() {
  return <Skeleton radius="md" h="auto" style={{ aspectRatio: `${MAP_WIDTH} / ${MAP_HEIGHT}` }} />;
}

/**
 * Renders its children (a component drawing WorldMapDrawing) only once the map's place scrolls into
 * view, so neither the drawing's chunk nor the countries' tooltip lines cost anything before. A
 * picture, hidden from screen readers: the page around it gives the same figures in text.
 */
export function LazyWorldMap({ children }: { children: ReactNode }) {
  return (
    <Box aria-hidden="true">
      <WhenVisible placeholder={<WorldMapPlaceholder />}>
        <Suspense fallback={<WorldMapPlaceholder />}>{children}</Suspense>
      </WhenVisible>
    </Box>
  );
}

function Swatch({ color, border }: { color: string; border: string }) {
  return (
    <Box
      w={14}
      h={14}
      style={{ background: color, borderRadius: 3, border: `1px solid ${border}` }}
      aria-hidden="true"
    />
  );
}

/** The map's key: one swatch per class, "none" and what a circle means. */
export function MapLegend({
  classes,
  label,
  format,
  range,
  none,
  dot,
}: {
  classes: MapClass[];
  label: string;
  format: (value: number) => string;
  range: (from: string, to: string) => string;
  none: string;
  dot: ReactNode;
}) {
  return (
    <Group gap="md" wrap="wrap" aria-label={label} role="group">
      {classes.map((entry) => (
        <Group key={`${entry.min}-${entry.max}`} gap={6} wrap="nowrap">
          <Swatch color={entry.color} border="#3d6d91" />
          <Text size="xs">
            {entry.min === entry.max ? format(entry.min) : range(format(entry.min), format(entry.max))}
          </Text>
        </Group>
      ))}
      <Group gap={6} wrap="nowrap">
        <Swatch color={MAP_NO_DATA} border="#adb5bd" />
        <Text size="xs">{none}</Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        <svg width="14" height="14" aria-hidden="true" focusable="false">
          <circle cx="7" cy="7" r="5" fill="#4fa9dc" stroke="#003f68" strokeWidth="1.2" />
        </svg>
        <Text size="xs">{dot}</Text>
      </Group>
    </Group>
  );
}
