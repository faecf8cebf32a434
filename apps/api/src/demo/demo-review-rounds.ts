import { addDays, PRINCIPLE_IDS } from '@hstf/domain';
import type { Client } from 'pg';

const DAY = 24 * 60 * 60 * 1000;

const NOTES = {
  revision_requested:
    'Returned for revision: the panel asks for a costed prevention strategy and the community early-warning plan.',
  full_proposal: 'Revised proposal received with the early-warning plan in annex 4.',
  under_review: 'Revised proposal complete; sent to the review panel for a second round.',
} as const;

const SECOND_ROUND_JUSTIFICATION =
  'Strong (3): the revision adds the costed early-warning plan the first round asked for; communities run it.';

/**
 * A proposal in its second review round, after the demo reviews (writeDemoReviews) are written: the
 * fourth demo proposal under review was returned for revision once its first panel had reported, and
 * resubmitted. Its first round (one review submitted, one left in draft, one never started) stays
 * readable and no longer counts; in round 2 the same first reviewer submitted again, and the second
 * reviewer's review is past the due date staff gave it. Every record has its audit entry.
 */
export async function writeDemoReviewRounds(client: Client, requestId: string): Promise<void> {
  const { rows: projects } = await client.query<{ id: string }>(
    `SELECT id FROM projects WHERE stage = 'under_review' AND deleted_at IS NULL ORDER BY code OFFSET 3 LIMIT 1`,
  );
  const project = projects[0];
  if (!project) return;
  const { rows: people } = await client.query<{ id: string; email: string }>(
    `SELECT id, email FROM users WHERE email = ANY($1::text[])`,
    [['staff@example.org', 'reviewer1@example.org', 'reviewer2@example.org']],
  );
  const id = Object.fromEntries(people.map((p) => [p.email, p.id]));
  const staff = id['staff@example.org'] ?? null;
  const [first, second] = [id['reviewer1@example.org'], id['reviewer2@example.org']];
  if (!first || !second) return;

  // The revision cycle, after the first panel's last submission and in order after the last decision.
  const { rows: last } = await client.query<{ decided_on: string; reported: string | null }>(
    `SELECT (SELECT max(decided_on)::text FROM project_transitions WHERE project_id = $1) AS decided_on,
            (SELECT (max(submitted_at) AT TIME ZONE 'UTC')::date::text FROM reviews WHERE project_id = $1) AS reported`,
    [project.id],
  );
  const today = new Date().toISOString().slice(0, 10);
  const earliest = [last[0]?.decided_on ?? today, last[0]?.reported ?? today].sort().reverse()[0]!;
  const at = (days: number) => [earliest, addDays(today, -days)].sort().reverse()[0]!;
  const cycle = [
    { from: 'under_review', to: 'revision_requested', on: at(15), hour: '10' },
    { from: 'revision_requested', to: 'full_proposal', on: at(12), hour: '11' },
    { from: 'full_proposal', to: 'under_review', on: at(10), hour: '12' },
  ] as const;
  for (const step of cycle) {
    await client.query(
      `WITH inserted AS (
         INSERT INTO project_transitions (project_id, from_stage, to_stage, note, decided_on, actor_id, evidence, occurred_at)
         VALUES ($1, $2, $3, $4, $5::date, $6, $7::jsonb, ($5 || 'T' || $8 || ':00:00Z')::timestamptz) RETURNING *)
       INSERT INTO audit_entries (action, entity, entity_id, after, request_id)
       SELECT 'create', 'project_transition', i.id::text, to_jsonb(i), $9 FROM inserted i`,
      [
        project.id,
        step.from,
        step.to,
        NOTES[step.to],
        step.on,
        staff,
        JSON.stringify({ gate: step.to === 'under_review' ? 'proposal' : null, illustrative: true }),
        step.hour,
        requestId,
      ],
    );
  }
  // Round 1 ran from the first move into review to the return for revision; round 2 opened on resubmission.
  await client.query(
    `UPDATE review_rounds rr SET
       opened_at = least(rr.opened_at,
         (SELECT min(occurred_at) FROM project_transitions WHERE project_id = rr.project_id AND to_stage = 'under_review'),
         (SELECT min(created_at) FROM reviews WHERE project_id = rr.project_id)),
       closed_at = (SELECT occurred_at FROM project_transitions
                    WHERE project_id = rr.project_id AND to_stage = 'revision_requested')
     WHERE rr.project_id = $1 AND rr.number = 1`,
    [project.id],
  );
  await client.query(
    `INSERT INTO review_rounds (project_id, number, opened_at)
     SELECT $1, 2, occurred_at FROM project_transitions
     WHERE project_id = $1 AND to_stage = 'under_review' ORDER BY occurred_at DESC LIMIT 1`,
    [project.id],
  );

  const assigned = Date.parse(`${cycle[2].on}T14:00:00Z`) + DAY;
  const scoreColumns = PRINCIPLE_IDS.flatMap((p) => [`score_${p}`, `justification_${p}`]);
  const { rows: reviews } = await client.query<{ id: string }>(
    `INSERT INTO reviews (project_id, round, reviewer_id, assigned_by, due_on, status, conflict_declared, declared_at,
                          recommendation, submitted_at, created_at, updated_at, ${scoreColumns.join(', ')})
     VALUES ($1, 2, $2, $4, $5::date, 'submitted', false, $6, 'approve', $7, $6, $7,
             ${PRINCIPLE_IDS.map(() => `3, '${SECOND_ROUND_JUSTIFICATION.replace(/'/g, "''")}'`).join(', ')}),
            ($1, 2, $3, $4, $8::date, 'draft', false, $6, NULL, NULL, $6, $6,
             ${PRINCIPLE_IDS.map((_, i) => (i < 2 ? `2, 'Partial (2): the revision is read; notes to follow.'` : 'NULL, NULL')).join(', ')})
     RETURNING id`,
    [
      project.id,
      first,
      second,
      staff,
      addDays(cycle[2].on, 14),
      new Date(assigned).toISOString(),
      new Date(assigned + 5 * DAY).toISOString(),
      // Staff gave the second reviewer a week: the due date has passed and the alert shows it.
      [addDays(cycle[2].on, 7), addDays(today, -1)].sort()[0]!,
    ],
  );
  await client.query(
    `INSERT INTO audit_entries (action, entity, entity_id, after, request_id)
     SELECT 'create', 'review', r.id::text,
            CASE WHEN r.status = 'submitted' THEN to_jsonb(r) ELSE to_jsonb(r) - $3::text[] END, $2
     FROM reviews r WHERE r.id = ANY($1::uuid[])`,
    [reviews.map((r) => r.id), requestId, [...scoreColumns, 'recommendation']],
  );
}
