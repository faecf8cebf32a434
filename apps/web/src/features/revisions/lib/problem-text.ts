import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../../lib/country-name';
import { useIntl } from '../../../lib/intl';
import { ApiError } from '../../../lib/problem';
import type { Project } from '../../projects';

export interface RevisionProblem {
  code: string;
  facts: Record<string, unknown>;
}

/** The request field each rule is about, as the API puts it in `errors`. */
export const PROBLEM_FIELDS: Record<string, string> = {
  budget_revision_changes_nothing: 'approvedBudget',
  budget_revision_raise_exceeds_available: 'approvedBudget',
  budget_revision_organizations_differ: 'shares',
  budget_revision_shares_do_not_sum: 'shares',
  budget_revision_below_transferred: 'shares',
  end_date_unchanged: 'endDate',
  end_date_not_after_start: 'endDate',
  end_date_before_transfer: 'endDate',
  end_date_before_accepted_report: 'endDate',
  extension_consent_not_valid_through: 'endDate',
};

/** The rules that refused a request or a decision, as libs/domain names them (code and facts). */
export function revisionProblemsOf(error: unknown): RevisionProblem[] {
  if (!(error instanceof ApiError) || !error.problem) return [];
  const problems = (error.problem as { problems?: unknown }).problems;
  return Array.isArray(problems)
    ? (problems as RevisionProblem[]).filter((p) => typeof p?.code === 'string')
    : [];
}

/**
 * A refusal in the reader's language, from the rule's code and facts (`revisions.rules.*`), with its
 * amounts, dates, stages, organizations and countries written as the reader writes them.
 */
export function useRevisionProblemText(project?: Project) {
  const { t } = useTranslation();
  const { money, calendarDate } = useIntl();
  const countryName = useCountryName();
  const say = t as (key: string, options?: Record<string, unknown>) => string;
  const organization = (id: unknown) => {
    const found = project?.organizations.find((o) => o.organizationId === id);
    return found ? (found.acronym ?? found.name) : String(id);
  };
  return ({ code, facts }: RevisionProblem): string => {
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    const amount = (key: string) => money(text(facts[key]) || '0.00');
    switch (code) {
      case 'revision_stage_not_revisable':
        return say('revisions.rules.revision_stage_not_revisable', {
          stage: say(`projects.stages.${text(facts.stage)}`),
        });
      case 'revision_decided_already':
        return say('revisions.rules.revision_decided_already', {
          status: say(`revisions.statuses.${text(facts.status)}`),
        });
      case 'budget_revision_shares_do_not_sum':
        return say('revisions.rules.budget_revision_shares_do_not_sum', {
          sharesTotal: amount('sharesTotal'),
          requestedBudget: amount('requestedBudget'),
        });
      case 'budget_revision_below_transferred':
        return say('revisions.rules.budget_revision_below_transferred', {
          organization: organization(facts.organizationId),
          part: amount('part'),
          transferred: amount('transferred'),
        });
      case 'budget_revision_raise_exceeds_available':
        return say('revisions.rules.budget_revision_raise_exceeds_available', {
          increase: amount('increase'),
          available: amount('available'),
          shortfall: amount('shortfall'),
        });
      case 'end_date_unchanged':
        return say('revisions.rules.end_date_unchanged', { endDate: calendarDate(text(facts.endDate)) });
      case 'end_date_not_after_start':
        return say('revisions.rules.end_date_not_after_start', {
          startDate: calendarDate(text(facts.startDate)),
        });
      case 'end_date_before_transfer':
        return say('revisions.rules.end_date_before_transfer', {
          date: calendarDate(text(facts.lastTransferOn)),
        });
      case 'end_date_before_accepted_report':
        return say('revisions.rules.end_date_before_accepted_report', {
          date: calendarDate(text(facts.periodEnd)),
        });
      case 'extension_consent_not_valid_through': {
        const countries =
          (facts.countries as { country: string; validUntil: string | null }[] | undefined) ?? [];
        return say('revisions.rules.extension_consent_not_valid_through', {
          newEndDate: calendarDate(text(facts.newEndDate)),
          countries: countries
            .map((c) =>
              c.validUntil
                ? say('revisions.rules.validUntil', {
                    country: countryName(c.country),
                    date: calendarDate(c.validUntil),
                  })
                : say('revisions.rules.noConsent', { country: countryName(c.country) }),
            )
            .join('; '),
        });
      }
      default:
        return say(`revisions.rules.${code}`);
    }
  };
}
