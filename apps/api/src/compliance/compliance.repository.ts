import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { ComplianceListRow, complianceListQuery } from './compliance-list.query';
import { ComplianceRecords, loadComplianceRecords } from './compliance-records';
import type { ComplianceCountDto, ComplianceListQuery } from './compliance.dto';
import { projectStatusSql } from './paragraph-6.sql';

/**
 * The SQL of paragraph 6: the records the domain judges, and the counts and list judged in SQL
 * (paragraph-6.sql.ts, kept equal to the domain by the parity test). ComplianceService words them.
 */
@Injectable()
export class ComplianceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** In the order of the ids given; with `visibleTo`, only the projects that reviewer may see. */
  records(
    projectIds: readonly string[],
    visibleTo: string | null = null,
    manager?: EntityManager,
  ): Promise<ComplianceRecords[]> {
    return loadComplianceRecords(manager ?? this.dataSource, projectIds, visibleTo);
  }

  /** The projects where paragraph 6 matters now, counted by stage and status on `on`. */
  counts(on: string): Promise<ComplianceCountDto[]> {
    return preparedQuery<ComplianceCountDto>(
      this.dataSource,
      `SELECT p.stage, ${projectStatusSql('p', '$1::date')} AS status, count(*)::int AS projects
       FROM projects p
       WHERE p.deleted_at IS NULL AND p.stage IN ('under_review', 'approved', 'active', 'suspended')
       GROUP BY 1, 2 ORDER BY 1, 2`,
      [on],
    );
  }

  /** One more row than the page, for the next page's cursor. */
  list(query: ComplianceListQuery, on: string, byStage: boolean): Promise<ComplianceListRow[]> {
    const { text, values } = complianceListQuery(query, on, byStage);
    return preparedQuery<ComplianceListRow>(this.dataSource, text, values);
  }
}
