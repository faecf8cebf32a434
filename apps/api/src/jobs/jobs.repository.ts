import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, limitOf, PageQuery } from '../common/pagination/pagination';
import { preparedQuery } from '../database/prepared-query';
import { JOB_STATES } from './jobs.dto';
import { JOBS_SCHEMA } from './reference/job-queues';

/** A job as pg-boss keeps it, with what the admins' view of the queue shows. */
export interface JobRow {
  id: string;
  name: string;
  state: (typeof JOB_STATES)[number];
  retry_count: number;
  retry_limit: number;
  created_on: Date;
  started_on: Date | null;
  completed_on: Date | null;
  start_after: Date;
  output: { message?: unknown } | null;
}

const JOB_COLUMNS = `id, name, state::text AS state, retry_count, retry_limit, created_on, started_on,
  completed_on, start_after, output`;

/** The SQL of the admins' view of the queue, over pg-boss's own table; JobsService decides. */
@Injectable()
export class JobsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first, one more row than the page for its cursor; pg-boss's own housekeeping left out. */
  page(query: PageQuery & { state?: string; queue?: string }): Promise<JobRow[]> {
    const cursor = decodeCursor(query.cursor, 2);
    const params: unknown[] = [query.state ?? null, query.queue ?? null];
    let keyset = '';
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      keyset = `AND (created_on, id) < ($3::timestamptz, $4::uuid)`;
    }
    params.push(limitOf(query) + 1);
    return preparedQuery<JobRow>(
      this.dataSource,
      `SELECT ${JOB_COLUMNS}
       FROM ${JOBS_SCHEMA}.job
       WHERE ($1::text IS NULL OR state::text = $1) AND ($2::text IS NULL OR name = $2)
         AND name NOT LIKE '\\_\\_pgboss\\_\\_%' ${keyset}
       ORDER BY created_on DESC, id DESC
       LIMIT $${params.length}`,
      params,
    );
  }

  /** The job, locked for the caller's transaction; null when there is none. */
  async locked(manager: EntityManager, id: string): Promise<JobRow | null> {
    const [row] = await preparedQuery<JobRow>(
      manager,
      `SELECT ${JOB_COLUMNS} FROM ${JOBS_SCHEMA}.job WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }
}
