import type { IsoDate } from '../calendar/iso-date';
import { addDays, compareIsoDates, daysBetween } from '../calendar/iso-date';
import type { ConsentRecordInput } from '../compliance/paragraph-6';
import { countingConsent } from '../compliance/paragraph-6';
import type { Stage } from './stages';
import { FUNDED_STAGES, PROPOSAL_STAGES, SUSPENDABLE_STAGES, isStageIn } from './stages';

export const CONSENT_EXPIRY_WARNING_DAYS = 90;
export const CONSENT_REQUEST_OVERDUE_DAYS = 60;

export interface ProjectConsents {
  projectId: string;
  stage: Stage;
  recipientCountries: readonly string[];
  consents: readonly ConsentRecordInput[];
}

export type ConsentAlert =
  | {
      code: 'funded_consent_withdrawn';
      facts: {
        projectId: string;
        stage: Stage;
        country: string;
        recordId: string;
        withdrawnOn: IsoDate | null;
      };
    }
  | {
      code: 'funded_consent_expired';
      facts: {
        projectId: string;
        stage: Stage;
        country: string;
        recordId: string;
        validUntil: IsoDate | null;
      };
    }
  | {
      code: 'funded_consent_expiring';
      facts: {
        projectId: string;
        stage: Stage;
        country: string;
        recordId: string;
        validUntil: IsoDate;
        daysLeft: number;
      };
    }
  | { code: 'funded_consent_invalid'; facts: { projectId: string; stage: Stage; country: string } }
  | {
      code: 'consent_request_overdue';
      facts: {
        projectId: string;
        stage: Stage;
        country: string;
        recordId: string;
        requestedOn: IsoDate;
        daysWaiting: number;
      };
    };

export interface ConsentAlertOptions {
  expiryWarningDays?: number;
  requestOverdueDays?: number;
}

function latest<T>(items: readonly T[], dateOf: (item: T) => IsoDate | null): T | undefined {
  let best: T | undefined;
  for (const item of items) {
    const date = dateOf(item);
    const bestDate = best === undefined ? null : dateOf(best);
    if (best === undefined || (date !== null && (bestDate === null || compareIsoDates(date, bestDate) > 0))) {
      best = item;
    }
  }
  return best;
}

/**
 * Alerts for the dashboard on `today`. Per recipient country, not per record: a country whose expired
 * consent was replaced by a valid one raises nothing, so staff see what needs doing, not history.
 */
export function consentAlerts(
  projects: readonly ProjectConsents[],
  today: IsoDate,
  options: ConsentAlertOptions = {},
): ConsentAlert[] {
  const expiryWarningDays = options.expiryWarningDays ?? CONSENT_EXPIRY_WARNING_DAYS;
  const requestOverdueDays = options.requestOverdueDays ?? CONSENT_REQUEST_OVERDUE_DAYS;
  const warnUntil = addDays(today, expiryWarningDays);
  const alerts: ConsentAlert[] = [];

  for (const project of projects) {
    const funded = isStageIn(project.stage, FUNDED_STAGES);
    const proposal = isStageIn(project.stage, PROPOSAL_STAGES);
    if (!funded && !proposal) continue;
    const { projectId, stage } = project;

    for (const country of new Set(project.recipientCountries)) {
      const records = project.consents.filter((c) => c.country === country);
      const valid = countingConsent(records, today);

      if (funded) {
        if (valid) {
          if (valid.validUntil !== null && compareIsoDates(valid.validUntil, warnUntil) <= 0) {
            alerts.push({
              code: 'funded_consent_expiring',
              facts: {
                projectId,
                stage,
                country,
                recordId: valid.id,
                validUntil: valid.validUntil,
                daysLeft: daysBetween(today, valid.validUntil),
              },
            });
          }
          continue;
        }
        const withdrawn = latest(
          records.filter((c) => c.status === 'withdrawn' || c.withdrawnOn !== null),
          (c) => c.withdrawnOn,
        );
        const expired = latest(
          records.filter(
            (c) =>
              c.status === 'expired' ||
              (c.status === 'granted' && c.validUntil !== null && compareIsoDates(c.validUntil, today) < 0),
          ),
          (c) => c.validUntil,
        );
        if (withdrawn) {
          alerts.push({
            code: 'funded_consent_withdrawn',
            facts: { projectId, stage, country, recordId: withdrawn.id, withdrawnOn: withdrawn.withdrawnOn },
          });
        } else if (expired) {
          alerts.push({
            code: 'funded_consent_expired',
            facts: { projectId, stage, country, recordId: expired.id, validUntil: expired.validUntil },
          });
        } else {
          // Approved without a valid consent on file: records edited after approval, or data loaded
          // from elsewhere. Staff must see it even though it is neither a withdrawal nor an expiry.
          alerts.push({ code: 'funded_consent_invalid', facts: { projectId, stage, country } });
        }
        continue;
      }

      if (valid) continue;
      for (const record of records) {
        if (record.status !== 'requested' || record.withdrawnOn !== null || record.requestedOn === null)
          continue;
        const daysWaiting = daysBetween(record.requestedOn, today);
        if (daysWaiting > requestOverdueDays) {
          alerts.push({
            code: 'consent_request_overdue',
            facts: {
              projectId,
              stage,
              country,
              recordId: record.id,
              requestedOn: record.requestedOn,
              daysWaiting,
            },
          });
        }
      }
    }
  }
  return alerts;
}

export function describeConsentAlert(alert: ConsentAlert): string {
  switch (alert.code) {
    case 'funded_consent_withdrawn':
      return `${alert.facts.country} withdrew its consent${alert.facts.withdrawnOn ? ` on ${alert.facts.withdrawnOn}` : ''} to a project that is ${alert.facts.stage}.`;
    case 'funded_consent_expired':
      return `The consent of ${alert.facts.country} to a project that is ${alert.facts.stage} has expired${alert.facts.validUntil ? ` (valid until ${alert.facts.validUntil})` : ''}.`;
    case 'funded_consent_expiring':
      return alert.facts.daysLeft === 0
        ? `The consent of ${alert.facts.country} expires today (${alert.facts.validUntil}).`
        : `The consent of ${alert.facts.country} expires on ${alert.facts.validUntil}, in ${alert.facts.daysLeft} day${alert.facts.daysLeft === 1 ? '' : 's'}.`;
    case 'funded_consent_invalid':
      return `No valid consent of ${alert.facts.country} is on file for a project that is ${alert.facts.stage}.`;
    case 'consent_request_overdue':
      return `The consent of ${alert.facts.country} was requested on ${alert.facts.requestedOn}, ${alert.facts.daysWaiting} days ago, and is still awaited.`;
  }
}

/** The alerts that mean paragraph 6 no longer holds for a funded project: no consent counts there. */
export const PARAGRAPH_6_LOST_ALERTS = [
  'funded_consent_withdrawn',
  'funded_consent_expired',
  'funded_consent_invalid',
] as const;

/**
 * The decision the product proposes with an alert: paragraph 6 ("projects funded by the Trust Fund
 * should receive the consent of the recipient State") no longer holds on an approved or active
 * project, so it should be suspended until it holds again. Null when the alert only warns.
 */
export function proposedDecision(alert: ConsentAlert): 'suspended' | null {
  return (PARAGRAPH_6_LOST_ALERTS as readonly string[]).includes(alert.code) &&
    isStageIn(alert.facts.stage, SUSPENDABLE_STAGES)
    ? 'suspended'
    : null;
}
