import type { Client } from 'pg';
import { PRINCIPLE_IDS, RUBRIC } from '@hstf/domain';
import type { PrincipleId, Recommendation } from '@hstf/domain';

/** Scores in principle order (people-centred … protection and empowerment); null: not scored yet. */
type Scores = readonly (number | null)[];

type DemoState =
  | { status: 'assigned' }
  | { status: 'open' }
  | { status: 'declined_conflict'; withLead: boolean; note: string }
  | { status: 'draft'; scores: Scores; recommendation: Recommendation | null }
  | { status: 'submitted'; scores: Scores; recommendation: Recommendation };

interface ProjectRow {
  id: string;
  code: string;
  stage: string;
  start_date: string;
  lead_organization_id: string | null;
}

const REVIEWERS = ['reviewer1@example.org', 'reviewer2@example.org', 'reviewer3@example.org'];
const DECIDED = ['approved', 'active', 'completed', 'closed'];
const DAY = 24 * 60 * 60 * 1000;

/** What a reviewer writes, by principle and by how well the proposal does on it. */
const FINDINGS: Record<PrincipleId, [weak: string, partial: string, strong: string]> = {
  people_centred: [
    'The people concerned appear as recipients only; their participation is not described.',
    'Beneficiaries are counted, but how communities take part in implementation is not explained.',
    'The most vulnerable groups are named and counted, and communities take part in the design and the monitoring.',
  ],
  comprehensive: [
    'A single-sector response: the interconnected threats are listed but not addressed.',
    'Several sectors are named, but the division of labour between the agencies leaves room for duplication.',
    'Threats to freedom from fear and from want are addressed together, by agencies working as one programme.',
  ],
  context_specific: [
    'Reads as a blueprint from elsewhere; the local context is not analysed.',
    'The context analysis is general; local capacities differ more than the proposal allows for.',
    'Grounded in a local assessment of capacities, in line with the national strategy of each country.',
  ],
  prevention_oriented: [
    'Responds to symptoms; no early warning and no analysis of root causes.',
    'An early-warning component exists, but the root causes are only partly addressed.',
    'Root causes are analysed and a community early-warning mechanism is built in.',
  ],
  protection_empowerment: [
    'Top-down measures only; people are not equipped to act for themselves.',
    'Protection measures are clear; empowerment is limited to consultation.',
    'Institutional protection and community empowerment reinforce each other in one framework.',
  ],
};

function justification(principle: PrincipleId, score: number): string {
  const level = RUBRIC[score]!;
  const finding = FINDINGS[principle][score >= 3 ? 2 : score === 2 ? 1 : 0];
  return `${level.label[0]!.toUpperCase()}${level.label.slice(1)} (${score}): ${finding}`;
}

/**
 * The five demo proposals under review, in code order, each showing one situation staff must see:
 * a disagreement moderated (passes), a disagreement not moderated (fails), a conflict declared,
 * too few reviews yet, and reviews not started.
 */
const UNDER_REVIEW: DemoState[][] = [
  [
    { status: 'submitted', scores: [3, 4, 3, 3, 3], recommendation: 'approve' },
    { status: 'submitted', scores: [3, 2, 3, 3, 3], recommendation: 'revise' },
    { status: 'submitted', scores: [3, 3, 4, 3, 3], recommendation: 'approve' },
  ],
  [
    { status: 'submitted', scores: [1, 2, 2, 1, 2], recommendation: 'reject' },
    { status: 'submitted', scores: [3, 2, 2, 2, 2], recommendation: 'revise' },
    { status: 'draft', scores: [2, 2, null, null, null], recommendation: null },
  ],
  [
    { status: 'submitted', scores: [3, 3, 3, 3, 2], recommendation: 'approve' },
    { status: 'submitted', scores: [3, 3, 2, 3, 3], recommendation: 'approve' },
    {
      status: 'declined_conflict',
      withLead: true,
      note: 'I advised the lead organization on this programme during its design phase.',
    },
  ],
  [
    { status: 'submitted', scores: [2, 3, 2, 3, 2], recommendation: 'revise' },
    { status: 'draft', scores: [3, 3, 2, null, null], recommendation: 'approve' },
    { status: 'assigned' },
  ],
  [{ status: 'assigned' }, { status: 'open' }],
];

/** The moderation note of the first proposal's disagreement (comprehensive: 4, 2 and 3). */
const MODERATION_NOTE =
  'The panel discussed the comprehensive score by call. The reviewer who scored 2 had not seen the joint work plan in annex 3, which assigns each agency its own activities; the panel agrees the proposal avoids duplication and accepts the higher scores.';

/**
 * Projects that were approved earlier passed their assessment: two or three submitted reviews,
 * every score 3 or 4, never further apart than 1.
 */
function decidedPanel(index: number): DemoState[] {
  const panel = index % 3 === 0 ? [0, 1, 2] : [0, 1];
  return panel.map((k) => ({
    status: 'submitted',
    scores: PRINCIPLE_IDS.map((_, j) => 3 + ((index + j + k) % 2)),
    recommendation: 'approve',
  }));
}

/**
 * Reviews by the three demo reviewers, each with its audit entry, inside the demo loader's
 * transaction, after the portfolio. Historical reviews are dated before the project started.
 */
