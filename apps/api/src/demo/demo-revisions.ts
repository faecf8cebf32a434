import { addDays } from '@hstf/domain';
import type { Client } from 'pg';

/**
 * After approval, in the demo: a no-cost extension granted, a budget raise waiting for a decision and
 * one rejected, each requested by the demo staff member and decided by the demo admin (four eyes);
 * and two lessons learned from closed projects, one shared with donors. Written after the portfolio
 * and its history, in the same transaction, each record with its audit entries.
 */

interface ActiveProject {
  id: string;
  end_date: string;
  approved_budget: string;
  shares: { organization_id: string; budget_share: string }[];
  /** Whether every recipient country has a granted consent, not withdrawn. */
  extendable: boolean;
}

const SELECT_REVISION = `
  SELECT r.*, r.project_id AS "projectId" FROM project_revisions r WHERE r.id = $1`;

async function audit(
  client: Client,
  requestId: string,
  action: string,
  entity: string,
  id: string,
  before: unknown,
  after: unknown,
  actor: string | null,
): Promise<void> {
  await client.query(
    `INSERT INTO audit_entries (action, entity, entity_id, before, after, request_id, actor_id)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7)`,
    [
      action,
      entity,
      id,
      before === null ? null : JSON.stringify(before),
      JSON.stringify(after),
      requestId,
      actor,
    ],
  );
}

