import {
  addDays,
  CONSENT_EXPIRY_WARNING_DAYS,
  CONSENT_REQUEST_OVERDUE_DAYS,
  consentAlerts,
  describeConsentAlert,
  FUNDED_STAGES,
  PROPOSAL_STAGES,
  proposedDecision,
} from '@hstf/domain';
import type { ConsentAlert, ProjectConsents } from '@hstf/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, limitOf } from '../common/pagination/pagination';
import {
  ComplianceRecords,
  consentCountsSql,
  consentWithdrawnSql,
  queryComplianceRecords,
  recordsOfCandidatesSql,
  todayUtc,
} from '../compliance';
import { AlertPage, AlertQuery, ConsentAlertDto } from './alerts.dto';

/** A funded project with a recipient country that has no consent counting beyond the warning window. */
const FUNDED_CANDIDATE = `EXISTS (
  SELECT 1 FROM project_countries pc
  WHERE pc.project_id = p.id AND NOT EXISTS (
    SELECT 1 FROM consent_records c
    WHERE c.project_id = pc.project_id AND c.country_iso3 = pc.country_iso3
      AND ${consentCountsSql('c', '$1::date')}
      AND (c.valid_until IS NULL OR c.valid_until > $2::date)))`;

/** A proposal with a live request older than the overdue window. */
const PROPOSAL_CANDIDATE = `EXISTS (
  SELECT 1 FROM consent_records c
  WHERE c.project_id = p.id AND c.status = 'requested' AND NOT ${consentWithdrawnSql('c')}
    AND c.requested_on < $3::date)`;

/**
 * The projects that may raise an alert on the date `$1`: a superset of what consentAlerts raises
 * (exactly it while a project has one consent record per country, as the schema holds), in keyset
 * order (code, id). One branch per stage, each walking ix_projects_stage (stage, code, id) and
 * stopping at the limit, merged in code order: a walk of the whole portfolio in code order would
 * pass 75,000 closed projects before the first funded one.
 */
function candidatesSql(keyset: string, limit: string): string {
  const branch = (stage: string, condition: string) =>
    `(SELECT p.id, p.code FROM projects p
      WHERE p.deleted_at IS NULL AND p.stage = '${stage}' ${keyset} AND ${condition}
      ORDER BY p.code, p.id LIMIT ${limit})`;
  const branches = [
    ...FUNDED_STAGES.map((stage) => branch(stage, FUNDED_CANDIDATE)),
    ...PROPOSAL_STAGES.map((stage) => branch(stage, PROPOSAL_CANDIDATE)),
  ];
  return `SELECT id, code FROM (${branches.join('\n UNION ALL ')}) candidates ORDER BY code, id LIMIT ${limit}`;
}

interface Raised {
  alert: ConsentAlert;
  /** Position of its project in the batch, which is in (code, id) order. */
  position: number;
  dto: ConsentAlertDto;
}

/**
 * Consent alerts for the dashboard (DESIGN.md §4.3): SQL narrows 100,000 projects to the few that may
 * raise one; libs/domain's consentAlerts decides which do, and says why.
 */
@Injectable()
export class AlertsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: AlertQuery): Promise<AlertPage> {
    const on = query.on ?? todayUtc();
    const limit = limitOf(query);
    // The key of the last alert given out: project code, project id, country, alert code.
    const cursor = decodeCursor(query.cursor, 4)?.map(String) ?? null;
    // Each batch is one statement (the candidates and their records, read in one snapshot). A page
    // that needs a second batch resumes after the last project read, by keyset, as the next page does.
    const items: Raised[] = [];
    let after = cursor ? { code: cursor[0]!, id: cursor[1]!, inclusive: true } : null;
    for (;;) {
      const batch = await this.candidates(on, after, limit + 1);
      for (const item of this.raise(batch, on)) {
        const { projectId, country } = item.alert.facts;
        const resumed =
          cursor !== null &&
          projectId === cursor[1] &&
          (country < cursor[2]! || (country === cursor[2] && item.alert.code <= cursor[3]!));
        if (!resumed) items.push(item);
      }
      const last = batch[batch.length - 1];
      if (items.length > limit || batch.length < limit + 1 || !last) break;
      after = { code: last.code, id: last.projectId, inclusive: false };
    }
    const page = items.slice(0, limit);
    const end = page[page.length - 1];
    return {
      on,
      items: page.map((item) => item.dto),
      nextCursor:
        items.length > limit && end
          ? encodeCursor([end.dto.projectCode, end.dto.projectId, end.dto.country, end.dto.code])
          : null,
    };
  }

  /** The records of the next candidates, in (code, id) order. */
  private candidates(
    on: string,
    after: { code: string; id: string; inclusive: boolean } | null,
    limit: number,
  ): Promise<ComplianceRecords[]> {
    const keyset = after ? `AND (p.code, p.id) ${after.inclusive ? '>=' : '>'} ($4, $5::uuid)` : '';
    return queryComplianceRecords(
      this.dataSource,
      recordsOfCandidatesSql(candidatesSql(keyset, after ? '$6' : '$4')),
      [
        on,
        addDays(on, CONSENT_EXPIRY_WARNING_DAYS),
        addDays(on, -CONSENT_REQUEST_OVERDUE_DAYS),
        ...(after ? [after.code, after.id] : []),
        limit,
      ],
    );
  }

  /** The alerts of these projects, in their order, then by country and alert code. */
  private raise(records: ComplianceRecords[], on: string): Raised[] {
    const byId = new Map(records.map((r) => [r.projectId, r]));
    const position = new Map(records.map((r, index) => [r.projectId, index]));
    const projects: ProjectConsents[] = records.map((r) => ({
      projectId: r.projectId,
      stage: r.stage,
      recipientCountries: r.countries.map((c) => c.iso3),
      consents: r.consents,
    }));
    return consentAlerts(projects, on)
      .map((alert) => {
        const project = byId.get(alert.facts.projectId)!;
        const recordId = 'recordId' in alert.facts ? alert.facts.recordId : null;
        return {
          alert,
          position: position.get(alert.facts.projectId)!,
          dto: {
            code: alert.code,
            projectId: project.projectId,
            projectCode: project.code,
            projectTitle: project.title,
            stage: project.stage,
            country: alert.facts.country,
            countryName:
              project.countries.find((c) => c.iso3 === alert.facts.country)?.name ?? alert.facts.country,
            recordId,
            facts: alert.facts,
            message: describeConsentAlert(alert),
            proposedDecision: proposedDecision(alert),
          },
        };
      })
      .sort(
        (a, b) =>
          a.position - b.position ||
          compare(a.alert.facts.country, b.alert.facts.country) ||
          compare(a.alert.code, b.alert.code),
      );
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
