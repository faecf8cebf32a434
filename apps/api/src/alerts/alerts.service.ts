import { consentAlerts, describeConsentAlert, proposedDecision } from '@hstf/domain';
import type { ConsentAlert, ProjectConsents } from '@hstf/domain';
import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, limitOf } from '../common/pagination/pagination';
import { ConsentRecords, todayUtc } from '../compliance';
import { AlertPage, AlertQuery, ConsentAlertDto } from './alerts.dto';
import { AlertsRepository } from './alerts.repository';

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
  constructor(private readonly alerts: AlertsRepository) {}

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
      const batch = await this.alerts.consentCandidates(on, after, limit + 1);
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

  /** The alerts of these projects, in their order, then by country and alert code. */
  private raise(records: ConsentRecords[], on: string): Raised[] {
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
