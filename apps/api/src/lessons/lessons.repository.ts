import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { HumanSecurityDimension, PrincipleId, Stage } from '@hstf/domain';
import { decodeCursor } from '../common/pagination/pagination';
import { preparedQuery } from '../database/prepared-query';
import type { CreateLessonRequest, LessonDto, LessonQuery, UpdateLessonRequest } from './lessons.dto';

export interface LessonRow {
  id: string;
  project_id: string;
  project_code: string;
  project_title: string;
  report_id: string | null;
  title: string;
  what_happened: string;
  what_learned: string;
  principles: PrincipleId[];
  dimensions: HumanSecurityDimension[];
  countries: string[];
  themes: string[];
  public: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  /** The list's keyset, at the database's microsecond precision. */
  created_key: string;
}

export interface LessonProjectRow {
  id: string;
  stage: Stage;
  countries: string[];
}

const SELECT = `
  SELECT l.id, l.project_id, p.code AS project_code, p.title AS project_title, l.report_id, l.title,
         l.what_happened, l.what_learned, l.principles, l.dimensions, l.countries, l.themes, l.public,
         l.version, l.created_at, l.updated_at, p.deleted_at,
         to_char(l.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key
  FROM lessons l JOIN projects p ON p.id = l.project_id`;

/** Request fields → columns; absent fields are left as they are. */
export function lessonColumns(request: CreateLessonRequest | UpdateLessonRequest): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  const put = (column: string, value: unknown) => {
    if (value !== undefined) set[column] = value;
  };
  put('title', request.title);
  put('what_happened', request.whatHappened);
  put('what_learned', request.whatLearned);
  put('principles', request.principles);
  put('dimensions', request.dimensions);
  put('countries', request.countries);
  put('themes', request.themes);
  put('public', request.public);
  return set;
}

/** The SQL of lessons learned, and the project facts their rules read; LessonsService decides. */
@Injectable()
export class LessonsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One more row than `limit`, newest first; `publicOnly` for donors. */
  list(query: LessonQuery, limit: number, publicOnly: boolean): Promise<LessonRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = ['p.deleted_at IS NULL'];
    if (publicOnly) where.push('l.public');
    if (query.q?.trim()) where.push(`l.search @@ websearch_to_tsquery('english', ${param(query.q.trim())})`);
    if (query.projectId) where.push(`l.project_id = ${param(query.projectId)}`);
    if (query.principle) where.push(`l.principles @> ARRAY[${param(query.principle)}]::text[]`);
    if (query.dimension) where.push(`l.dimensions @> ARRAY[${param(query.dimension)}]::text[]`);
    if (query.country) where.push(`l.countries @> ARRAY[${param(query.country)}]::text[]`);
    if (query.theme?.trim()) {
      where.push(
        `EXISTS (SELECT 1 FROM unnest(l.themes) AS t WHERE lower(t) = lower(${param(query.theme.trim())}))`,
      );
    }
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor) {
      where.push(`(l.created_at, l.id) < (${param(cursor[0])}::timestamptz, ${param(cursor[1])}::uuid)`);
    }
    return preparedQuery<LessonRow>(
      this.dataSource,
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY l.created_at DESC, l.id DESC LIMIT ${param(limit + 1)}`,
      params,
    );
  }

  async find(source: EntityManager | DataSource, id: string): Promise<LessonRow | undefined> {
    const [row] = await preparedQuery<LessonRow>(source, `${SELECT} WHERE l.id = $1`, [id]);
    return row;
  }

  /** The live project with its recipient countries; undefined when missing or deleted. */
  async project(manager: EntityManager, projectId: string): Promise<LessonProjectRow | undefined> {
    const [row] = await preparedQuery<LessonProjectRow>(
      manager,
      `SELECT p.id, p.stage,
              ARRAY(SELECT pc.country_iso3 FROM project_countries pc WHERE pc.project_id = p.id
                    ORDER BY pc.country_iso3) AS countries
       FROM projects p WHERE p.id = $1 AND p.deleted_at IS NULL`,
      [projectId],
    );
    return row;
  }

  async insert(
    manager: EntityManager,
    values: {
      projectId: string;
      reportId: string | null;
      writtenBy: string | null;
      columns: Record<string, unknown>;
    },
  ): Promise<string> {
    const columns = {
      project_id: values.projectId,
      report_id: values.reportId,
      written_by: values.writtenBy,
      ...values.columns,
    };
    const names = Object.keys(columns);
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO lessons (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      names.map((n) => columns[n as keyof typeof columns]),
    );
    return row!.id;
  }
}

export function toLessonDto(row: LessonRow): LessonDto {
  return {
    id: row.id,
    projectId: row.project_id,
    projectCode: row.project_code,
    projectTitle: row.project_title,
    reportId: row.report_id,
    title: row.title,
    whatHappened: row.what_happened,
    whatLearned: row.what_learned,
    principles: row.principles,
    dimensions: row.dimensions,
    countries: row.countries,
    themes: row.themes,
    public: row.public,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
