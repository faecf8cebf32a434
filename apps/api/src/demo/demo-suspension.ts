import { addDays } from '@hstf/domain';
import type { Client } from 'pg';

const WITHDRAWAL_REASON =
  'The Government asked to halt activities while the security situation in the project districts is reviewed.';
const SUSPENSION_REASON =
  'Paragraph 6 no longer holds: the recipient State withdrew its consent. No transfer until it is granted again.';
const SUSPENSION_NOTE =
  'Suspended by the Human Security Unit; the participating organizations were informed.';

/** A consent record as the API answers it (a ConsentDto), for its history and its audit entry. */
const CONSENT_DTO = `jsonb_build_object(
  'id', c.id, 'countryIso3', c.country_iso3, 'status', c.status, 'requestedOn', c.requested_on,
  'grantedOn', c.granted_on, 'validUntil', c.valid_until, 'projectId', c.project_id,
  'withdrawnOn', c.withdrawn_on, 'withdrawalReason', c.withdrawal_reason,
  'issuingOffice', c.issuing_office, 'signatory', c.signatory, 'documentReference', c.document_reference,
  'scope', c.scope, 'version', c.version,
  'createdAt', to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'updatedAt', to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;

/**
 * A suspended project for the demo, written as staff would leave it through the API: an active
 * single-country project whose consent the Government withdrew, then suspended with its reason.
 * Runs after the history, so the withdrawal and the suspension are the newest events of its timeline.
 * The other active project with a withdrawn consent stays active, so the dashboard still shows an
 * alert proposing its suspension.
 */
export async function writeDemoSuspension(client: Client, requestId: string): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  const { rows: staff } = await client.query<{ id: string; email: string }>(
    `SELECT id, email FROM users WHERE role = 'staff' ORDER BY created_at, email LIMIT 1`,
  );
  const actor = staff[0] ?? { id: null, email: null };
  const { rows: candidates } = await client.query<{
    id: string;
    version: number;
    consent_id: string;
    last_decision: string;
    granted_on: string;
  }>(
    `SELECT p.id, p.version, c.id AS consent_id, c.granted_on::text,
            (SELECT max(t.decided_on)::text FROM project_transitions t WHERE t.project_id = p.id) AS last_decision
     FROM projects p JOIN consent_records c ON c.project_id = p.id AND c.status = 'granted'
     WHERE p.illustrative AND p.stage = 'active'
       AND (SELECT count(*) FROM project_countries pc WHERE pc.project_id = p.id) = 1
     ORDER BY p.code LIMIT 1`,
  );
  const project = candidates[0];
  if (!project) return;
  const after = (date: string | null, days: number) => {
    const day = date ? addDays(date, days) : today;
    return day < today ? day : today;
  };
  const withdrawnOn = [
    after(project.last_decision, 1),
    after(project.granted_on, 1),
    addDays(today, -40),
  ].sort()[2]!;
  const suspendedOn = after(withdrawnOn, 5);

  const { rows: consents } = await client.query<{ before: unknown; after: unknown }>(
    `WITH old AS (SELECT ${CONSENT_DTO} AS record FROM consent_records c WHERE c.id = $1),
          changed AS (
            UPDATE consent_records SET status = 'withdrawn', withdrawn_on = $2, withdrawal_reason = $3,
                   version = version + 1
            WHERE id = $1 RETURNING *)
     SELECT (SELECT record FROM old) AS before, ${CONSENT_DTO} AS after FROM changed c`,
    [project.consent_id, withdrawnOn, WITHDRAWAL_REASON],
  );
  const consent = consents[0]!;
  await client.query(
    `INSERT INTO consent_events (consent_id, actor_id, status, record) VALUES ($1, $2, 'withdrawn', $3::jsonb)`,
    [project.consent_id, actor.id, JSON.stringify(consent.after)],
  );
  await client.query(
    `INSERT INTO audit_entries (actor_id, actor_email, action, entity, entity_id, before, after, request_id)
     VALUES ($1, $2, 'update', 'consent_record', $3, $4::jsonb, $5::jsonb, $6)`,
    [
      actor.id,
      actor.email,
      project.consent_id,
      JSON.stringify(consent.before),
      JSON.stringify(consent.after),
      requestId,
    ],
  );

  await client.query(`UPDATE projects SET stage = 'suspended', version = version + 1 WHERE id = $1`, [
    project.id,
  ]);
  const evidence = { gate: 'suspension', reason: SUSPENSION_REASON, illustrative: true };
  const { rows: transitions } = await client.query<{ transition: Record<string, unknown> }>(
    `WITH inserted AS (
       INSERT INTO project_transitions (project_id, from_stage, to_stage, note, decided_on, actor_id, evidence)
       VALUES ($1, 'active', 'suspended', $2, $3, $4, $5::jsonb) RETURNING *)
     SELECT jsonb_build_object(
       'id', i.id, 'projectId', i.project_id, 'from', i.from_stage, 'to', i.to_stage,
       'decidedOn', i.decided_on::text,
       'occurredAt', to_char(i.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
       'note', i.note, 'actorId', i.actor_id, 'actorName', (SELECT name FROM users WHERE id = i.actor_id),
       'evidence', i.evidence) AS transition
     FROM inserted i`,
    [project.id, SUSPENSION_NOTE, suspendedOn, actor.id, JSON.stringify(evidence)],
  );
  await client.query(
    `INSERT INTO audit_entries (actor_id, actor_email, action, entity, entity_id, before, after, request_id)
     VALUES ($1, $2, 'transition', 'project', $3, $4::jsonb, $5::jsonb, $6)`,
    [
      actor.id,
      actor.email,
      project.id,
      JSON.stringify({ stage: 'active', version: project.version }),
      JSON.stringify({
        stage: 'suspended',
        version: project.version + 1,
        transition: transitions[0]!.transition,
      }),
      requestId,
    ],
  );
}
