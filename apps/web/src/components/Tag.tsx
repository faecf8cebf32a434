import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { TONES, type Tone } from './tones';

/** The badges' tones (./tones): a tag differs from a badge only by its fainter border. */
export type TagTone = Tone;

interface TagProps extends Omit<BadgeProps, 'color' | 'variant'> {
  tone: TagTone;
  children: ReactNode;
}

export function Tag({ tone, children, ...props }: TagProps) {
  const { color, background } = TONES[tone];
  return (
    <Badge
      variant="light"
      radius="sm"
      tt="none"
      fw={600}
      {...props}
      styles={{
        // A tag wraps between words rather than ending in "…": in a narrow table column Mantine's badge
        // cut "In force today" to "In force to…". On one line it keeps the badge's height.
        root: {
          color,
          background,
          border: `1px solid color-mix(in srgb, ${color} 18%, transparent)`,
          height: 'auto',
          minHeight: 'var(--badge-height)',
        },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' },
      }}
    >
      {children}
    </Badge>
  );
}
