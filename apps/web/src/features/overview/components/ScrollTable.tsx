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
 */
export function ScrollTable({ minWidth, label, children }: ScrollTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer
      type="native"
      minWidth={minWidth}
      tabIndex={0}
      role="region"
      aria-label={t('dashboard.table.label', { title: label })}
    >
      {children}
    </Table.ScrollContainer>
  );
}
