import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor } from '../common/pagination/pagination';
import { dateOnly } from '../common/validation/calendar-date';
import { preparedQuery } from '../database/prepared-query';
import { ASSIGNED_REVIEWER } from '../projects';
import type { AlignmentDto, AlignmentQuery } from './alignments.dto';

export interface AlignmentRow {
  id: string;
  project_id: string;
  country_iso3: string;
  strategy_id: string;
  priority_area: string | null;
  justification: string;
  version: number;
  created_at: Date;
  updated_at: Date;
  strategy_title: string;
  strategy_period_from: Date | string;
  strategy_period_to: Date | string;
}

/** An alignment's own columns, as it is written. */
export interface AlignmentColumns {
  countryIso3: string;
  strategyId: string;
  priorityArea: string | null;
  justification: string;
}

/** An alignment with the strategy it points at, which the dashboard shows beside it. */
const SELECT_ALIGNMENTS = `
  SELECT a.*, s.title AS strategy_title, s.period_from AS strategy_period_from,
         s.period_to AS strategy_period_to
  FROM alignments a JOIN national_strategies s ON s.id = a.strategy_id`;

/** The SQL of alignments and their mapping to the API's shape; AlignmentsService decides. */
@Injectable()
export class AlignmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The project's check (assertProjectInScope's) and the page in one statement: undefined means no
   * project this caller may read; otherwise one more row than `limit`, for the next page's cursor.
   */
  async listPage(
    projectId: string,
    reviewerId: string | null,
    query: AlignmentQuery,
    limit: number,
  ): Promise<AlignmentRow[] | undefined> {
    const params: unknown[] = [projectId];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (reviewerId) param(reviewerId);
    const where = ['a.project_id = p.id'];
    if (query.country) where.push(`a.country_iso3 = ${param(query.country)}`);
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor) where.push(`(a.country_iso3, a.id) > (${param(cursor[0])}, ${param(cursor[1])}::uuid)`);
    // A project row without an alignment comes back as one row of nulls: an empty page.
    const rows = await preparedQuery<AlignmentRow | { id: null }>(
      this.dataSource,
      `SELECT a.* FROM projects p
       LEFT JOIN LATERAL (${SELECT_ALIGNMENTS} WHERE ${where.join(' AND ')}
                          ORDER BY a.country_iso3, a.id LIMIT ${param(limit + 1)}) a ON true
       WHERE p.id = $1 AND p.deleted_at IS NULL ${reviewerId ? ASSIGNED_REVIEWER : ''}
       ORDER BY a.country_iso3, a.id`,
      params,
    );
    if (!rows.length) return undefined;
    return rows.filter((row): row is AlignmentRow => row.id !== null);
  }

  async get(manager: EntityManager, projectId: string, id: string): Promise<AlignmentRow | undefined> {
    const [row] = await preparedQuery<AlignmentRow>(
      manager,
      `${SELECT_ALIGNMENTS} WHERE a.id = $1 AND a.project_id = $2`,
      [id, projectId],
    );
    return row;
  }

  /** Inserts the alignment and returns its id. */
  async insert(manager: EntityManager, projectId: string, columns: AlignmentColumns): Promise<string> {
    const [row] = await preparedQuery<{ id: string }>(
      manager,
      `INSERT INTO alignments (project_id, country_iso3, strategy_id, priority_area, justification)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [projectId, columns.countryIso3, columns.strategyId, columns.priorityArea, columns.justification],
    );
    return row!.id;
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await preparedQuery(manager, `DELETE FROM alignments WHERE id = $1`, [id]);
  }

  /**
   * The strategy's country and priority areas, held FOR SHARE so they cannot change until the
   * caller's transaction ends; undefined when there is no such strategy.
   */
  async strategyForShare(
    manager: EntityManager,
    strategyId: string,
  ): Promise<{ country_iso3: string; priority_areas: string[] } | undefined> {
    const [strategy] = await preparedQuery<{ country_iso3: string; priority_areas: string[] }>(
      manager,
      `SELECT country_iso3, priority_areas FROM national_strategies WHERE id = $1 FOR SHARE`,
      [strategyId],
    );
    return strategy;
  }

  /**
   * Whether the country is a recipient of the project, and whether another alignment (than
   * `exceptId`) already aligns the project to the strategy for that country.
   */
  async facts(
    manager: EntityManager,
    projectId: string,
    countryIso3: string,
    strategyId: string,
    exceptId: string | null,
  ): Promise<{ recipient: boolean; duplicate: boolean }> {
    const [facts] = await preparedQuery<{ recipient: boolean; duplicate: boolean }>(
      manager,
      `SELECT
         EXISTS (SELECT 1 FROM project_countries WHERE project_id = $1 AND country_iso3 = $2) AS recipient,
         EXISTS (SELECT 1 FROM alignments WHERE project_id = $1 AND country_iso3 = $2 AND strategy_id = $3
                   AND id IS DISTINCT FROM $4::uuid) AS duplicate`,
      [projectId, countryIso3, strategyId, exceptId],
    );
    return facts!;
  }
}

export function toAlignmentDto(row: AlignmentRow): AlignmentDto {
  return {
    id: row.id,
    projectId: row.project_id,
    countryIso3: row.country_iso3,
    strategyId: row.strategy_id,
    strategyTitle: row.strategy_title,
    strategyPeriodFrom: dateOnly(row.strategy_period_from)!,
    strategyPeriodTo: dateOnly(row.strategy_period_to)!,
    priorityArea: row.priority_area,
    justification: row.justification,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
