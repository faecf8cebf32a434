import {
  parseMoney,
  projectProblems,
  sumMoney,
  type HumanSecurityDimension,
  type ProjectProblem,
  type VulnerableGroup,
} from '@hstf/domain';
import type { CreateProjectBody, Project, UpdateProjectBody } from '../api/types';
import type { FundingWindow } from './filters';

export const NARRATIVE_FIELDS = [
  'peopleCentred',
  'comprehensive',
  'contextSpecific',
  'preventionOriented',
  'protectionEmpowerment',
] as const;
export type NarrativeField = (typeof NARRATIVE_FIELDS)[number];

/** The principle each narrative is written for (the API's narratives.peopleCentred is people_centred). */
export const NARRATIVE_PRINCIPLE = {
  peopleCentred: 'people_centred',
  comprehensive: 'comprehensive',
  contextSpecific: 'context_specific',
  preventionOriented: 'prevention_oriented',
  protectionEmpowerment: 'protection_empowerment',
} as const;

export interface ParticipantRow {
  /** A stable key for React while rows are added and removed. */
  key: string;
  organizationId: string;
  budgetShare: string;
}

/** The six UN languages a title and summary may be translated into. */
export const TRANSLATION_LANGUAGES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;
export type TranslationLanguage = (typeof TRANSLATION_LANGUAGES)[number];

/** One language's title and summary, as the form holds them. */
export interface TranslationRow {
  language: TranslationLanguage;
  title: string;
  summary: string;
}

/** Everything the form holds, as typed: strings for amounts and numbers, so nothing is lost or rounded. */
export interface ProjectFormValues {
  code: string;
  title: string;
  summary: string;
  translations: TranslationRow[];
  window: FundingWindow | '';
  recipientCountries: string[];
  leadOrganizationId: string;
  organizations: ParticipantRow[];
  requestedBudget: string;
  approvedBudget: string;
  coFunding: string;
  startDate: string;
  endDate: string;
  dimensions: HumanSecurityDimension[];
  targetBeneficiaries: string;
  vulnerableGroups: VulnerableGroup[];
  sdgs: string[];
  narratives: Record<NarrativeField, string>;
  protectionMeasures: string;
  empowermentMeasures: string;
  declarations: { noCoercion: boolean; distinctFromR2p: boolean };
}

let rowCounter = 0;
export function newRowKey(): string {
  rowCounter += 1;
  return `row-${rowCounter}`;
}

export function emptyProjectValues(): ProjectFormValues {
  return {
    code: '',
    title: '',
    summary: '',
    translations: [],
    window: '',
    recipientCountries: [],
    leadOrganizationId: '',
    organizations: [],
    requestedBudget: '',
    approvedBudget: '',
    coFunding: '',
    startDate: '',
    endDate: '',
    dimensions: [],
    targetBeneficiaries: '',
    vulnerableGroups: [],
    sdgs: [],
    narratives: {
      peopleCentred: '',
      comprehensive: '',
      contextSpecific: '',
      preventionOriented: '',
      protectionEmpowerment: '',
    },
    protectionMeasures: '',
    empowermentMeasures: '',
    declarations: { noCoercion: false, distinctFromR2p: false },
  };
}

/** "1000000.00" reads better as "1000000" in a field; cents stay when there are any. */
function plainAmount(amount: string | null): string {
  if (amount === null) return '';
  return amount.endsWith('.00') ? amount.slice(0, -3) : amount;
}

