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
        root: { color, background, border: `1px solid color-mix(in srgb, ${color} 18%, transparent)` },
      }}
    >
      {children}
    </Badge>
  );
}