export async function writeDemoReviews(client: Client, requestId: string): Promise<void> {
  const { rows: users } = await client.query<{ id: string; email: string }>(
    `SELECT id, email FROM users WHERE email = ANY($1::text[]) OR email = 'staff@example.org'`,
    [REVIEWERS],
  );
  const userId = new Map(users.map((u) => [u.email, u.id]));
  const reviewerIds = REVIEWERS.map((email) => userId.get(email)!);
  const staffId = userId.get('staff@example.org') ?? null;
  const { rows: projects } = await client.query<ProjectRow>(
    `SELECT id, code, stage, start_date::text AS start_date, lead_organization_id FROM projects
     WHERE stage = ANY($1::text[]) AND deleted_at IS NULL ORDER BY code`,
    [['under_review', ...DECIDED]],
  );

  const rows: Record<string, unknown>[] = [];
  const add = (project: ProjectRow, reviewerIndex: number, state: DemoState, at: number) => {
    const scores: Scores =
      state.status === 'draft' || state.status === 'submitted'
        ? state.scores
        : [null, null, null, null, null];
    const declared = state.status === 'assigned' ? null : state.status === 'declined_conflict';
    const row: Record<string, unknown> = {
      project: project.id,
      reviewer: reviewerIds[reviewerIndex],
      status: state.status === 'open' ? 'assigned' : state.status,
      conflict_declared: declared,
      organizations:
        state.status === 'declined_conflict' && state.withLead && project.lead_organization_id
          ? [project.lead_organization_id]
          : [],
      note: state.status === 'declined_conflict' ? state.note : null,
      declared_at: declared === null ? null : new Date(at + 2 * DAY).toISOString(),
      recommendation: 'recommendation' in state ? state.recommendation : null,
      submitted_at:
        state.status === 'submitted' ? new Date(at + (20 + reviewerIndex) * DAY).toISOString() : null,
      created_at: new Date(at).toISOString(),
      updated_at: new Date(at + (state.status === 'assigned' ? 0 : 20 + reviewerIndex) * DAY).toISOString(),
    };
    PRINCIPLE_IDS.forEach((p, i) => {
      const score = scores[i] ?? null;
      row[`score_${p}`] = score;
      row[`justification_${p}`] = score === null ? null : justification(p, score);
    });
    rows.push(row);
  };

  const underReview = projects.filter((p) => p.stage === 'under_review');
  const assignedOn = Date.now() - 45 * DAY;
  underReview.forEach((project, i) => {
    (UNDER_REVIEW[i] ?? UNDER_REVIEW[UNDER_REVIEW.length - 1]!).forEach((state, k) =>
      add(project, k, state, assignedOn + i * DAY),
    );
  });
  projects
    .filter((p) => DECIDED.includes(p.stage))
    .forEach((project, i) => {
      const reviewedFrom = Date.parse(`${project.start_date}T09:00:00Z`) - 150 * DAY;
      decidedPanel(i).forEach((state, k) => add(project, k, state, reviewedFrom));
    });

  const scoreColumns = PRINCIPLE_IDS.flatMap((p) => [`score_${p}`, `justification_${p}`]);
  const { rows: inserted } = await client.query<{ id: string }>(
    `INSERT INTO reviews (project_id, reviewer_id, assigned_by, status, conflict_declared, conflict_organization_ids,
                          conflict_note, declared_at, recommendation, submitted_at, created_at, updated_at,
                          ${scoreColumns.join(', ')})
     SELECT r.project, r.reviewer, $2, r.status, r.conflict_declared, r.organizations, r.note, r.declared_at,
            r.recommendation, r.submitted_at, r.created_at, r.updated_at, ${scoreColumns.map((c) => `r.${c}`).join(', ')}
     FROM jsonb_to_recordset($1::jsonb) AS r(project uuid, reviewer uuid, status text, conflict_declared boolean,
       organizations uuid[], note text, declared_at timestamptz, recommendation text, submitted_at timestamptz,
       created_at timestamptz, updated_at timestamptz,
       ${PRINCIPLE_IDS.map((p) => `score_${p} smallint, justification_${p} text`).join(', ')})
     RETURNING id`,
    [JSON.stringify(rows), staffId],
  );
  // The audit log is read by staff: what a review says stays out of it until it is submitted.
  await client.query(
    `INSERT INTO audit_entries (action, entity, entity_id, after, request_id)
     SELECT 'create', 'review', r.id::text,
            CASE WHEN r.status = 'submitted' THEN to_jsonb(r) ELSE to_jsonb(r) - $3::text[] END, $2
     FROM reviews r WHERE r.id = ANY($1::uuid[])`,
    [inserted.map((r) => r.id), requestId, [...scoreColumns, 'recommendation']],
  );

  const moderated = underReview[0];
  if (moderated) {
    const { rows: notes } = await client.query<{ id: string }>(
      `INSERT INTO moderation_notes (project_id, principle, note, author_id, created_at, updated_at)
       VALUES ($1, 'comprehensive', $2, $3, now() - interval '5 days', now() - interval '5 days') RETURNING id`,
      [moderated.id, MODERATION_NOTE, staffId],
    );
    await client.query(
      `INSERT INTO audit_entries (action, entity, entity_id, after, request_id)
       SELECT 'create', 'moderation_note', n.id::text, to_jsonb(n), $2 FROM moderation_notes n WHERE n.id = $1`,
      [notes[0]!.id, requestId],
    );
  }
}
