import type { PrincipleId, ReportKind, ReportStatus, Sex, VulnerableGroup } from '@hstf/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';

export interface OutcomeRow {
  id: string;
  project_id: string;
  title: string;
  principle: PrincipleId | null;
  version: number;
}

export interface OutputRow {
  id: string;
  project_id: string;
  outcome_id: string;
  title: string;
  version: number;
}

export interface IndicatorRow {
  id: string;
  project_id: string;
  outcome_id: string | null;
  output_id: string | null;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  by_sex: boolean;
  age_groups: string[];
  version: number;
}

export interface Cell {
  sex?: Sex | null;
  ageGroup?: string | null;
  value: number;
}

export interface LatestActualRow {
  indicator_id: string;
  report_id: string;
  kind: ReportKind;
  sequence: number;
  status: ReportStatus;
  period_end: string;
  value: number;
  breakdown: Cell[];
}

/** The reports whose results count: handed in, and not returned. */
const IN = `r.status IN ('submitted', 'accepted')`;

const INDICATOR = `SELECT id, project_id, outcome_id, output_id, name, unit, baseline::float8 AS baseline,
  target::float8 AS target, by_sex, age_groups, version FROM indicators`;

/** The SQL of the results feature: one method per statement, in the caller's transaction. */
@Injectable()
export class ResultsRepository {
  outcomes(manager: EntityManager, projectId: string): Promise<OutcomeRow[]> {
    return preparedQuery<OutcomeRow>(
      manager,
      `SELECT id, project_id, title, principle, version FROM outcomes WHERE project_id = $1 ORDER BY created_at, id`,
      [projectId],
    );
  }

  outputs(manager: EntityManager, projectId: string): Promise<OutputRow[]> {
    return preparedQuery<OutputRow>(
      manager,
      `SELECT id, project_id, outcome_id, title, version FROM outputs WHERE project_id = $1 ORDER BY created_at, id`,
      [projectId],
    );
  }

  indicators(manager: EntityManager, projectId: string): Promise<IndicatorRow[]> {
    return preparedQuery<IndicatorRow>(
      manager,
      `${INDICATOR} WHERE project_id = $1 ORDER BY created_at, id`,
      [projectId],
    );
  }

  async outcome(manager: EntityManager, id: string): Promise<OutcomeRow | undefined> {
    const [row] = await manager.query<OutcomeRow[]>(
      `SELECT id, project_id, title, principle, version FROM outcomes WHERE id = $1`,
      [id],
    );
    return row;
  }

  async output(manager: EntityManager, id: string): Promise<OutputRow | undefined> {
    const [row] = await manager.query<OutputRow[]>(
      `SELECT id, project_id, outcome_id, title, version FROM outputs WHERE id = $1`,
      [id],
    );
    return row;
  }

  async indicator(manager: EntityManager, id: string): Promise<IndicatorRow | undefined> {
    const [row] = await manager.query<IndicatorRow[]>(`${INDICATOR} WHERE id = $1`, [id]);
    return row;
  }

  /** What an outcome still holds: its outputs and the indicators measuring it or its outputs. */
  async outcomeContents(
    manager: EntityManager,
    id: string,
  ): Promise<{ outputs: number; indicators: number }> {
    const [row] = await manager.query<{ outputs: number; indicators: number }[]>(
      `SELECT (SELECT count(*)::int FROM outputs WHERE outcome_id = $1) AS outputs,
              (SELECT count(*)::int FROM indicators
                WHERE outcome_id = $1 OR output_id IN (SELECT id FROM outputs WHERE outcome_id = $1)) AS indicators`,
      [id],
    );
    return row!;
  }

