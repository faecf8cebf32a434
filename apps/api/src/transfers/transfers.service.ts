import { TRANSFER_STAGES } from '@hstf/domain';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { moneyOut } from '../common/money/money.decorators';
import { decodeCursor, limitOf, Page, toPage } from '../common/pagination/pagination';
import { Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { CreateTransferRequest, TransferDto, TransferQuery } from './transfers.dto';

interface TransferRow {
  id: string;
  project_id: string;
  project_code: string;
  organization_id: string;
  organization_name: string;
  amount_usd: string;
  transferred_on: string;
  tranche: number;
  reference: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const ENTITY = 'transfer';

/** Money leaves the Fund only for a project that reached approval and has not closed. */
/** Money leaves the Fund only for approved or active projects (libs/domain lifecycle). */
export const FUNDABLE_STAGES = TRANSFER_STAGES;

const SELECT = `
  SELECT t.id, t.project_id, p.code AS project_code, t.organization_id, o.name AS organization_name,
         t.amount_usd, to_char(t.transferred_on, 'YYYY-MM-DD') AS transferred_on, t.tranche, t.reference,
         t.version, t.created_at, t.updated_at
  FROM transfers t
  JOIN projects p ON p.id = t.project_id
  JOIN organizations o ON o.id = t.organization_id`;

@Injectable()
export class TransfersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: TransferQuery): Promise<Page<TransferDto>> {
    const limit = limitOf(query);
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
    const rows = await this.dataSource.query<TransferRow[]>(
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY t.transferred_on, t.id LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = toPage(rows, limit, (row) => [row.transferred_on, row.id]);
    return { ...page, items: page.items.map(toDto) };
  }

  async get(id: string): Promise<TransferDto> {
    const [row] = await this.dataSource.query<TransferRow[]>(`${SELECT} WHERE t.id = $1`, [id]);
    if (!row) throw Problem.notFound('The transfer');
    return toDto(row);
  }

  /**
   * The project row is locked (FOR UPDATE) before the budget is summed, so concurrent transfers
   * to one project run one after the other: the second sees the first, and both cannot pass.
   */
  async create(ctx: RequestContext, request: CreateTransferRequest): Promise<TransferDto> {
    const result = await this.dataSource.transaction(async (manager) => {
      const [project] = await manager.query<{ stage: string; code: string }[]>(
        `SELECT stage, code FROM projects WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
        [request.projectId],
      );
      if (!project) throw Problem.validation([{ field: 'projectId', message: 'is not a known project' }]);
      const participates = await manager.query<unknown[]>(
        `SELECT 1 FROM project_organizations WHERE project_id = $1 AND organization_id = $2`,
        [request.projectId, request.organizationId],
      );
      if (!participates.length) {
        throw Problem.validation([
          {
            field: 'organizationId',
            message: `is not a participating organization of project ${project.code}`,
          },
        ]);
      }
      if (!(FUNDABLE_STAGES as readonly string[]).includes(project.stage)) {
        throw new Problem(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'project-not-fundable',
          'The project cannot receive transfers',
          `Project ${project.code} is in stage ${project.stage}; transfers go only to projects that are ` +
            `${FUNDABLE_STAGES.join(', ')}.`,
          { stage: project.stage },
        );
      }
      const [budget] = await manager.query<
        { approved: string; transferred: string; remaining: string; fits: boolean; next_tranche: number }[]
      >(
        `SELECT coalesce(p.approved_budget, 0)::text AS approved, s.transferred::text,
                (coalesce(p.approved_budget, 0) - s.transferred)::text AS remaining,
                s.transferred + $2::numeric <= coalesce(p.approved_budget, 0) AS fits,
                s.next_tranche
         FROM projects p,
              LATERAL (SELECT coalesce(sum(amount_usd), 0) AS transferred, coalesce(max(tranche), 0) + 1 AS next_tranche
                       FROM transfers WHERE project_id = p.id) s
         WHERE p.id = $1`,
        [request.projectId, request.amountUsd],
      );
      if (!budget!.fits) {
        const remaining = moneyOut(budget!.remaining)!;
        throw new Problem(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'over-budget',
          'The transfer exceeds the approved budget',
          `A transfer of ${moneyOut(request.amountUsd)} would take project ${project.code} past its approved ` +
            `budget of ${moneyOut(budget!.approved)}: ${moneyOut(budget!.transferred)} is already transferred, ` +
            `${remaining} remains.`,
          {
            approvedBudget: moneyOut(budget!.approved),
            transferred: moneyOut(budget!.transferred),
            remaining,
            errors: [{ field: 'amountUsd', message: `must be at most the remaining ${remaining}` }],
          },
        );
      }
      const [inserted] = await manager.query<{ id: string }[]>(
        `INSERT INTO transfers (project_id, organization_id, amount_usd, transferred_on, tranche, reference)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          request.projectId,
          request.organizationId,
          request.amountUsd,
          request.transferredOn,
          budget!.next_tranche,
          request.reference ?? null,
        ],
      );
      const created = toDto((await findRow(manager, inserted!.id, false))!);
      await this.audit.record(manager, ctx, {
        action: 'create',
        entity: ENTITY,
        entityId: created.id,
        before: null,
        after: created,
      });
      return created;
    });
    return result;
  }

  async remove(ctx: RequestContext, id: string, expectedVersion: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await findRow(manager, id, true);
      if (!current) throw Problem.notFound('The transfer');
      if (current.version !== expectedVersion) {
        throw Problem.staleVersion(ENTITY, expectedVersion, current.version);
      }
      await manager.query(`DELETE FROM transfers WHERE id = $1`, [id]);
      await this.audit.record(manager, ctx, {
        action: 'delete',
        entity: ENTITY,
        entityId: id,
        before: toDto(current),
        after: null,
      });
    });
  }
}

async function findRow(manager: EntityManager, id: string, lock: boolean): Promise<TransferRow | undefined> {
  const [row] = await manager.query<TransferRow[]>(
    `${SELECT} WHERE t.id = $1 ${lock ? 'FOR UPDATE OF t' : ''}`,
    [id],
  );
  return row;
}

function toDto(row: TransferRow): TransferDto {
  return {
    id: row.id,
    projectId: row.project_id,
    projectCode: row.project_code,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    amountUsd: moneyOut(row.amount_usd)!,
    transferredOn: row.transferred_on,
    tranche: row.tranche,
    reference: row.reference,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
