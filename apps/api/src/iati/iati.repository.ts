import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PRINCIPLE_IDS } from '@hstf/domain';
import type { PrincipleId } from '@hstf/domain';
import type { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { streamRows } from '../common/export/query-stream';
import { preparedQuery } from '../database/prepared-query';
import { ReadReplicas } from '../database/read-replicas';
import { ledgerMovementsSql } from '../fund';

/** Stages a project has not reached approval in (or never will): never published. */
export const UNPUBLISHED_STAGES: readonly string[] = [
  'concept_note',
  'full_proposal',
  'under_review',
  'revision_requested',
  'rejected',
  'withdrawn',
];

/** One published project as the IATI file reads it: dates as YYYY-MM-DD, money as numeric text. */
export interface IatiActivityRow {
  code: string;
  title: string;
  summary: string;
  /** The title and summary in other languages, by language code. */
  title_translations: Record<string, string>;
  summary_translations: Record<string, string>;
  stage: string;
  illustrative: boolean;
  approved_budget: string | null;
  start_date: string | null;
  end_date: string | null;
  dimensions: string[];
  sdgs: number[];
  updated_at: string;
  approved_on: string | null;
  activated_on: string | null;
  completed_on: string | null;
  /** ISO 3166-1 alpha-2 codes, in order. */
  countries: string[];
  /** The lead organization first. */
  organizations: { id: string; name: string; kind: string; lead: boolean }[];
  /**
   * Money moved with the project's organizations, as the ledger counts it (fund/ledger.sql.ts): a
   * transfer out, a refund back, or the reversal of either (figure: the kind it counts against,
   * sign −1). A reversal of a reversal counts for nothing and is left out.
   */
  entries: {
    figure: 'transfer' | 'refund';
    sign: 1 | -1;
    amount: string;
    date: string;
    organization: string;
  }[];
  /** Per principle, the sum and count of the counted scores (submitted, no conflict declared). */
  scores: Record<PrincipleId, { sum: number; count: number }>;
}

const scoreColumns = PRINCIPLE_IDS.map(
  (p) => `'${p}', json_build_object('sum', coalesce(sum(r.score_${p}), 0), 'count', count(r.score_${p}))`,
).join(',\n              ');

/**
 * Every published project, in code order. Nothing confidential is read: no consent record, no
 * review text, no reviewer; the scores only as the panel's totals per principle.
 */
const ACTIVITIES_SQL = `
  SELECT p.code, p.title, p.summary, p.title_translations, p.summary_translations, p.stage, p.illustrative,
         p.approved_budget::text AS approved_budget,
         to_char(p.start_date, 'YYYY-MM-DD') AS start_date,
         to_char(p.end_date, 'YYYY-MM-DD') AS end_date,
         p.dimensions, p.sdgs::int[] AS sdgs,
         to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at,
         to_char(d.approved_on, 'YYYY-MM-DD') AS approved_on,
         to_char(d.activated_on, 'YYYY-MM-DD') AS activated_on,
         to_char(d.completed_on, 'YYYY-MM-DD') AS completed_on,
         coalesce((SELECT array_agg(c.iso2::text ORDER BY c.iso2)
                   FROM project_countries pc JOIN countries c ON c.iso3 = pc.country_iso3
                   WHERE pc.project_id = p.id), '{}') AS countries,
         coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name, 'kind', o.kind,
                                                     'lead', o.id = p.lead_organization_id)
                                   ORDER BY o.id = p.lead_organization_id DESC, o.name, o.id)
                   FROM project_organizations po JOIN organizations o ON o.id = po.organization_id
                   WHERE po.project_id = p.id), '[]') AS organizations,
         coalesce((SELECT json_agg(json_build_object(
                     'figure', CASE WHEN e.kind = 'reversal' THEN r.kind ELSE e.kind END,
                     'sign', CASE WHEN e.kind = 'reversal' THEN -1 ELSE 1 END,
                     'amount', e.amount_usd::text, 'date', to_char(e.transferred_on, 'YYYY-MM-DD'),
                     'organization', o.name)
                   ORDER BY e.transferred_on, e.created_at, e.id)
                   FROM transfers e JOIN organizations o ON o.id = e.organization_id
                   LEFT JOIN transfers r ON r.id = e.reverses_id
                   WHERE e.project_id = p.id AND (e.kind <> 'reversal' OR r.kind <> 'reversal')), '[]') AS entries,
         (SELECT json_build_object(
              ${scoreColumns})
          FROM reviews r WHERE r.project_id = p.id AND r.status = 'submitted' AND r.conflict_declared IS FALSE
            -- Only the latest review round counts, as in the assessment.
            AND r.round = (SELECT max(rr.number) FROM review_rounds rr WHERE rr.project_id = p.id)) AS scores
  FROM projects p
  LEFT JOIN LATERAL (
    SELECT min(decided_on) FILTER (WHERE to_stage = 'approved') AS approved_on,
           min(decided_on) FILTER (WHERE to_stage = 'active') AS activated_on,
           max(decided_on) FILTER (WHERE to_stage = 'completed') AS completed_on
    FROM project_transitions t WHERE t.project_id = p.id
  ) d ON true
  WHERE p.deleted_at IS NULL AND p.stage <> ALL ($1::text[])
  ORDER BY p.code, p.id`;

export interface IatiYearRow {
  year: number;
  committed: string;
  transferred: string;
}

/** The Fund's commitments and transfers by year, by the ledger's own definitions. */
const YEARS_SQL = `
  SELECT year, round(sum(committed), 2)::text AS committed, round(sum(transferred), 2)::text AS transferred
  FROM (${ledgerMovementsSql(true)}) m
  WHERE year IS NOT NULL
  GROUP BY year HAVING sum(committed) <> 0 OR sum(transferred) <> 0
  ORDER BY year`;

@Injectable()
export class IatiRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reads: ReadReplicas,
  ) {}

  /** Read through a cursor, a batch at a time, so the file never holds the portfolio in memory. */
  activities(source: DataSource | Pool = this.reads.poolForRead()): AsyncGenerator<IatiActivityRow> {
    return streamRows<IatiActivityRow>(source, ACTIVITIES_SQL, [UNPUBLISHED_STAGES]);
  }

  years(): Promise<IatiYearRow[]> {
    return preparedQuery<IatiYearRow>(this.dataSource, YEARS_SQL, []);
  }

  /** Whether any published project is illustrative demo data, so the organisation file says so. */
  async anyIllustrative(): Promise<boolean> {
    const [row] = await preparedQuery<{ any: boolean }>(
      this.dataSource,
      `SELECT EXISTS (SELECT 1 FROM projects WHERE illustrative AND deleted_at IS NULL) AS any`,
      [],
    );
    return row?.any ?? false;
  }

  /** The project's stage, or null when there is none. */
  async stageOf(manager: EntityManager, projectId: string): Promise<string | null> {
    const [project]: { stage: string }[] = await manager.query(`SELECT stage FROM projects WHERE id = $1`, [
      projectId,
    ]);
    return project?.stage ?? null;
  }

  /** Keeps the newly generated activities file, one generation after the last. */
  async storeActivitiesFile(etag: string, contentGzip: Buffer): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO iati_files (name, generation, etag, generated_at, content_gzip, size_bytes)
       VALUES ('activities', 1, $1, now(), $2, $3)
       ON CONFLICT (name) DO UPDATE SET generation = iati_files.generation + 1, etag = excluded.etag,
         generated_at = excluded.generated_at, content_gzip = excluded.content_gzip,
         size_bytes = excluded.size_bytes`,
      [etag, contentGzip, contentGzip.length],
    );
  }

  async activitiesFile(): Promise<{
    generation: number;
    etag: string;
    generated_at: Date;
    content_gzip: Buffer;
  } | null> {
    const [row]: { generation: number; etag: string; generated_at: Date; content_gzip: Buffer }[] =
      await this.dataSource.query(
        `SELECT generation, etag, generated_at, content_gzip FROM iati_files WHERE name = 'activities'`,
      );
    return row ?? null;
  }
}
