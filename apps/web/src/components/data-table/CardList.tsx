import { Paper, Skeleton, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

interface CardListProps<T> {
  /** The list's name, as its table would be named. */
  label: string;
  items: readonly T[];
  getKey: (item: T) => string;
  children: (item: T) => ReactNode;
  loading?: boolean;
  refreshing?: boolean;
  /** Attributes of each card (data-* hooks for tests and links), as a table's rowProps. */
  itemProps?: (item: T) => Record<string, string | undefined>;
  testId?: string;
}

/**
 * A list on a phone: one card a row, read top to bottom instead of a table scrolled sideways. The
 * project list's cards and every list table's phone form (RowCards) are laid out by this one frame.
 */
export function CardList<T>({
  label,
  items,
  getKey,
  children,
  loading = false,
  refreshing = false,
  itemProps,
  testId,
}: CardListProps<T>) {
  if (loading)
    return (
      <Stack gap="xs" aria-busy="true">
        {[0, 1, 2].map((index) => (
          <Skeleton key={index} height={116} radius="md" />
        ))}
      </Stack>
    );
  return (
    <Stack
      component="ul"
      gap="xs"
      p={0}
      m={0}
      aria-label={label}
      aria-busy={refreshing}
      data-testid={testId}
      style={{ listStyle: 'none', opacity: refreshing ? 0.6 : 1, transition: 'opacity 150ms' }}
    >
      {items.map((item) => (
        <Paper key={getKey(item)} component="li" withBorder radius="md" p="sm" {...itemProps?.(item)}>
          {children(item)}
        </Paper>
      ))}
    </Stack>
  );
}