async function revision(
  client: Client,
  requestId: string,
  values: {
    project: ActiveProject;
    kind: 'budget' | 'extension';
    justification: string;
    proposedBudget?: string;
    proposedEndDate?: string;
    requestedBy: string;
    requestedDaysAgo: number;
    decision?: { status: 'approved' | 'rejected'; by: string; comment: string; daysAgo: number };
  },
): Promise<void> {
  const budget = values.kind === 'budget';
  const shares = JSON.stringify(values.project.shares);
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO project_revisions (project_id, kind, justification, previous_approved_budget, proposed_approved_budget,
       previous_shares, proposed_shares, previous_end_date, proposed_end_date, requested_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $6::jsonb, $7, $8, $9, now() - make_interval(days => $10),
             now() - make_interval(days => $10))
     RETURNING id`,
    [
      values.project.id,
      values.kind,
      values.justification,
      budget ? values.project.approved_budget : null,
      budget ? values.proposedBudget : null,
      budget ? shares : null,
      budget ? null : values.project.end_date,
      budget ? null : values.proposedEndDate,
      values.requestedBy,
      values.requestedDaysAgo,
    ],
  );
  const id = rows[0]!.id;
  const requested = (await client.query<Record<string, unknown>>(SELECT_REVISION, [id])).rows[0];
  await audit(client, requestId, 'create', 'revision', id, null, requested, values.requestedBy);
  if (!values.decision) return;
  const { status, by, comment, daysAgo } = values.decision;
  await client.query(
    `UPDATE project_revisions SET status = $2, decided_by = $3, decision_comment = $4,
       decided_at = now() - make_interval(days => $5), version = version + 1 WHERE id = $1`,
    [id, status, by, comment, daysAgo],
  );
  if (status === 'approved' && !budget) {
    await client.query(`UPDATE projects SET end_date = $2, version = version + 1 WHERE id = $1`, [
      values.project.id,
      values.proposedEndDate,
    ]);
  }
  const decided = (await client.query<Record<string, unknown>>(SELECT_REVISION, [id])).rows[0];
  await audit(
    client,
    requestId,
    status === 'approved' ? 'approve' : 'reject',
    'revision',
    id,
    requested,
    decided,
    by,
  );
}

async function renewConsents(
  client: Client,
  requestId: string,
  projectId: string,
  validUntil: string,
  actor: string,
): Promise<void> {
  const record = `jsonb_build_object(
       'id', c.id, 'countryIso3', c.country_iso3, 'status', c.status, 'requestedOn', c.requested_on,
       'grantedOn', c.granted_on, 'validUntil', c.valid_until, 'projectId', c.project_id,
       'withdrawnOn', c.withdrawn_on, 'withdrawalReason', c.withdrawal_reason,
       'issuingOffice', c.issuing_office, 'signatory', c.signatory, 'documentReference', c.document_reference,
       'scope', c.scope, 'version', c.version,
       'createdAt', to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
       'updatedAt', to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;
  const { rows } = await client.query<{ id: string; before: unknown }>(
    `SELECT c.id, ${record} AS before FROM consent_records c
     WHERE c.project_id = $1 AND c.status = 'granted' AND c.valid_until < $2 ORDER BY c.country_iso3`,
    [projectId, validUntil],
  );
  for (const { id, before } of rows) {
    const { rows: changed } = await client.query<{ after: unknown }>(
      `WITH c AS (UPDATE consent_records SET valid_until = $2, version = version + 1 WHERE id = $1 RETURNING *)
       SELECT ${record} AS after FROM c`,
      [id, validUntil],
    );
    const after = changed[0]!.after;
    await client.query(
      `INSERT INTO consent_events (consent_id, actor_id, status, record) VALUES ($1, $2, 'granted', $3::jsonb)`,
      [id, actor, JSON.stringify(after)],
    );
    await audit(client, requestId, 'update', 'consent', id, before, after, actor);
  }
}

export async function writeDemoRevisionsAndLessons(client: Client, requestId: string): Promise<void> {
  const person = async (role: string) =>
    (
      await client.query<{ id: string }>(
        `SELECT id FROM users WHERE role = $1 ORDER BY created_at, email LIMIT 1`,
        [role],
      )
    ).rows[0]?.id;
  const staff = await person('staff');
  const admin = await person('admin');
  if (!staff || !admin) return;

  const { rows: active } = await client.query<ActiveProject>(
    `SELECT p.id, p.end_date::text, p.approved_budget::text,
            (SELECT json_agg(json_build_object('organization_id', po.organization_id,
                                               'budget_share', po.budget_share::text) ORDER BY po.organization_id)
             FROM project_organizations po WHERE po.project_id = p.id) AS shares,
            NOT EXISTS (
              SELECT 1 FROM project_countries pc WHERE pc.project_id = p.id AND NOT EXISTS (
                SELECT 1 FROM consent_records c
                WHERE c.project_id = p.id AND c.country_iso3 = pc.country_iso3 AND c.status = 'granted'
                  AND c.withdrawn_on IS NULL)) AS extendable
     FROM projects p
     WHERE p.illustrative AND p.stage = 'active' AND p.approved_budget IS NOT NULL AND p.end_date IS NOT NULL
     ORDER BY p.code`,
  );
  const extended = active.find((p) => p.extendable);
  const others = active.filter((p) => p !== extended);
  if (extended) {
    // The recipient States renewed their consent beyond the end date first, as paragraph 6 requires of
    // an extension: a change of each consent record, kept in its history like the API keeps it.
    await renewConsents(client, requestId, extended.id, addDays(extended.end_date, 365), staff);
    await revision(client, requestId, {
      project: extended,
      kind: 'extension',
      justification:
        'Seasonal floods closed the project sites for five months; the remaining activities need the same time again, at no cost to the Fund.',
      proposedEndDate: addDays(extended.end_date, 182),
      requestedBy: staff,
      requestedDaysAgo: 40,
      decision: {
        status: 'approved',
        by: admin,
        comment: 'Every consent remains valid through the new end date; the workplan is credible.',
        daysAgo: 33,
      },
    });
  }
  const raise = (project: ActiveProject, percent: bigint) => {
    const cents = BigInt(project.approved_budget.replace('.', ''));
    const raised = cents + (cents * percent) / 100n;
    return `${raised / 100n}.${String(raised % 100n).padStart(2, '0')}`;
  };
  if (others[0]) {
    await revision(client, requestId, {
      project: others[0],
      kind: 'budget',
      justification:
        'A second drought season doubled the households needing cash-for-work; the implementing partners ask for a raise of one tenth.',
      proposedBudget: raise(others[0], 10n),
      requestedBy: staff,
      requestedDaysAgo: 3,
    });
  }
  if (others[1]) {
    await revision(client, requestId, {
      project: others[1],
      kind: 'budget',
      justification:
        'Fuel prices rose; the partners ask for a quarter more to keep the mobile clinics running.',
      proposedBudget: raise(others[1], 25n),
      requestedBy: staff,
      requestedDaysAgo: 60,
      decision: {
        status: 'rejected',
        by: admin,
        comment: 'Reallocate within the approved budget first: the training line is under-spent.',
        daysAgo: 52,
      },
    });
  }

  const { rows: closed } = await client.query<{ id: string; country: string }>(
    `SELECT p.id, (SELECT min(pc.country_iso3) FROM project_countries pc WHERE pc.project_id = p.id) AS country
     FROM projects p WHERE p.illustrative AND p.stage = 'closed' ORDER BY p.code LIMIT 2`,
  );
  const lessons = [
    {
      title: 'Community committees kept early warning running when the equipment failed',
      what_happened:
        'When the district radio relay broke down in the second year, the village committees passed drought and flood alerts on by telephone trees and market-day announcements.',
      what_learned:
        'Early warning owned by the communities themselves outlasts the equipment it was designed around: budget for their training and meetings, not only for the hardware.',
      principles: ['people_centred', 'prevention_oriented'],
      dimensions: ['environmental', 'community'],
      themes: ['early warning', 'local ownership'],
      public: true,
    },
    {
      title: 'Joint procurement across agencies took longer than planned',
      what_happened:
        'Three agencies agreed to buy seed and tools together; aligning their rules delayed the first distribution by a season.',
      what_learned:
        'Agree on one agency’s procurement rules in the inception phase, and plan the first distribution after that agreement, not before.',
      principles: ['comprehensive'],
      dimensions: ['food', 'economic'],
      themes: ['procurement', 'multi-agency'],
      public: false,
    },
  ];
  for (const [index, lesson] of lessons.entries()) {
    const project = closed[index] ?? closed[0];
    if (!project) break;
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO lessons (project_id, title, what_happened, what_learned, principles, dimensions, countries, themes,
                            public, written_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        project.id,
        lesson.title,
        lesson.what_happened,
        lesson.what_learned,
        lesson.principles,
        lesson.dimensions,
        project.country ? [project.country] : [],
        lesson.themes,
        lesson.public,
        staff,
      ],
    );
    const id = rows[0]!.id;
    const created = (
      await client.query<Record<string, unknown>>(
        `SELECT l.id, l.project_id AS "projectId", l.title, l.what_happened AS "whatHappened",
                l.what_learned AS "whatLearned", l.principles, l.dimensions, l.countries, l.themes, l.public
         FROM lessons l WHERE l.id = $1`,
        [id],
      )
    ).rows[0];
    await audit(client, requestId, 'create', 'lesson', id, null, created, staff);
  }
}
