import { addDays, isTransitionAllowed } from '@hstf/domain';
import type { Stage } from '@hstf/domain';
import type { Client } from 'pg';

/**
 * The decisions that brought each demo project to its stage (concept note → full proposal → under
 * review → approved → active → …), dated around its start: written after the portfolio, in the same
 * transaction, so the dashboard's history of every demo project reads like a real one.
 */

/** The stages a project went through after its concept note, to reach each stage. */
const PATHS: Record<Stage, Stage[]> = {
  concept_note: [],
  full_proposal: ['full_proposal'],
  under_review: ['full_proposal', 'under_review'],
  revision_requested: ['full_proposal', 'under_review', 'revision_requested'],
  approved: ['full_proposal', 'under_review', 'approved'],
  active: ['full_proposal', 'under_review', 'approved', 'active'],
  suspended: ['full_proposal', 'under_review', 'approved', 'active', 'suspended'],
  completed: ['full_proposal', 'under_review', 'approved', 'active', 'completed'],
  closed: ['full_proposal', 'under_review', 'approved', 'active', 'completed', 'closed'],
  rejected: ['full_proposal', 'under_review', 'rejected'],
  withdrawn: ['full_proposal', 'withdrawn'],
};

const NOTES: Record<Stage, string> = {
  concept_note: '',
  full_proposal: 'Concept note endorsed by the Human Security Unit; a full proposal is invited.',
  under_review: 'Full proposal complete; sent to the review panel.',
  revision_requested:
    'The panel asks for a stronger prevention strategy and a clearer count of the people reached.',
  approved: 'Approved: consent and alignment hold in every recipient country and the assessment passes.',
  active: 'First tranche transferred; implementation has started.',
  suspended: 'Suspended: paragraph 6 no longer holds in a recipient country.',
  completed: 'Activities completed; final narrative and financial reports received.',
  closed: 'Financially closed after the final reports were accepted.',
  rejected: 'Rejected: the consent of the recipient State was refused.',
  withdrawn: 'Withdrawn by the lead organization before review.',
};

interface ProjectRow {
  id: string;
  stage: Stage;
  start_date: string;
  end_date: string;
  approved_budget: string | null;
  first_transfer: string | null;
}

/** When each decision was taken, from the project's dates. */
function decidedOn(to: Stage, project: ProjectRow): string {
  const start = project.start_date;
  switch (to) {
    case 'full_proposal':
      return addDays(start, -240);
    case 'under_review':
      return addDays(start, -150);
    case 'withdrawn':
      return addDays(start, -120);
    case 'revision_requested':
    case 'rejected':
      return addDays(start, -90);
    case 'approved':
      return addDays(start, -45);
    case 'active':
      return project.first_transfer ?? start;
    case 'suspended':
      return addDays(project.first_transfer ?? start, 90);
    case 'completed':
      return project.end_date;
    case 'closed':
      return addDays(project.end_date, 180);
    case 'concept_note':
      return start;
  }
}

export async function writeDemoHistory(client: Client, requestId: string): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  const { rows: staff } = await client.query<{ id: string }>(
    `SELECT id FROM users WHERE role = 'staff' ORDER BY created_at, email LIMIT 1`,
  );
  const { rows: projects } = await client.query<ProjectRow>(
    `SELECT p.id, p.stage, p.start_date::text, p.end_date::text, p.approved_budget::text,
            (SELECT min(transferred_on)::text FROM transfers t WHERE t.project_id = p.id) AS first_transfer
     FROM projects p WHERE p.illustrative AND p.start_date IS NOT NULL AND p.end_date IS NOT NULL
     ORDER BY p.code`,
  );
  const rows = projects.flatMap((project) => {
    let from: Stage = 'concept_note';
    let previous = '0001-01-01';
    return PATHS[project.stage].map((to, step) => {
      if (!isTransitionAllowed(from, to))
        throw new Error(`demo history: ${from} → ${to} is not a transition`);
      // In order, and never after today: a proposal starting next year was not decided on yet.
      const date = [decidedOn(to, project), today].sort()[0]!;
      const on = date < previous ? previous : date;
      previous = on;
      const evidence: Record<string, unknown> = { gate: null, illustrative: true };
      if (to === 'under_review') evidence.gate = 'proposal';
      if (to === 'approved')
        Object.assign(evidence, { gate: 'approval', approvedBudget: project.approved_budget });
      if (to === 'active')
        Object.assign(evidence, { gate: 'activation', firstTransferOn: project.first_transfer });
      if (to === 'suspended') Object.assign(evidence, { gate: 'suspension', reason: NOTES[to] });
      const row = {
        project: project.id,
        from_stage: from,
        to_stage: to,
        note: NOTES[to],
        decided_on: on,
        actor: staff[0]?.id ?? null,
        evidence,
        occurred_at: `${on}T10:${String(step).padStart(2, '0')}:00Z`,
      };
      from = to;
      return row;
    });
  });
  if (!rows.length) return;
  await client.query(
    `WITH inserted AS (
       INSERT INTO project_transitions (project_id, from_stage, to_stage, note, decided_on, actor_id, evidence, occurred_at)
       SELECT r.project, r.from_stage, r.to_stage, r.note, r.decided_on, r.actor, r.evidence, r.occurred_at
       FROM jsonb_to_recordset($1::jsonb) AS r(project uuid, from_stage text, to_stage text, note text,
         decided_on date, actor uuid, evidence jsonb, occurred_at timestamptz)
       RETURNING *)
     INSERT INTO audit_entries (action, entity, entity_id, after, request_id)
     SELECT 'create', 'project_transition', i.id::text, to_jsonb(i), $2 FROM inserted i`,
    [JSON.stringify(rows), requestId],
  );
}
