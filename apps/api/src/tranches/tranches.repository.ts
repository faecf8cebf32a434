import type { ReportStatus, Stage } from '@hstf/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { readDatedPage, type DatedListing } from '../common/pagination/dated-page';

export interface TrancheRow {
  id: string;
  project_id: string;
  project_code: string;
  organization_id: string;
  organization_name: string;
  planned_on: string;
  amount_usd: string;
  condition: string;
  requires_report_id: string | null;
  report_kind: 'progress' | 'final_narrative' | 'final_financial' | null;
  report_sequence: number | null;
  report_status: ReportStatus | null;
  released_by: string | null;
  released_on: string | null;
  released_amount: string | null;
  has_transfers: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface TrancheProjectRow {
  id: string;
  code: string;
  stage: Stage;
  approved_budget: string | null;
}

/**
 * A tranche is released by the transfer that names it, as long as that transfer is not reversed; a
 * reversed one leaves the tranche planned again (and keeps it in the record).
 */
const SELECT = `
  SELECT pt.id, pt.project_id, p.code AS project_code, pt.organization_id, o.name AS organization_name,
         to_char(pt.planned_on, 'YYYY-MM-DD') AS planned_on, pt.amount_usd::text, pt.condition,
         pt.requires_report_id, r.kind AS report_kind, r.sequence AS report_sequence, r.status AS report_status,
         rel.id AS released_by, to_char(rel.transferred_on, 'YYYY-MM-DD') AS released_on,
         rel.amount_usd::text AS released_amount,
         EXISTS (SELECT 1 FROM transfers x WHERE x.planned_tranche_id = pt.id) AS has_transfers,
         pt.version, pt.created_at, pt.updated_at
  FROM planned_tranches pt
  JOIN projects p ON p.id = pt.project_id
  JOIN organizations o ON o.id = pt.organization_id
  LEFT JOIN reports r ON r.id = pt.requires_report_id
  LEFT JOIN LATERAL (
    SELECT t.id, t.transferred_on, t.amount_usd FROM transfers t
    WHERE t.planned_tranche_id = pt.id AND NOT EXISTS (SELECT 1 FROM transfers v WHERE v.reverses_id = t.id)
    ORDER BY t.transferred_on, t.id LIMIT 1
  ) rel ON true`;

const BY_PLANNED_DATE: DatedListing = {
  select: SELECT,
  parent: 'pt.project_id',
  date: 'pt.planned_on',
  id: 'pt.id',
};

/** The SQL of the tranche schedule: one method per statement, in the caller's transaction. */
@Injectable()
export class TranchesRepository {
  async find(manager: EntityManager, id: string): Promise<TrancheRow | undefined> {
    const [row] = await manager.query<TrancheRow[]>(`${SELECT} WHERE pt.id = $1 AND p.deleted_at IS NULL`, [
      id,
    ]);
    return row;
  }

  /** A project's tranches by planned date (keyset: planned date, id). */
  list(
    manager: EntityManager,
    projectId: string,
    cursor: string | undefined,
    limit: number,
  ): Promise<TrancheRow[]> {
    return readDatedPage<TrancheRow>(manager, BY_PLANNED_DATE, projectId, cursor, limit);
  }

  /** The project, locked: plans and transfers of one project are decided one after the other. */
  async lockProject(manager: EntityManager, projectId: string): Promise<TrancheProjectRow | undefined> {
    const [row] = await manager.query<TrancheProjectRow[]>(
      `SELECT id, code, stage, approved_budget::text FROM projects WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
      [projectId],
    );
    return row;
  }

  async projectExists(manager: EntityManager, projectId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM projects WHERE id = $1 AND deleted_at IS NULL`,
      [projectId],
    );
    return rows.length > 0;
  }

  async projectOf(manager: EntityManager, id: string): Promise<string | undefined> {
    const [row] = await manager.query<{ project_id: string }[]>(
      `SELECT project_id FROM planned_tranches WHERE id = $1`,
      [id],
    );
    return row?.project_id;
  }

  shares(
    manager: EntityManager,
    projectId: string,
  ): Promise<{ organization_id: string; budget_share: string }[]> {
    return manager.query(
      `SELECT organization_id, budget_share::text FROM project_organizations WHERE project_id = $1
       ORDER BY organization_id`,
      [projectId],
    );
  }

  /** The project's planned tranches but one, for its organization's planned total. */
  others(
    manager: EntityManager,
    projectId: string,
    exceptId: string | null,
  ): Promise<{ organization_id: string; amount_usd: string }[]> {
    return manager.query(
      `SELECT organization_id, amount_usd::text FROM planned_tranches
       WHERE project_id = $1 AND id IS DISTINCT FROM $2::uuid`,
      [projectId, exceptId],
    );
  }

  async insert(
    manager: EntityManager,
    projectId: string,
    tranche: {
      organizationId: string;
      plannedOn: string;
      amountUsd: string;
      condition: string;
      requiresReportId: string | null;
    },
  ): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO planned_tranches (project_id, organization_id, planned_on, amount_usd, condition, requires_report_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        projectId,
        tranche.organizationId,
        tranche.plannedOn,
        tranche.amountUsd,
        tranche.condition,
        tranche.requiresReportId,
      ],
    );
    return row!.id;
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM planned_tranches WHERE id = $1`, [id]);
  }
}
