import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor } from '../common/pagination/pagination';
import { dateOnly } from '../common/validation/calendar-date';
import { preparedQuery } from '../database/prepared-query';
import type {
  CreateNationalStrategyRequest,
  NationalStrategyDto,
  NationalStrategyQuery,
} from './strategies.dto';

export interface NationalStrategyRow {
  id: string;
  country_iso3: string;
  title: string;
  period_from: Date | string;
  period_to: Date | string;
  priority_areas: string[];
  reference: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** The SQL of national strategies and their mapping to the API's shape; StrategiesService decides. */
@Injectable()
export class StrategiesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One more row than `limit`, for the next page's cursor. */
  list(query: NationalStrategyQuery, limit: number): Promise<NationalStrategyRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (query.country) where.push(`country_iso3 = ${param(query.country)}`);
    if (query.q) where.push(`title ILIKE ${param(`%${query.q.replace(/[\\%_]/g, '\\$&')}%`)}`);
    if (query.coversDate) {
      const date = param(query.coversDate);
      where.push(`period_from <= ${date}::date AND period_to >= ${date}::date`);
    }
    // The order of ix_national_strategies_country, so a deep page costs what the first does.
    const cursor = decodeCursor(query.cursor, 3);
    if (cursor) {
      where.push(
        `(country_iso3, period_from, id) > (${param(cursor[0])}, ${param(cursor[1])}::date, ${param(cursor[2])}::uuid)`,
      );
    }
    return preparedQuery<NationalStrategyRow>(
      this.dataSource,
      `SELECT * FROM national_strategies ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY country_iso3, period_from, id LIMIT ${param(limit + 1)}`,
      params,
    );
  }

  async get(id: string): Promise<NationalStrategyRow | undefined> {
    const [row] = await preparedQuery<NationalStrategyRow>(
      this.dataSource,
      `SELECT * FROM national_strategies WHERE id = $1`,
      [id],
    );
    return row;
  }

  async insert(manager: EntityManager, request: CreateNationalStrategyRequest): Promise<NationalStrategyRow> {
    const [row] = await preparedQuery<NationalStrategyRow>(
      manager,
      `INSERT INTO national_strategies (country_iso3, title, period_from, period_to, priority_areas, reference)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [
        request.countryIso3,
        request.title,
        request.periodFrom,
        request.periodTo,
        request.priorityAreas ?? [],
        request.reference ?? null,
      ],
    );
    return row!;
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await preparedQuery(manager, `DELETE FROM national_strategies WHERE id = $1`, [id]);
  }

  /** How many project alignments refer to the strategy. */
  async alignmentCount(manager: EntityManager, id: string): Promise<number> {
    const [usage] = await preparedQuery<{ n: number }>(
      manager,
      `SELECT count(*)::int AS n FROM alignments WHERE strategy_id = $1`,
      [id],
    );
    return usage?.n ?? 0;
  }

  /** The priority areas the strategy's alignments refer to (null: an alignment to none in particular). */
  async alignedPriorityAreas(manager: EntityManager, id: string): Promise<(string | null)[]> {
    const rows = await preparedQuery<{ priority_area: string | null }>(
      manager,
      `SELECT DISTINCT priority_area FROM alignments WHERE strategy_id = $1`,
      [id],
    );
    return rows.map((r) => r.priority_area);
  }

  async countryExists(manager: EntityManager, iso3: string): Promise<boolean> {
    const rows = await preparedQuery(manager, `SELECT iso3 FROM countries WHERE iso3 = $1`, [iso3]);
    return rows.length > 0;
  }
}

export function toStrategyDto(row: NationalStrategyRow): NationalStrategyDto {
  return {
    id: row.id,
    countryIso3: row.country_iso3,
    title: row.title,
    periodFrom: dateOnly(row.period_from)!,
    periodTo: dateOnly(row.period_to)!,
    priorityAreas: row.priority_areas,
    reference: row.reference,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
