import { randomBytes } from 'node:crypto';
import { PRINCIPLE_IDS } from '@hstf/domain';
import type { PrincipleId } from '@hstf/domain';
import { aUser } from './builders';
import { aContribution, aDonorOfKind } from './fund-builders';
import { aProject, BuiltProject } from './portfolio-builders';
import type { TestApp } from './test-app';

/**
 * The facts the lifecycle gates read, arranged with direct SQL (consents, alignments, reviews,
 * moderation notes, contributions, transfers), so tests of the gates do not depend on the APIs that
 * write them.
 */

const unique = () => randomBytes(4).toString('hex');

export type Scores = [number, number, number, number, number];

/** Columns of a consent record in each status: valid on any date from 2025-06-01 to 2030-12-31. */
export function consentColumns(status: string): Record<string, string | null> {
  const documented = {
    requested_on: '2025-05-01',
    granted_on: '2025-06-01',
    issuing_office: 'Ministry of Foreign Affairs',
    signatory: 'Permanent Secretary',
    document_reference: `NV/${unique()}`,
  };
  switch (status) {
    case 'requested':
      return { requested_on: '2025-05-01' };
    case 'refused':
      return { requested_on: '2025-05-01' };
    case 'granted':
      return { ...documented, valid_until: '2030-12-31' };
    case 'expired':
      return { ...documented, valid_until: '2025-12-31' };
    case 'withdrawn':
      return {
        ...documented,
        withdrawn_on: '2025-09-01',
        withdrawal_reason: 'The Government suspended the project sites',
      };
    default:
      throw new Error(`unknown consent status ${status}`);
  }
}

/** A consent record inserted directly; `columns` override what the status implies. */
export async function aConsent(
  t: TestApp,
  projectId: string,
  country: string,
  status = 'granted',
  columns: Record<string, string | null> = {},
): Promise<string> {
  const values = { status, ...consentColumns(status), ...columns };
  const names = Object.keys(values);
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO consent_records (project_id, country_iso3, ${names.join(', ')})
     VALUES ($1, $2, ${names.map((_, i) => `$${i + 3}`).join(', ')}) RETURNING id`,
    [projectId, country, ...names.map((n) => values[n as keyof typeof values])],
  );
  return rows[0]!.id;
}

/** A decision in the project's history (project_transitions), dated `decidedOn`. */
export async function aDecision(
  t: TestApp,
  projectId: string,
  from: string,
  to: string,
  decidedOn: string,
): Promise<void> {
  await t.db.query(
    `INSERT INTO project_transitions (project_id, from_stage, to_stage, note, decided_on)
     VALUES ($1, $2, $3, $4, $5)`,
    [projectId, from, to, `Decided: ${to}`, decidedOn],
  );
}

/** A national strategy of the country over the period, and the project's alignment to it. */
export async function anAlignment(
  t: TestApp,
  projectId: string,
  country: string,
  period: { from: string; to: string } = { from: '2024-01-01', to: '2030-12-31' },
  justification = 'The project delivers the resilience pillar of the national plan.',
): Promise<{ id: string; strategyId: string }> {
  const { rows: strategies } = await t.db.query<{ id: string }>(
    `INSERT INTO national_strategies (country_iso3, title, period_from, period_to, priority_areas)
     VALUES ($1, $2, $3, $4, ARRAY['Resilience']) RETURNING id`,
    [country, `National Development Plan ${unique()}`, period.from, period.to],
  );
  const strategyId = strategies[0]!.id;
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO alignments (project_id, country_iso3, strategy_id, priority_area, justification)
     VALUES ($1, $2, $3, 'Resilience', $4) RETURNING id`,
    [projectId, country, strategyId, justification],
  );
  return { id: rows[0]!.id, strategyId };
}

/** A review by a new reviewer: submitted with these scores unless told otherwise. */
export async function aReview(
  t: TestApp,
  projectId: string,
  scores: Scores,
  status: 'submitted' | 'draft' | 'assigned' | 'declined_conflict' = 'submitted',
  reviewerId?: string,
): Promise<{ id: string; reviewerId: string }> {
  const reviewer = reviewerId ?? (await aUser(t, { role: 'reviewer' })).id;
  const scored = status === 'submitted' || status === 'draft';
  const columns = PRINCIPLE_IDS.flatMap((p, i) => [
    [`score_${p}`, scored ? scores[i] : null],
    [`justification_${p}`, scored ? `Justification for ${p}` : null],
  ]) as [string, unknown][];
  const values: [string, unknown][] = [
    ['project_id', projectId],
    ['reviewer_id', reviewer],
    ['status', status],
    ['conflict_declared', status === 'declined_conflict' ? true : status === 'assigned' ? null : false],
    ['recommendation', status === 'submitted' ? 'approve' : null],
    ['submitted_at', status === 'submitted' ? new Date().toISOString() : null],
    ...columns,
  ];
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO reviews (${values.map(([c]) => c).join(', ')})
     VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    values.map(([, v]) => v),
  );
  return { id: rows[0]!.id, reviewerId: reviewer };
}

