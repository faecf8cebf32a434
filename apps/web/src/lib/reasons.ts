import type { PrincipleId, Stage } from '@hstf/domain';
import { isPrincipleId, isStage } from '@hstf/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useProjectFormat } from './project-format';

/**
 * The API explains every refusal with a stable code, its facts and an English sentence. The screens
 * say it in the reader's language from the code and the facts; a code this screen does not know yet
 * falls back to the API's sentence, so nothing is ever left unexplained.
 */
export interface CodedReason {
  code: string;
  facts?: Record<string, unknown>;
  message?: string;
  description?: string;
}

type Facts = Record<string, unknown>;

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function records(value: unknown): CodedReason[] {
  return Array.isArray(value)
    ? value.filter(
        (item): item is CodedReason =>
          typeof item === 'object' && item !== null && typeof (item as { code?: unknown }).code === 'string',
      )
    : [];
}

function meanOf(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'decimal' in value) return text(value.decimal);
  return text(value);
}

export function useReasonText() {
  const { t } = useTranslation();
  const format = useProjectFormat();

  return useMemo(() => {
    const country = (facts: Facts) => format.country(text(facts['country']));
    const date = (value: unknown) => format.date(text(value));
    const stage = (value: unknown) => (isStage(value) ? t(`projects.stages.${value}`) : text(value));
    const principleName = (value: unknown) =>
      isPrincipleId(value) ? t(`projects.principles.${value}`) : text(value);

    const consentProblem = (problem: CodedReason): string => {
      const facts = problem.facts ?? {};
      switch (problem.code) {
        case 'consent_not_granted':
          return t('projects.reasons.consentProblem.consent_not_granted', {
            status: t(`projects.consent.status.${text(facts['status']) as 'requested'}`).toLocaleLowerCase(
              format.locale,
            ),
          });
        case 'consent_record_withdrawn':
          return facts['withdrawnOn']
            ? t('projects.reasons.consentProblem.consent_record_withdrawn', {
                date: date(facts['withdrawnOn']),
              })
            : t('projects.reasons.consentProblem.consent_record_withdrawn_undated');
        case 'consent_grant_date_missing':
          return t('projects.reasons.consentProblem.consent_grant_date_missing');
        case 'consent_granted_after_date':
          return t('projects.reasons.consentProblem.consent_granted_after_date', {
            grantedOn: date(facts['grantedOn']),
            on: date(facts['on']),
          });
        case 'consent_expired_on_date':
          return t('projects.reasons.consentProblem.consent_expired_on_date', {
            validUntil: date(facts['validUntil']),
            on: date(facts['on']),
          });
        case 'consent_issuing_authority_missing':
          return t('projects.reasons.consentProblem.consent_issuing_authority_missing', {
            missing: format.list(
              strings(facts['missing']).map((part) =>
                part === 'office'
                  ? t('projects.consent.fields.issuingOffice')
                  : t('projects.consent.fields.signatory'),
              ),
            ),
          });
        case 'consent_document_reference_missing':
          return t('projects.reasons.consentProblem.consent_document_reference_missing');
        default:
          return problem.message ?? problem.code;
      }
    };

    const alignmentProblem = (problem: CodedReason): string => {
      const facts = problem.facts ?? {};
      switch (problem.code) {
        case 'alignment_start_unknown':
          return t('projects.reasons.alignmentProblem.alignment_start_unknown');
        case 'alignment_period_excludes_start':
          return t('projects.reasons.alignmentProblem.alignment_period_excludes_start', {
            from: date(facts['periodFrom']),
            to: facts['periodTo'] ? date(facts['periodTo']) : t('projects.paragraph6.openEnded'),
            start: date(facts['projectStart']),
          });
        case 'alignment_justification_missing':
          return t('projects.reasons.alignmentProblem.alignment_justification_missing');
        default:
          return problem.message ?? problem.code;
      }
    };

    const complianceReason = (reason: CodedReason): string => {
      const facts = reason.facts ?? {};
      switch (reason.code) {
        case 'consent_missing':
          return t('projects.reasons.compliance.consent_missing', { country: country(facts) });
        case 'consent_not_requested':
          return t('projects.reasons.compliance.consent_not_requested', { country: country(facts) });
        case 'consent_requested':
          return facts['requestedOn']
            ? t('projects.reasons.compliance.consent_requested', {
                country: country(facts),
                date: date(facts['requestedOn']),
              })
            : t('projects.reasons.compliance.consent_requested_undated', { country: country(facts) });
        case 'consent_refused':
          return t('projects.reasons.compliance.consent_refused', { country: country(facts) });
        case 'consent_withdrawn':
          return facts['withdrawnOn']
            ? t('projects.reasons.compliance.consent_withdrawn', {
                country: country(facts),
                date: date(facts['withdrawnOn']),
              })
            : t('projects.reasons.compliance.consent_withdrawn_undated', { country: country(facts) });
        case 'consent_not_valid':
          return t('projects.reasons.compliance.consent_not_valid', {
            country: country(facts),
            problems: records(facts['problems']).map(consentProblem).join('; '),
          });
        case 'alignment_missing':
          return t('projects.reasons.compliance.alignment_missing', { country: country(facts) });
        case 'alignment_not_valid':
          return t('projects.reasons.compliance.alignment_not_valid', {
            country: country(facts),
            strategy: text(facts['strategyTitle']),
            problems: records(facts['problems']).map(alignmentProblem).join('; '),
          });
        case 'no_recipient_country':
          return t('projects.reasons.compliance.no_recipient_country');
        case 'project_start_missing':
          return t('projects.reasons.compliance.project_start_missing');
        case 'paragraph_3_declaration_missing':
        case 'paragraph_3_declaration_refused':
          return t(`projects.reasons.paragraph3.${reason.code}`, {
            what: t(
              facts['paragraph'] === '3(d)'
                ? 'projects.paragraph3.distinctFromR2p'
                : 'projects.paragraph3.noCoercion',
            ),
            paragraph: text(facts['paragraph']),
          });
        default:
          return reason.message ?? reason.code;
      }
    };

    const assessmentFailure = (failure: CodedReason): string => {
      const facts = failure.facts ?? {};
      switch (failure.code) {
        case 'too_few_reviews':
          return t('projects.reasons.assessment.too_few_reviews', {
            counted: text(facts['counted']),
            required: text(facts['required']),
          });
        case 'principle_mean_below_threshold':
          return t('projects.reasons.assessment.principle_mean_below_threshold', {
            principle: principleName(facts['principle']),
            mean: meanOf(facts['mean']),
            threshold: text(facts['threshold']),
          });
        case 'overall_mean_below_threshold':
          return t('projects.reasons.assessment.overall_mean_below_threshold', {
            mean: meanOf(facts['mean']),
            threshold: text(facts['threshold']),
          });
        case 'review_not_submitted':
          return t('projects.reasons.assessment.review_not_submitted', {
            status: t(`projects.review.status.${text(facts['status']) as 'draft'}`).toLocaleLowerCase(
              format.locale,
            ),
          });
        case 'review_conflict_declared':
          return t('projects.reasons.assessment.review_conflict_declared');
        case 'review_scores_incomplete':
          return t('projects.reasons.assessment.review_scores_incomplete', {
            principles: format.list(strings(facts['principles']).map(principleName)),
          });
        default:
          return failure.message ?? failure.code;
      }
    };

    const requiredField = (field: string): string => {
      if (field.startsWith('narratives.')) {
        const id = field.slice('narratives.'.length);
        return isPrincipleId(id)
          ? t('projects.reasons.transition.narrativeOf', { principle: t(`projects.principles.${id}`) })
          : field;
      }
      const labels: Record<string, string> = {
        title: t('projects.fields.title'),
        summary: t('projects.fields.summary'),
        window: t('projects.fields.window'),
        requestedBudget: t('projects.fields.requestedBudget'),
        startDate: t('projects.fields.startDate'),
        endDate: t('projects.fields.endDate'),
        dimensions: t('projects.fields.dimensions'),
        targetBeneficiaries: t('projects.fields.targetBeneficiaries'),
        vulnerableGroups: t('projects.fields.vulnerableGroups'),
      };
      return labels[field] ?? field;
    };

    const transitionFailure = (failure: CodedReason): string => {
      const facts = failure.facts ?? {};
      switch (failure.code) {
        case 'transition_not_allowed':
          return t('projects.reasons.transition.transition_not_allowed', {
            from: stage(facts['from']),
            to: stage(facts['to']),
          });
        case 'required_fields_missing':
          return t('projects.reasons.transition.required_fields_missing', {
            fields: format.list(strings(facts['fields']).map(requiredField)),
          });
        case 'recipient_country_missing':
          return t('projects.reasons.transition.recipient_country_missing');
        case 'lead_organization_missing':
          return t('projects.reasons.transition.lead_organization_missing');
        case 'paragraph_6_not_compliant': {
          const countries = Array.isArray(facts['countries']) ? (facts['countries'] as Facts[]) : [];
          const reasons = [
            ...records(facts['reasons']),
            ...countries.flatMap((entry) => records(entry['reasons'])),
          ];
          const head = t('projects.reasons.transition.paragraph_6_not_compliant', {
            status: t(`paragraph6Status.${text(facts['status']) as 'pending'}`).toLocaleLowerCase(
              format.locale,
            ),
            on: date(facts['on']),
          });
          return [head, ...reasons.map(complianceReason)].join(' ');
        }
        case 'assessment_not_passing':
          return [
            t('projects.reasons.transition.assessment_not_passing'),
            ...records(facts['failures']).map(assessmentFailure),
          ].join(' ');
        case 'disagreement_not_moderated':
          return t('projects.reasons.transition.disagreement_not_moderated', {
            principles: format.list(strings(facts['principles']).map(principleName)),
          });
        case 'approved_budget_missing':
          return t('projects.reasons.transition.approved_budget_missing');
        case 'approved_budget_not_positive':
          return t('projects.reasons.transition.approved_budget_not_positive', {
            amount: format.money(text(facts['approvedBudget'])),
          });
        case 'approved_budget_exceeds_available_balance':
          return t('projects.reasons.transition.approved_budget_exceeds_available_balance', {
            amount: format.money(text(facts['approvedBudget'])),
            available: format.money(text(facts['availableBalance'])),
            shortfall: format.money(text(facts['shortfall'])),
          });
        case 'first_transfer_missing':
          return t('projects.reasons.transition.first_transfer_missing');
        case 'suspension_reason_missing':
          return t('suspension.rules.suspension_reason_missing');
        case 'resumption_to_other_stage':
          return isStage(facts['suspendedFrom'])
            ? t('suspension.rules.resumption_to_other_stage', { stage: stage(facts['suspendedFrom']) })
            : t('suspension.rules.resumption_stage_unknown');
        default:
          return failure.message ?? failure.code;
      }
    };

    const indicator = (item: CodedReason & { met?: boolean }): string => {
      const facts = item.facts ?? {};
      const met = item.met === true;
      switch (item.code) {
        case 'beneficiaries_counted':
          return met
            ? t('projects.indicators.beneficiaries_counted.met', {
                number: format.number(Number(facts['targetBeneficiaries'] ?? 0)),
              })
            : t('projects.indicators.beneficiaries_counted.unmet');
        case 'vulnerable_group_named':
          return met
            ? t('projects.indicators.vulnerable_group_named.met', {
                groups: format.list(
                  strings(facts['vulnerableGroups']).map((g) => t(`projects.groups.${g as 'youth'}`)),
                ),
              })
            : t('projects.indicators.vulnerable_group_named.unmet');
        case 'several_dimensions':
          return t(`projects.indicators.several_dimensions.${met ? 'met' : 'unmet'}`, {
            number: text(facts['count']),
            required: text(facts['required']),
            dimensions: format.list(
              strings(facts['dimensions']).map((d) => t(`projects.dimensions.${d as 'food'}`)),
            ),
          });
        case 'several_un_organizations':
          return t(`projects.indicators.several_un_organizations.${met ? 'met' : 'unmet'}`, {
            number: text(facts['count']),
            required: text(facts['required']),
          });
        case 'every_country_aligned':
          if (strings(facts['countries']).length === 0)
            return t('projects.indicators.every_country_aligned.none');
          return met
            ? t('projects.indicators.every_country_aligned.met')
            : t('projects.indicators.every_country_aligned.unmet', {
                countries: format.countries(strings(facts['withoutAlignment'])),
              });
        case 'every_country_has_context_narrative':
          if (strings(facts['countries']).length === 0) {
            return t('projects.indicators.every_country_has_context_narrative.none');
          }
          return met
            ? t('projects.indicators.every_country_has_context_narrative.met')
            : t('projects.indicators.every_country_has_context_narrative.unmet', {
                countries: format.countries(strings(facts['withoutContextNarrative'])),
              });
        case 'prevention_narrative_present':
        case 'protection_measure_described':
        case 'empowerment_measure_described':
          return t(`projects.indicators.${item.code}.${met ? 'met' : 'unmet'}`);
        default:
          return item.description ?? item.message ?? item.code;
      }
    };

    return {
      complianceReason,
      consentProblem,
      alignmentProblem,
      assessmentFailure,
      transitionFailure,
      indicator,
      stage,
      principleName,
    };
  }, [t, format]);
}

export type ReasonText = ReturnType<typeof useReasonText>;
export type { PrincipleId, Stage };
