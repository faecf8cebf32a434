import type { Indicator } from '../api/results';

/** How far an indicator has come from its baseline towards its target, 0 to 1 (null when it cannot say). */
export function progressOf(indicator: Pick<Indicator, 'baseline' | 'target' | 'actual'>): number | null {
  if (!indicator.actual || indicator.target === indicator.baseline) return null;
  const share = (indicator.actual.value - indicator.baseline) / (indicator.target - indicator.baseline);
  return Math.max(0, Math.min(1, share));
}
