import { randomBytes } from 'node:crypto';
import type { TestApp } from '../support/test-app';

const unique = () => randomBytes(4).toString('hex');

export interface BuiltStrategy {
  id: string;
  countryIso3: string;
  title: string;
  priorityAreas: string[];
  version: number;
}

/** A national strategy inserted directly (no audit entry), for tests that read, change or align to one. */
export async function aStrategy(
  t: TestApp,
  overrides: {
    countryIso3?: string;
    title?: string;
    periodFrom?: string;
    periodTo?: string;
    priorityAreas?: string[];
    reference?: string | null;
  } = {},
): Promise<BuiltStrategy> {
  const strategy = {
    countryIso3: overrides.countryIso3 ?? 'KEN',
    title: overrides.title ?? `National Development Plan ${unique()}`,
    periodFrom: overrides.periodFrom ?? '2024-01-01',
    periodTo: overrides.periodTo ?? '2028-12-31',
    priorityAreas: overrides.priorityAreas ?? ['Food and nutrition security', 'Health'],
    reference: overrides.reference === undefined ? 'https://example.org/plan.pdf' : overrides.reference,
  };
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO national_strategies (country_iso3, title, period_from, period_to, priority_areas, reference)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      strategy.countryIso3,
      strategy.title,
      strategy.periodFrom,
      strategy.periodTo,
      strategy.priorityAreas,
      strategy.reference,
    ],
  );
  return { id: rows[0]!.id, ...strategy, version: 1 };
}

/** A request body that creates a valid national strategy. */
export function aStrategyRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    countryIso3: 'KEN',
    title: `Kenya Vision 2030, Medium Term Plan ${unique()}`,
    periodFrom: '2023-01-01',
    periodTo: '2027-12-31',
    priorityAreas: ['Food and nutrition security', 'Health'],
    reference: 'https://example.org/mtp.pdf',
    ...overrides,
  };
}
