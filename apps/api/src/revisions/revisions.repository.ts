import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { BudgetShare, RevisionKind, RevisionStatus, Stage } from '@hstf/domain';
import { decodeCursor } from '../common/pagination/pagination';
import { preparedQuery } from '../database/prepared-query';

export interface RevisionProjectRow {
  id: string;
  code: string;
  stage: Stage;
  requested_budget: string;
  approved_budget: string | null;
  start_date: string | null;
  end_date: string | null;
  last_transfer_on: string | null;
  last_accepted_period_end: string | null;
}

interface ShareJson {
  organizationId: string;
  organizationName: string;
  budgetShare: string;
}

export interface RevisionRow {
  id: string;
  project_id: string;
  kind: RevisionKind;
  status: RevisionStatus;
  justification: string;
  previous_approved_budget: string | null;
  proposed_approved_budget: string | null;
  previous_shares: ShareJson[] | null;
  proposed_shares: ShareJson[] | null;
  previous_end_date: string | null;
  proposed_end_date: string | null;
  requested_by: string;
  requested_by_name: string;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  decision_comment: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  /** The list's keyset, at the database's microsecond precision. */
  created_key: string;
}

/** A stored split, with each organization's name, in the order of the names. */
const sharesJson = (column: string) => `(
  SELECT json_agg(json_build_object('organizationId', s.organization_id, 'organizationName', o.name,
                                    'budgetShare', to_char(s.budget_share, 'FM9999999999999990.00'))
                  ORDER BY o.name, s.organization_id)
  FROM jsonb_to_recordset(${column}) AS s(organization_id uuid, budget_share numeric)
  JOIN organizations o ON o.id = s.organization_id)`;

const SELECT = `
  SELECT r.id, r.project_id, r.kind, r.status, r.justification,
         r.previous_approved_budget::text, r.proposed_approved_budget::text,
         ${sharesJson('r.previous_shares')} AS previous_shares,
         ${sharesJson('r.proposed_shares')} AS proposed_shares,
         r.previous_end_date::text, r.proposed_end_date::text,
         r.requested_by, ru.name AS requested_by_name, r.decided_by, du.name AS decided_by_name,
         r.decided_at, r.decision_comment, r.version, r.created_at, r.updated_at,
         to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key
  FROM project_revisions r
  JOIN users ru ON ru.id = r.requested_by
  LEFT JOIN users du ON du.id = r.decided_by`;

