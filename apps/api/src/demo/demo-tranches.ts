import type { Client } from 'pg';
import { centsToMoney, organizationCaps, toCents } from '@hstf/domain';

interface ActiveProject {
  id: string;
  code: string;
  approved_budget: string;
}

function iso(value: Date): string {
  return value.toISOString().slice(0, 10);
}

function daysFrom(day: string, days: number): string {
  return iso(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));
}

/** A part of an amount, to the cent, rounded down. */
function part(amount: string, percent: bigint): string {
  return centsToMoney((toCents(amount) * percent) / 100n);
}

async function audit(client: Client, requestId: string, entity: string, row: Record<string, unknown>) {
  await client.query(
    `INSERT INTO audit_entries (action, entity, entity_id, after, request_id) VALUES ('create', $1, $2, $3::jsonb, $4)`,
    [entity, String(row.id), JSON.stringify(row), requestId],
  );
}

/**
 * Planned tranche schedules on the first three active demo projects, each organization's plan well
 * within its share of the approved budget: on the first, a tranche released by the transfer recorded
 * against it and the next one planned; on the second, a tranche overdue; on the third, a tranche
 * waiting for the acceptance of a report. Each record has its audit entry, as any change does.
 */
export async function writeDemoTranches(client: Client, requestId: string): Promise<void> {
  const today = iso(new Date());
  const active = `stage = 'active' AND approved_budget IS NOT NULL AND deleted_at IS NULL`;
  const first = (
    await client.query<ActiveProject>(
      `SELECT id, code, approved_budget::text FROM projects WHERE ${active} ORDER BY code LIMIT 2`,
    )
  ).rows;
  // The third owes a report not yet accepted, which its tranche waits for.
  const waiting = (
    await client.query<ActiveProject>(
      `SELECT id, code, approved_budget::text FROM projects p
       WHERE ${active} AND NOT (id = ANY($1::uuid[]))
         AND EXISTS (SELECT 1 FROM reports r WHERE r.project_id = p.id AND r.status <> 'accepted')
       ORDER BY code LIMIT 1`,
      [first.map((p) => p.id)],
    )
  ).rows;
  const projects = [...first, ...waiting];

  const plan = async (
    project: ActiveProject,
    organizationId: string,
    plannedOn: string,
    amount: string,
    condition: string,
    reportId: string | null = null,
  ) => {
    const { rows } = await client.query<Record<string, unknown>>(
      `INSERT INTO planned_tranches (project_id, organization_id, planned_on, amount_usd, condition, requires_report_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id, project_id AS "projectId", organization_id AS "organizationId",
                 to_char(planned_on, 'YYYY-MM-DD') AS "plannedOn", amount_usd::text AS "amountUsd", condition,
                 requires_report_id AS "requiresReportId"`,
      [project.id, organizationId, plannedOn, amount, condition, reportId],
    );
    await audit(client, requestId, 'tranche', rows[0]!);
    return String(rows[0]!.id);
  };

  for (const [index, project] of projects.entries()) {
    const shares = (
      await client.query<{ organization_id: string; budget_share: string }>(
        `SELECT organization_id, budget_share::text FROM project_organizations WHERE project_id = $1
         ORDER BY organization_id`,
        [project.id],
      )
    ).rows;
    const caps = organizationCaps(
      project.approved_budget,
      shares.map((s) => ({ organizationId: s.organization_id, budgetShare: s.budget_share })),
    );
    const [organizationId] = Object.entries(caps)
      .filter(([, cap]) => toCents(cap) > 0n)
      .map(([id]) => id);
    if (!organizationId) continue;
    const cap = caps[organizationId]!;

    if (index === 0) {
      // What the organization was sent and still holds: a released tranche must fit beside it.
      const [sent] = (
        await client.query<{ transferred: string }>(
          `SELECT coalesce(sum(t.amount_usd) FILTER (WHERE t.kind = 'transfer'
                    AND NOT EXISTS (SELECT 1 FROM transfers r WHERE r.reverses_id = t.id)), 0)::text AS transferred
           FROM transfers t WHERE t.project_id = $1 AND t.organization_id = $2`,
          [project.id, organizationId],
        )
      ).rows;
      const left = toCents(cap) - toCents(sent!.transferred);
      const amount = centsToMoney(left < toCents(part(cap, 10n)) ? left : toCents(part(cap, 10n)));
      if (toCents(amount) > 0n) {
        const trancheId = await plan(
          project,
          organizationId,
          daysFrom(today, -25),
          amount,
          'On signature of the amended work plan by the resident coordinator',
        );
        const { rows } = await client.query<Record<string, unknown>>(
          `INSERT INTO transfers (project_id, organization_id, kind, amount_usd, transferred_on, tranche, reference,
                                  planned_tranche_id)
           VALUES ($1, $2, 'transfer', $3, $4,
                   (SELECT coalesce(max(tranche), 0) + 1 FROM transfers WHERE project_id = $1), $5, $6)
           RETURNING id, project_id AS "projectId", organization_id AS "organizationId", kind,
                     amount_usd::text AS "amountUsd", to_char(transferred_on, 'YYYY-MM-DD') AS "transferredOn",
                     tranche, reference, planned_tranche_id AS "plannedTrancheId"`,
          [project.id, organizationId, amount, daysFrom(today, -20), `${project.code}/T-PLAN-1`, trancheId],
        );
        await audit(client, requestId, 'transfer', rows[0]!);
      }
      await plan(
        project,
        organizationId,
        daysFrom(today, 120),
        part(cap, 5n),
        'On acceptance of the mid-term financial statement',
      );
    }
    if (index === 1) {
      await plan(
        project,
        organizationId,
        daysFrom(today, -30),
        part(cap, 10n),
        'On receipt of the signed agreement with the host municipality',
      );
    }
    if (index === 2) {
      const [report] = (
        await client.query<{ id: string; due_on: string }>(
          `SELECT id, to_char(due_on, 'YYYY-MM-DD') AS due_on FROM reports
           WHERE project_id = $1 AND status <> 'accepted' ORDER BY due_on LIMIT 1`,
          [project.id],
        )
      ).rows;
      await plan(
        project,
        organizationId,
        // Planned ahead, so what holds it is the report, not the date.
        report && report.due_on > today ? daysFrom(report.due_on, 30) : daysFrom(today, 60),
        part(cap, 10n),
        'On acceptance of the progress report',
        report?.id ?? null,
      );
    }
  }
}