export function projectToValues(project: Project): ProjectFormValues {
  return {
    code: project.code,
    title: project.title,
    summary: project.summary,
    translations: TRANSLATION_LANGUAGES.filter(
      (language) => project.titleTranslations[language] || project.summaryTranslations[language],
    ).map((language) => ({
      language,
      title: project.titleTranslations[language] ?? '',
      summary: project.summaryTranslations[language] ?? '',
    })),
    window: project.window,
    recipientCountries: project.recipientCountries.map((country) => country.iso3),
    leadOrganizationId: project.leadOrganizationId ?? '',
    organizations: project.organizations.map((organization) => ({
      key: `org-${organization.organizationId}`,
      organizationId: organization.organizationId,
      budgetShare: plainAmount(organization.budgetShare),
    })),
    requestedBudget: plainAmount(project.requestedBudget),
    approvedBudget: plainAmount(project.approvedBudget),
    coFunding: plainAmount(project.coFunding),
    startDate: project.startDate ?? '',
    endDate: project.endDate ?? '',
    dimensions: [...project.dimensions],
    targetBeneficiaries: project.targetBeneficiaries === null ? '' : String(project.targetBeneficiaries),
    vulnerableGroups: [...project.vulnerableGroups],
    sdgs: project.sdgs.map(String),
    narratives: { ...project.narratives },
    protectionMeasures: project.protectionMeasures,
    empowermentMeasures: project.empowermentMeasures,
    declarations: { ...project.declarations },
  };
}

/**
 * An amount of the form as the API reads it. Money fields hold a plain decimal string already (the
 * MoneyInput reads what is typed with lib/amount); the domain's parseMoney makes it canonical ("0100"
 * is sent as "100.00").
 */
function money(value: string): string | null {
  const plain = value.trim();
  if (!plain) return null;
  const parsed = parseMoney(plain);
  return parsed.ok ? parsed.amount : plain;
}

/** The year the API puts in a generated code: the start date's, or this year's (UTC) without one. */
export function codeYearOf(startDate: string, today: Date = new Date()): string {
  return /^\d{4}-/.test(startDate) ? startDate.slice(0, 4) : String(today.getUTCFullYear());
}

type Fields = Omit<UpdateProjectBody, 'version'>;

/** The rows' titles or summaries by language, in the languages' order, blank ones left out. */
function translationsOf(rows: TranslationRow[], part: 'title' | 'summary'): Record<string, string> {
  const written = new Map(rows.map((row) => [row.language, row[part].trim()]));
  return Object.fromEntries(
    TRANSLATION_LANGUAGES.filter((language) => written.get(language)).map((language) => [
      language,
      written.get(language)!,
    ]),
  );
}

/** The request body of every field, as the API reads it. */
export function valuesToFields(values: ProjectFormValues): Fields {
  const beneficiaries = values.targetBeneficiaries.trim();
  const fields: Fields = {
    title: values.title.trim(),
    summary: values.summary,
    titleTranslations: translationsOf(values.translations, 'title'),
    summaryTranslations: translationsOf(values.translations, 'summary'),
    recipientCountries: values.recipientCountries,
    leadOrganizationId: values.leadOrganizationId || null,
    organizations: values.organizations
      .filter((row) => row.organizationId)
      .map((row) => ({ organizationId: row.organizationId, budgetShare: money(row.budgetShare) ?? '0' })),
    requestedBudget: money(values.requestedBudget) ?? '0',
    approvedBudget: money(values.approvedBudget),
    coFunding: money(values.coFunding) ?? '0',
    startDate: values.startDate || null,
    endDate: values.endDate || null,
    dimensions: values.dimensions,
    targetBeneficiaries:
      beneficiaries === '' ? null : Number(beneficiaries.replace(/[\s,.\u00a0\u202f]/g, '')),
    vulnerableGroups: values.vulnerableGroups,
    sdgs: values.sdgs.map(Number).sort((a, b) => a - b),
    narratives: values.narratives,
    protectionMeasures: values.protectionMeasures,
    empowermentMeasures: values.empowermentMeasures,
    declarations: values.declarations,
  };
  if (values.window) fields.window = values.window;
  return fields;
}

export function valuesToCreateBody(values: ProjectFormValues): CreateProjectBody {
  const { approvedBudget: _approved, ...fields } = valuesToFields(values);
  const body = { ...fields, title: values.title.trim(), window: values.window || 'I' } as CreateProjectBody;
  if (values.code.trim()) body.code = values.code.trim();
  return body;
}

