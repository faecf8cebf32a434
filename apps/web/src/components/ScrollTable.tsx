import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ScrollTableProps {
  minWidth: number;
  /** The title of what the table shows; the region is named "<title>: data table". */
  label: string;
  children: ReactNode;
}

/**
 * A table that scrolls sideways on a narrow screen. The scrolling box can take the focus, so that a
 * keyboard reaches every column even when the table holds no link (WCAG 2.1.1, axe
 * scrollable-region-focusable).
 *
 * The box is positioned so that it, not the page, contains the visually hidden link text of its cells
 * (absolutely placed): otherwise that text escapes the sideways scroll and widens the whole page on a
 * phone (the Russian staff overview was 487 px wide at 390 px).
 */
export function ScrollTable({ minWidth, label, children }: ScrollTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer
      type="native"
      pos="relative"
      minWidth={minWidth}
      tabIndex={0}
      role="region"
      aria-label={t('tables.regionLabel', { title: label })}
    >
      {children}
    </Table.ScrollContainer>
  );
}
