/**
 * Colours of the charts and the map. Every series colour has at least 4.5:1 contrast on white (so
 * also the 3:1 WCAG 2.1 asks of graphics, 1.4.11), and neighbours differ in hue as well as lightness.
 */
export const SERIES_COLORS = [
  '#006bb0', // UN blue 7
  '#c2410c', // burnt orange
  '#0f766e', // teal
  '#7e22ce', // purple
  '#a16207', // ochre
  '#be185d', // raspberry
  '#4d7c0f', // olive
  '#475569', // slate
] as const;

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length] ?? SERIES_COLORS[0];
}

/** The ledger's five figures, in the order of the cards. */
export const LEDGER_COLORS = {
  received: '#006bb0',
  committed: '#7e22ce',
  transferred: '#0f766e',
  released: '#4d7c0f',
  available: '#c2410c',
} as const;
