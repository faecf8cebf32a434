import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** Tag tones with at least 7:1 text contrast on their own background (WCAG AAA, so AA on any row). */
const TAG_TONES = {
  blue: { color: '#00558c', background: '#e6f4fb' },
  indigo: { color: '#2f3e9e', background: '#eceffd' },
  teal: { color: '#0b5d45', background: '#e3f6f1' },
  orange: { color: '#8a3a00', background: '#fff1e6' },
  grape: { color: '#6b2380', background: '#f6ebfa' },
  gray: { color: '#495057', background: '#f1f3f5' },
} as const;

export type TagTone = keyof typeof TAG_TONES;

interface TagProps extends Omit<BadgeProps, 'color' | 'variant'> {
  tone: TagTone;
  children: ReactNode;
}

export function Tag({ tone, children, ...props }: TagProps) {
  const { color, background } = TAG_TONES[tone];
  return (
    <Badge
      variant="light"
      radius="sm"
      tt="none"
      fw={600}
      {...props}
      styles={{
        root: { color, background, border: `1px solid color-mix(in srgb, ${color} 18%, transparent)` },
      }}
    >
      {children}
    </Badge>
  );
}