/** The SQL of revision and extension requests, and of what a decision changes on the project. */
@Injectable()
export class RevisionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async projectExists(projectId: string): Promise<boolean> {
    const rows = await preparedQuery(
      this.dataSource,
      `SELECT 1 FROM projects WHERE id = $1 AND deleted_at IS NULL`,
      [projectId],
    );
    return rows.length > 0;
  }

  /** The live project, locked until the transaction ends; undefined when missing or deleted. */
  async lockProject(manager: EntityManager, projectId: string): Promise<RevisionProjectRow | undefined> {
    const [row] = await preparedQuery<RevisionProjectRow>(
      manager,
      `SELECT p.id, p.code, p.stage, p.requested_budget::text, p.approved_budget::text, p.start_date::text,
              p.end_date::text,
              (SELECT max(t.transferred_on)::text FROM transfers t
                WHERE t.project_id = p.id AND t.kind = 'transfer') AS last_transfer_on,
              (SELECT max(r.period_end)::text FROM reports r
                WHERE r.project_id = p.id AND r.status = 'accepted') AS last_accepted_period_end
       FROM projects p WHERE p.id = $1 AND p.deleted_at IS NULL FOR UPDATE OF p`,
      [projectId],
    );
    return row;
  }

  async shares(manager: EntityManager, projectId: string): Promise<BudgetShare[]> {
    const rows = await preparedQuery<{ organization_id: string; budget_share: string }>(
      manager,
      `SELECT organization_id, budget_share::text FROM project_organizations WHERE project_id = $1
       ORDER BY organization_id`,
      [projectId],
    );
    return rows.map((r) => ({ organizationId: r.organization_id, budgetShare: r.budget_share }));
  }

  async insert(
    manager: EntityManager,
    values: {
      projectId: string;
      kind: RevisionKind;
      justification: string;
      previousApprovedBudget: string | null;
      proposedApprovedBudget: string | null;
      previousShares: BudgetShare[] | null;
      proposedShares: BudgetShare[] | null;
      previousEndDate: string | null;
      proposedEndDate: string | null;
      requestedBy: string;
    },
  ): Promise<string> {
    const shares = (list: BudgetShare[] | null) =>
      list &&
      JSON.stringify(list.map((s) => ({ organization_id: s.organizationId, budget_share: s.budgetShare })));
    const [row] = await preparedQuery<{ id: string }>(
      manager,
      `INSERT INTO project_revisions (project_id, kind, justification, previous_approved_budget,
         proposed_approved_budget, previous_shares, proposed_shares, previous_end_date, proposed_end_date,
         requested_by)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10) RETURNING id`,
      [
        values.projectId,
        values.kind,
        values.justification,
        values.previousApprovedBudget,
        values.proposedApprovedBudget,
        shares(values.previousShares),
        shares(values.proposedShares),
        values.previousEndDate,
        values.proposedEndDate,
        values.requestedBy,
      ],
    );
    return row!.id;
  }

  async find(
    source: EntityManager | DataSource,
    projectId: string,
    id: string,
  ): Promise<RevisionRow | undefined> {
    const [row] = await preparedQuery<RevisionRow>(
      source,
      `${SELECT} WHERE r.id = $1 AND r.project_id = $2`,
      [id, projectId],
    );
    return row;
  }

  /** Newest first; one more row than `limit`, for the next page's cursor. */
  list(projectId: string, cursor: string | undefined, limit: number): Promise<RevisionRow[]> {
    const after = decodeCursor(cursor, 2);
    return preparedQuery<RevisionRow>(
      this.dataSource,
      `${SELECT}
       WHERE r.project_id = $1
         AND ($2::timestamptz IS NULL OR (r.created_at, r.id) < ($2::timestamptz, $3::uuid))
       ORDER BY r.created_at DESC, r.id DESC LIMIT $4`,
      [projectId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
  }

  /** The decision on the request; the caller holds its row lock and checked its version. */
  async decide(
    manager: EntityManager,
    id: string,
    decision: { status: RevisionStatus; decidedBy: string; comment: string },
  ): Promise<void> {
    await preparedQuery(
      manager,
      `UPDATE project_revisions SET status = $2, decided_by = $3, decided_at = now(), decision_comment = $4,
         version = version + 1
       WHERE id = $1`,
      [id, decision.status, decision.decidedBy, decision.comment],
    );
  }

  /** An approved budget revision: the project's approved budget and split become the ones asked for. */
  async applyBudget(
    manager: EntityManager,
    projectId: string,
    approvedBudget: string,
    shares: readonly BudgetShare[],
  ): Promise<void> {
    await preparedQuery(
      manager,
      `UPDATE project_organizations po SET budget_share = s.budget_share
       FROM jsonb_to_recordset($2::jsonb) AS s(organization_id uuid, budget_share numeric)
       WHERE po.project_id = $1 AND po.organization_id = s.organization_id
         AND po.budget_share IS DISTINCT FROM s.budget_share`,
      [
        projectId,
        JSON.stringify(
          shares.map((s) => ({ organization_id: s.organizationId, budget_share: s.budgetShare })),
        ),
      ],
    );
    await preparedQuery(
      manager,
      `UPDATE projects SET approved_budget = $2, version = version + 1 WHERE id = $1`,
      [projectId, approvedBudget],
    );
  }

  /** An approved extension: the project's end date becomes the one asked for. */
  async applyEndDate(manager: EntityManager, projectId: string, endDate: string): Promise<void> {
    await preparedQuery(manager, `UPDATE projects SET end_date = $2, version = version + 1 WHERE id = $1`, [
      projectId,
      endDate,
    ]);
  }
}