  async outputIndicatorCount(manager: EntityManager, id: string): Promise<number> {
    const [row] = await manager.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM indicators WHERE output_id = $1`,
      [id],
    );
    return row!.count;
  }

  /** The accepted reports that record an actual of the indicator. */
  async acceptedActualCount(manager: EntityManager, indicatorId: string): Promise<number> {
    const [row] = await manager.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM indicator_actuals a JOIN reports r ON r.id = a.report_id
        WHERE a.indicator_id = $1 AND r.status = 'accepted'`,
      [indicatorId],
    );
    return row!.count;
  }

  indicatorsByIds(manager: EntityManager, ids: string[]): Promise<IndicatorRow[]> {
    return manager.query<IndicatorRow[]>(`${INDICATOR} WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Per indicator of the project, the actual of the latest report handed in that records one. */
  latestActuals(manager: EntityManager, projectId: string): Promise<LatestActualRow[]> {
    return preparedQuery<LatestActualRow>(
      manager,
      `SELECT DISTINCT ON (a.indicator_id) a.indicator_id, r.id AS report_id, r.kind, r.sequence, r.status,
              to_char(r.period_end, 'YYYY-MM-DD') AS period_end, a.value::float8 AS value, a.breakdown
       FROM indicator_actuals a JOIN reports r ON r.id = a.report_id
       WHERE a.project_id = $1 AND ${IN}
       ORDER BY a.indicator_id, r.period_end DESC, r.kind = 'final_narrative' DESC, r.id`,
      [projectId],
    );
  }

  /** The project's target, its targeted groups, and what its reports handed in say was reached. */
  async reach(
    manager: EntityManager,
    projectId: string,
  ): Promise<{
    target: number | null;
    groups: VulnerableGroup[];
    people: number | null;
    reached: { group: VulnerableGroup; reached: number }[];
  }> {
    const [row] = await manager.query<
      {
        target: number | null;
        groups: VulnerableGroup[];
        people: number | null;
        reached: { group: VulnerableGroup; reached: number }[];
      }[]
    >(
      `SELECT p.target_beneficiaries AS target, p.vulnerable_groups AS groups,
              (SELECT sum(rr.people_reached)::int FROM report_reach rr JOIN reports r ON r.id = rr.report_id
               WHERE rr.project_id = p.id AND ${IN}) AS people,
              coalesce((SELECT json_agg(json_build_object('group', g.vulnerable_group, 'reached', g.reached)
                                         ORDER BY g.vulnerable_group)
                        FROM (SELECT b.vulnerable_group, sum(b.reached)::int AS reached
                              FROM report_beneficiaries b JOIN reports r ON r.id = b.report_id
                              WHERE b.project_id = p.id AND ${IN} GROUP BY b.vulnerable_group) g), '[]') AS reached
       FROM projects p WHERE p.id = $1`,
      [projectId],
    );
    return row!;
  }

  async insertOutcome(
    manager: EntityManager,
    projectId: string,
    title: string,
    principle: PrincipleId | null,
  ): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO outcomes (project_id, title, principle) VALUES ($1, $2, $3) RETURNING id`,
      [projectId, title, principle],
    );
    return row!.id;
  }

  async insertOutput(
    manager: EntityManager,
    projectId: string,
    outcomeId: string,
    title: string,
  ): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO outputs (project_id, outcome_id, title) VALUES ($1, $2, $3) RETURNING id`,
      [projectId, outcomeId, title],
    );
    return row!.id;
  }

  async insertIndicator(
    manager: EntityManager,
    values: {
      projectId: string;
      outcomeId: string | null;
      outputId: string | null;
      name: string;
      unit: string;
      baseline: number;
      target: number;
      bySex: boolean;
      ageGroups: string[];
    },
  ): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO indicators (project_id, outcome_id, output_id, name, unit, baseline, target, by_sex, age_groups)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        values.projectId,
        values.outcomeId,
        values.outputId,
        values.name,
        values.unit,
        values.baseline,
        values.target,
        values.bySex,
        values.ageGroups,
      ],
    );
    return row!.id;
  }

  async hasActuals(manager: EntityManager, indicatorId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM indicator_actuals WHERE indicator_id = $1 LIMIT 1`,
      [indicatorId],
    );
    return rows.length > 0;
  }

  async reportResults(
    manager: EntityManager,
    reportId: string,
  ): Promise<{
    people: number | null;
    beneficiaries: { group: VulnerableGroup; reached: number }[];
    actuals: { indicatorId: string; value: number; breakdown: Cell[] }[];
  }> {
    const [row] = await manager.query<
      {
        people: number | null;
        beneficiaries: { group: VulnerableGroup; reached: number }[];
        actuals: { indicatorId: string; value: number; breakdown: Cell[] }[];
      }[]
    >(
      `SELECT (SELECT people_reached FROM report_reach WHERE report_id = $1) AS people,
              coalesce((SELECT json_agg(json_build_object('group', vulnerable_group, 'reached', reached)
                                         ORDER BY vulnerable_group)
                        FROM report_beneficiaries WHERE report_id = $1), '[]') AS beneficiaries,
              coalesce((SELECT json_agg(json_build_object('indicatorId', a.indicator_id, 'value', a.value::float8,
                                                          'breakdown', a.breakdown) ORDER BY i.created_at, i.id)
                        FROM indicator_actuals a JOIN indicators i ON i.id = a.indicator_id
                        WHERE a.report_id = $1), '[]') AS actuals`,
      [reportId],
    );
    return row!;
  }

  /** Replaces what a report records: people reached, per group, and the actuals. */
  async replaceReportResults(
    manager: EntityManager,
    reportId: string,
    projectId: string,
    people: number | null,
    beneficiaries: { group: VulnerableGroup; reached: number }[],
    actuals: { indicatorId: string; value: number; breakdown: Cell[] }[],
  ): Promise<void> {
    await manager.query(`DELETE FROM report_reach WHERE report_id = $1`, [reportId]);
    await manager.query(`DELETE FROM report_beneficiaries WHERE report_id = $1`, [reportId]);
    await manager.query(`DELETE FROM indicator_actuals WHERE report_id = $1`, [reportId]);
    if (people !== null) {
      await manager.query(
        `INSERT INTO report_reach (report_id, project_id, people_reached) VALUES ($1, $2, $3)`,
        [reportId, projectId, people],
      );
    }
    if (beneficiaries.length) {
      await manager.query(
        `INSERT INTO report_beneficiaries (report_id, project_id, vulnerable_group, reached)
         SELECT $1, $2, g, n FROM unnest($3::text[], $4::int[]) AS x(g, n)`,
        [reportId, projectId, beneficiaries.map((b) => b.group), beneficiaries.map((b) => b.reached)],
      );
    }
    for (const actual of actuals) {
      await manager.query(
        `INSERT INTO indicator_actuals (report_id, indicator_id, project_id, value, breakdown) VALUES ($1, $2, $3, $4, $5)`,
        [reportId, actual.indicatorId, projectId, actual.value, JSON.stringify(actual.breakdown)],
      );
    }
  }

  /**
   * People reached over the periods of accepted reports, overall and by dimension, principle (of
   * the project's outcomes), recipient country and the year a period ends. A project counts under
   * each dimension, principle and country it has; the total counts it once.
   */
  async overview(manager: EntityManager): Promise<{
    people: number;
    by_dimension: Figure[];
    by_principle: Figure[];
    by_country: Figure[];
    by_year: Figure[];
  }> {
    const [row] = await preparedQuery<{
      people: number;
      by_dimension: Figure[];
      by_principle: Figure[];
      by_country: Figure[];
      by_year: Figure[];
    }>(
      manager,
      `WITH reached AS (
         SELECT rr.project_id, extract(year FROM r.period_end)::int AS year, rr.people_reached AS people
         FROM report_reach rr JOIN reports r ON r.id = rr.report_id JOIN projects p ON p.id = rr.project_id
         WHERE r.status = 'accepted' AND p.deleted_at IS NULL
       ), per_project AS (
         SELECT project_id, sum(people) AS people FROM reached GROUP BY project_id
       ), figures AS (
         SELECT 'dimension' AS axis, d AS key, sum(pp.people) AS people, count(*) AS projects
         FROM per_project pp JOIN projects p ON p.id = pp.project_id, unnest(p.dimensions) AS d GROUP BY d
         UNION ALL
         SELECT 'principle', o.principle, sum(pp.people), count(*)
         FROM per_project pp JOIN (SELECT DISTINCT project_id, principle FROM outcomes WHERE principle IS NOT NULL) o
           ON o.project_id = pp.project_id GROUP BY o.principle
         UNION ALL
         SELECT 'country', c, sum(pp.people), count(*)
         FROM per_project pp JOIN projects p ON p.id = pp.project_id, unnest(p.country_codes) AS c GROUP BY c
         UNION ALL
         SELECT 'year', year::text, sum(people), count(DISTINCT project_id) FROM reached GROUP BY year
       )
       SELECT coalesce((SELECT sum(people) FROM per_project), 0)::bigint::float8 AS people,
         ${['dimension', 'principle', 'country', 'year']
           .map(
             (axis) =>
               `coalesce((SELECT json_agg(json_build_object('key', key, 'people', people::float8,
                 'projects', projects) ORDER BY key) FROM figures WHERE axis = '${axis}'), '[]') AS by_${axis}`,
           )
           .join(',\n         ')}`,
    );
    return row!;
  }

  async deleteOutcome(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM outcomes WHERE id = $1`, [id]);
  }

  async deleteOutput(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM outputs WHERE id = $1`, [id]);
  }

  /** The indicator with its actuals (only reports not yet accepted may still hold any). */
  async deleteIndicator(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM indicator_actuals WHERE indicator_id = $1`, [id]);
    await manager.query(`DELETE FROM indicators WHERE id = $1`, [id]);
  }
}

export interface Figure {
  key: string;
  people: number;
  projects: number;
}
