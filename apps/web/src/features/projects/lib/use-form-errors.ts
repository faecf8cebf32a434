import type { ProjectProblem } from '@hstf/domain';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../api/types';
import { useProjectFormat } from '../../../lib/project-format';
import {
  CODE_PATTERN,
  NARRATIVE_PRINCIPLE,
  type LiveCheck,
  type NarrativeField,
  type ProjectFormValues,
} from './project-form';

interface Options {
  mode: 'create' | 'edit';
  values: ProjectFormValues;
  live: LiveCheck;
  /** Required fields are flagged once the user tried to save. */
  submitted: boolean;
  /** The API's field errors, and the values they were given for. */
  server: { errors: Record<string, string>; values: ProjectFormValues } | null;
  organizations: Organization[];
}

function topLevel(path: string): keyof ProjectFormValues {
  return path.split('.')[0] as keyof ProjectFormValues;
}

/**
 * The errors the form shows, by field path: the domain's rules on what is typed now, the required
 * fields once saving was tried, and the API's problem+json errors until their field is changed.
 */
export function useProjectFormErrors({ mode, values, live, submitted, server, organizations }: Options) {
  const { t } = useTranslation();
  const format = useProjectFormat();

  const compute = useCallback(
    (submitted: boolean, withServer: boolean) => {
      const result: Record<string, string> = {};
      const add = (path: string, message: string) => {
        if (!result[path]) result[path] = message;
      };
      const title = values.title.trim();
      if (submitted && !title) add('title', t('projects.form.errors.required'));
      else if (title && title.length < 3) add('title', t('projects.form.errors.titleShort'));
      if (mode === 'create' && submitted && !values.window) add('window', t('projects.form.errors.required'));
      if (values.code.trim() && !CODE_PATTERN.test(values.code.trim()))
        add('code', t('projects.form.errors.code'));
      for (const path of Object.keys(live.moneyErrors)) add(path, t('projects.form.errors.amount'));
      if (
        values.targetBeneficiaries.trim() &&
        !/^\d[\d\s,.\u00a0\u202f]*$/.test(values.targetBeneficiaries.trim())
      ) {
        add('targetBeneficiaries', t('projects.form.errors.wholeNumber'));
      }
      values.organizations.forEach((row, index) => {
        if (submitted && !row.organizationId)
          add(`organizations.${index}.organizationId`, t('projects.form.errors.required'));
        if (submitted && !row.budgetShare.trim())
          add(`organizations.${index}.budgetShare`, t('projects.form.errors.required'));
      });
      const nameOf = (id: string) => organizations.find((organization) => organization.id === id)?.name ?? id;
      for (const problem of live.problems) {
        // The running total shows the shares as they are typed; the mismatch is an error once saving is tried.
        if (problem.code === 'shares_do_not_sum' && !submitted) continue;
        add(problem.field, describe(problem));
      }

      function describe(problem: ProjectProblem): string {
        switch (problem.code) {
          case 'end_not_after_start':
            return t('projects.form.errors.endAfterStart', { start: format.date(problem.startDate) });
          case 'shares_do_not_sum':
            return t('projects.form.errors.sharesSum', {
              total: format.money(problem.sharesTotal),
              requested: format.money(problem.requestedBudget),
            });
          case 'duplicate_organization':
            return t('projects.form.errors.duplicateOrganization', { name: nameOf(problem.organizationId) });
          case 'lead_not_participating':
            return t('projects.form.errors.leadNotParticipating');
          case 'duplicate_country':
            return t('projects.form.errors.duplicateCountry', { country: format.country(problem.iso3) });
        }
      }

      if (server && withServer) {
        for (const [path, message] of Object.entries(server.errors)) {
          const key = topLevel(path);
          const unchanged = JSON.stringify(values[key]) === JSON.stringify(server.values[key]);
          if (unchanged) add(path, message);
        }
      }
      return result;
    },
    [mode, values, live, server, organizations, t, format],
  );
  const errors = useMemo(() => compute(submitted, true), [compute, submitted]);
  /** The errors as they are once saving is tried: what blocks the save. */
  const check = useCallback(() => compute(true, false), [compute]);

  const label = (path: string): string => {
    const parts = path.split('.');
    const [head, second, third] = parts;
    if (head === 'organizations' && second !== undefined && third) {
      const row = t('projects.form.organizationN', { number: format.number(Number(second) + 1) });
      return `${row} — ${third === 'budgetShare' ? t('projects.fields.budgetShare') : t('projects.fields.organization')}`;
    }
    if (head === 'narratives' && second && second in NARRATIVE_PRINCIPLE) {
      return t(`projects.principles.${NARRATIVE_PRINCIPLE[second as NarrativeField]}`);
    }
    if (head === 'declarations') {
      return second === 'distinctFromR2p'
        ? t('projects.paragraph3.distinctFromR2p')
        : t('projects.paragraph3.noCoercion');
    }
    const known: Record<string, string> = {
      code: t('projects.fields.code'),
      title: t('projects.fields.title'),
      summary: t('projects.fields.summary'),
      window: t('projects.fields.window'),
      recipientCountries: t('projects.fields.recipientCountries'),
      leadOrganizationId: t('projects.fields.leadOrganizationId'),
      organizations: t('projects.fields.organizations'),
      requestedBudget: t('projects.fields.requestedBudget'),
      approvedBudget: t('projects.fields.approvedBudget'),
      coFunding: t('projects.fields.coFunding'),
      startDate: t('projects.fields.startDate'),
      endDate: t('projects.fields.endDate'),
      dimensions: t('projects.fields.dimensions'),
      targetBeneficiaries: t('projects.fields.targetBeneficiaries'),
      vulnerableGroups: t('projects.fields.vulnerableGroups'),
      sdgs: t('projects.fields.sdgs'),
      protectionMeasures: t('projects.fields.protectionMeasures'),
      empowermentMeasures: t('projects.fields.empowermentMeasures'),
    };
    return known[path] ?? path;
  };

  return { errors, label, check };
}
