import type { MoneyEntry, MoneyEntryKind, Stage } from '@hstf/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor } from '../common/pagination/pagination';
import type { TransferQuery } from './transfers.dto';

export interface TransferRow {
  id: string;
  project_id: string;
  project_code: string;
  organization_id: string;
  organization_name: string;
  kind: MoneyEntryKind;
  amount_usd: string;
  transferred_on: string;
  tranche: number | null;
  reference: string | null;
  reverses_id: string | null;
  reversed_by_id: string | null;
  reason: string | null;
  override_justification: string | null;
  requires_report_id: string | null;
  planned_tranche_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface ProjectRow {
  id: string;
  code: string;
  stage: Stage;
  approved_budget: string | null;
}

const SELECT = `
  SELECT t.id, t.project_id, p.code AS project_code, t.organization_id, o.name AS organization_name, t.kind,
         t.amount_usd, to_char(t.transferred_on, 'YYYY-MM-DD') AS transferred_on, t.tranche, t.reference,
         t.reverses_id, (SELECT r.id FROM transfers r WHERE r.reverses_id = t.id) AS reversed_by_id, t.reason,
         t.override_justification, t.requires_report_id, t.planned_tranche_id, t.version, t.created_at, t.updated_at
  FROM transfers t
  JOIN projects p ON p.id = t.project_id
  JOIN organizations o ON o.id = t.organization_id`;

/** The SQL of the Fund's money entries with organizations; TransfersService decides. */
@Injectable()
export class TransfersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Oldest first by date, filtered, one more row than `limit` for the cursor. */
  page(query: TransferQuery, limit: number): Promise<TransferRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (query.projectId) where.push(`t.project_id = ${param(query.projectId)}`);
    if (query.organizationId) where.push(`t.organization_id = ${param(query.organizationId)}`);
    if (query.year !== undefined) {
      const year = param(query.year);
      where.push(`t.transferred_on >= make_date(${year}::int, 1, 1)`);
      where.push(`t.transferred_on < make_date(${year}::int + 1, 1, 1)`);
    }
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor)
      where.push(`(t.transferred_on, t.id) > (${param(cursor[0])}::date, ${param(cursor[1])}::uuid)`);
    return this.dataSource.query<TransferRow[]>(
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY t.transferred_on, t.id LIMIT ${param(limit + 1)}`,
      params,
    );
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<TransferRow | null> {
    const [row] = await manager.query<TransferRow[]>(`${SELECT} WHERE t.id = $1`, [id]);
    return row ?? null;
  }

  async kindOf(id: string): Promise<MoneyEntryKind | null> {
    const [row] = await this.dataSource.query<{ kind: MoneyEntryKind }[]>(
      `SELECT kind FROM transfers WHERE id = $1`,
      [id],
    );
    return row?.kind ?? null;
  }

  async projectOfEntry(manager: EntityManager, id: string): Promise<string | null> {
    const [row] = await manager.query<{ project_id: string }[]>(
      `SELECT project_id FROM transfers WHERE id = $1`,
      [id],
    );
    return row?.project_id ?? null;
  }

  /** The live project, locked: entries for one project are decided one after the other. */
  async lockedProject(manager: EntityManager, projectId: string): Promise<ProjectRow | null> {
    const [project] = await manager.query<ProjectRow[]>(
      `SELECT id, code, stage, approved_budget::text FROM projects WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
      [projectId],
    );
    return project ?? null;
  }

  budgetShares(
    manager: EntityManager,
    projectId: string,
  ): Promise<{ organization_id: string; budget_share: string }[]> {
    return manager.query(
      `SELECT organization_id, budget_share::text FROM project_organizations WHERE project_id = $1
       ORDER BY organization_id`,
      [projectId],
    );
  }

  /** A transfer (numbered as the project's next tranche) or a refund; its id. */
  async insertEntry(
    manager: EntityManager,
    entry: {
      projectId: string;
      organizationId: string;
      kind: 'transfer' | 'refund';
      amountUsd: string;
      transferredOn: string;
      reference: string | null;
      overrideJustification: string | null;
      requiresReportId: string | null;
      plannedTrancheId: string | null;
    },
  ): Promise<string> {
    const [inserted] = await manager.query<{ id: string }[]>(
      `INSERT INTO transfers (project_id, organization_id, kind, amount_usd, transferred_on, tranche, reference,
                              override_justification, requires_report_id, planned_tranche_id)
       VALUES ($1, $2, $3, $4, $5,
               CASE WHEN $3 = 'transfer'
                    THEN (SELECT coalesce(max(tranche), 0) + 1 FROM transfers WHERE project_id = $1) END,
               $6, $7, $8, $9)
       RETURNING id`,
      [
        entry.projectId,
        entry.organizationId,
        entry.kind,
        entry.amountUsd,
        entry.transferredOn,
        entry.reference,
        entry.overrideJustification,
        entry.requiresReportId,
        entry.plannedTrancheId,
      ],
    );
    return inserted!.id;
  }

  /** The reversal of `entry`, for its amount, project and organization; its id. */
  async insertReversal(
    manager: EntityManager,
    entry: MoneyEntry,
    reversal: { transferredOn: string; reason: string; reference: string | null },
  ): Promise<string> {
    const [inserted] = await manager.query<{ id: string }[]>(
      `INSERT INTO transfers (project_id, organization_id, kind, amount_usd, transferred_on, reverses_id, reason,
                              reference)
       VALUES ($1, $2, 'reversal', $3, $4, $5, $6, $7) RETURNING id`,
      [
        entry.projectId,
        entry.organizationId,
        entry.amount,
        reversal.transferredOn,
        entry.id,
        reversal.reason,
        reversal.reference,
      ],
    );
    return inserted!.id;
  }
}
