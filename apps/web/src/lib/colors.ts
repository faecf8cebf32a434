/** Text colours for outcomes, at 7:1 or more on white and on the light tints they sit on (WCAG AA with margin). */
export const OK_TEXT = '#1e5b24';
export const BAD_TEXT = '#9b1c1c';
export const WARN_TEXT = '#704300';

/** Alert titles and text in near-black on their light tint: the tinted defaults fall below 4.5:1. */
export const ALERT_STYLES = {
  title: { color: 'var(--mantine-color-gray-9)' },
  message: { color: 'var(--mantine-color-gray-9)' },
} as const;