export async function aModerationNote(
  t: TestApp,
  projectId: string,
  principle: PrincipleId,
  note = 'The panel discussed the spread; the lower score reflects a gap the revision closes.',
): Promise<void> {
  await t.db.query(`INSERT INTO moderation_notes (project_id, principle, note) VALUES ($1, $2, $3)`, [
    projectId,
    principle,
    note,
  ]);
}

/** A received contribution of this many US dollars, so the Fund can afford an approval. */
export async function fund(t: TestApp, usd: string): Promise<void> {
  await aContribution(t, await aDonorOfKind(t), { usdAmount: usd });
}

/** The Fund's available balance, summed in SQL as DESIGN.md §4.4 defines it. */
export async function availableBalance(t: TestApp): Promise<string> {
  const { rows } = await t.db.query<{ available: string }>(
    `SELECT ((SELECT coalesce(sum(usd_amount), 0) FROM contributions WHERE status = 'received')
           - (SELECT coalesce(sum(approved_budget), 0) FROM projects
              WHERE stage IN ('approved', 'active', 'completed', 'closed') AND deleted_at IS NULL))::text AS available`,
  );
  return rows[0]!.available;
}

export async function aTransfer(t: TestApp, project: BuiltProject, amount = '1000.00'): Promise<void> {
  await t.db.query(
    `INSERT INTO transfers (project_id, organization_id, amount_usd, transferred_on, tranche)
     VALUES ($1, $2, $3, '2026-02-01', 1 + (SELECT count(*) FROM transfers WHERE project_id = $1))`,
    [project.id, project.leadOrganizationId, amount],
  );
}

/** Every field a proposal needs before review: narratives, beneficiaries, groups, dates. */
export async function completeProposal(t: TestApp, projectId: string): Promise<void> {
  await t.db.query(
    `UPDATE projects SET summary = 'Communities build early warning and drought-resilient livelihoods.',
       narrative_people_centred = 'Pastoralist women and youth design and run the committees.',
       narrative_comprehensive = 'Food, economic and environmental insecurity are tackled together.',
       narrative_context_specific = 'Built on a vulnerability assessment with county governments.',
       narrative_prevention_oriented = 'Early warning addresses the root causes of drought losses.',
       narrative_protection_empowerment = 'County institutions protect; communities manage their own grants.',
       target_beneficiaries = 12000, vulnerable_groups = ARRAY['women_and_girls', 'youth']
     WHERE id = $1`,
    [projectId],
  );
}

export interface ReadyProposal extends BuiltProject {
  consents: Record<string, string>;
  alignments: Record<string, string>;
  reviews: { id: string; reviewerId: string }[];
  approvedBudget: string;
}

/**
 * A proposal under review that passes every approval gate: in each country a granted, documented
 * consent valid until 2030 and an alignment to a strategy covering its start (2026-01-01); two
 * submitted reviews that pass without disagreement; an approved budget the Fund can afford (a
 * contribution of that amount is received for it unless `funded` is false).
 */
export async function aReadyProposal(
  t: TestApp,
  options: { countries?: string[]; approvedBudget?: string; funded?: boolean; stage?: string } = {},
): Promise<ReadyProposal> {
  const countries = options.countries ?? ['KEN', 'UGA'];
  const approvedBudget = options.approvedBudget ?? '500000.00';
  const project = await aProject(t, {
    stage: options.stage ?? 'under_review',
    countries,
    approvedBudget,
    requestedBudget: approvedBudget,
    startDate: '2026-01-01',
    endDate: '2028-12-31',
  });
  await completeProposal(t, project.id);
  const consents: Record<string, string> = {};
  const alignments: Record<string, string> = {};
  for (const country of countries) {
    consents[country] = await aConsent(t, project.id, country, 'granted');
    alignments[country] = (await anAlignment(t, project.id, country)).id;
  }
  const reviews = [
    await aReview(t, project.id, [3, 3, 3, 3, 3]),
    await aReview(t, project.id, [3, 2, 3, 2, 3]),
  ];
  if (options.funded ?? true) await fund(t, approvedBudget);
  return { ...project, consents, alignments, reviews, approvedBudget };
}

/** The version of the project now. */
export async function versionOf(t: TestApp, projectId: string): Promise<number> {
  const { rows } = await t.db.query<{ version: number }>(`SELECT version FROM projects WHERE id = $1`, [
    projectId,
  ]);
  return rows[0]!.version;
}