const FIELD_KEYS = [
  'title',
  'summary',
  'window',
  'recipientCountries',
  'leadOrganizationId',
  'organizations',
  'requestedBudget',
  'approvedBudget',
  'coFunding',
  'startDate',
  'endDate',
  'dimensions',
  'targetBeneficiaries',
  'vulnerableGroups',
  'sdgs',
  'narratives',
  'protectionMeasures',
  'empowermentMeasures',
  'declarations',
] as const satisfies readonly (keyof Fields)[];
/** A field of the request, or the translations (the titles and summaries in other languages). */
export type ProjectFieldKey = (typeof FIELD_KEYS)[number] | 'translations';

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields whose request value differs between two states of the form. */
export function changedFields(from: ProjectFormValues, to: ProjectFormValues): ProjectFieldKey[] {
  const before = valuesToFields(from);
  const after = valuesToFields(to);
  const changed: ProjectFieldKey[] = FIELD_KEYS.filter((key) => !same(before[key], after[key]));
  const translated =
    !same(before.titleTranslations, after.titleTranslations) ||
    !same(before.summaryTranslations, after.summaryTranslations);
  return translated ? [...changed, 'translations'] : changed;
}

/** A PATCH body of only what changed: a field nobody touched is never overwritten. */
export function updateBody(
  baseline: ProjectFormValues,
  values: ProjectFormValues,
  version: number,
): UpdateProjectBody & { version: number } {
  const after = valuesToFields(values);
  const body: UpdateProjectBody & { version: number } = { version };
  for (const key of changedFields(baseline, values)) {
    if (key === 'translations') {
      body.titleTranslations = after.titleTranslations;
      body.summaryTranslations = after.summaryTranslations;
    } else {
      (body as Record<string, unknown>)[key] = after[key];
    }
  }
  return body;
}

/** My edits (what differs from the version I opened) applied on top of the latest version. */
export function reapply(
  baseline: ProjectFormValues,
  mine: ProjectFormValues,
  latest: ProjectFormValues,
): ProjectFormValues {
  const merged: ProjectFormValues = { ...latest };
  for (const key of changedFields(baseline, mine)) {
    (merged as unknown as Record<string, unknown>)[key] = mine[key];
  }
  return merged;
}

export type MoneyField = 'requestedBudget' | 'approvedBudget' | 'coFunding';

export interface LiveCheck {
  /** Problems keyed by form path, for the fields they belong to. */
  moneyErrors: Partial<Record<string, true>>;
  problems: ProjectProblem[];
  sharesTotal: string | null;
  requested: string | null;
}

/** The rules of libs/domain on what is typed now: amounts, shares that sum, end after start, lead among participants. */
export function liveCheck(values: ProjectFormValues): LiveCheck {
  const moneyErrors: Partial<Record<string, true>> = {};
  const parse = (path: string, raw: string): string | null => {
    const plain = raw.trim();
    if (!plain) return null;
    const parsed = parseMoney(plain);
    if (!parsed.ok) {
      moneyErrors[path] = true;
      return null;
    }
    return parsed.amount;
  };
  const requested = parse('requestedBudget', values.requestedBudget);
  parse('approvedBudget', values.approvedBudget);
  parse('coFunding', values.coFunding);
  const shares = values.organizations.map((row, index) =>
    parse(`organizations.${index}.budgetShare`, row.budgetShare),
  );
  const validShares = shares.filter((share): share is string => share !== null);
  const sharesTotal = values.organizations.length ? sumMoney(validShares) : null;
  const allSharesValid = shares.every((share) => share !== null);
  const problems = projectProblems({
    requestedBudget: requested ?? '0.00',
    approvedBudget: null,
    startDate: values.startDate || null,
    endDate: values.endDate || null,
    leadOrganizationId: values.leadOrganizationId || null,
    organizations: values.organizations
      .filter((row) => row.organizationId)
      .map((row, index) => ({ organizationId: row.organizationId, budgetShare: shares[index] ?? '0.00' })),
    recipientCountries: values.recipientCountries,
  }).filter(
    // Shares are only compared once every share and the requested budget are amounts.
    (problem) => problem.code !== 'shares_do_not_sum' || (allSharesValid && requested !== null),
  );
  return { moneyErrors, problems, sharesTotal, requested };
}

export const CODE_PATTERN = /^HS-\d{4}-\d{4}$/;

/** The id of a field's input, so the error summary can link to it. */
export function fieldId(path: string): string {
  return `project-${path.replace(/\./g, '-')}`;
}
