import {
  annualBudgetPeriods,
  evenPercentages,
  iatiActivityStatus,
  iatiSectors,
  IATI_ORGANISATION_TYPE,
  principle,
  PRINCIPLE_IDS,
  principleSignificance,
} from '@hstf/domain';
import type { IatiActivityRow } from './iati.repository';

/** An element as fast-xml-parser's XMLBuilder reads it: `@name` attributes, `#` text, arrays repeat. */
export type XmlObject = { [name: string]: string | XmlObject | XmlObject[] };

/** The Fund as it names itself in every file: the reporting organisation and the funder. */
export interface IatiPublisher {
  /** The Fund's IATI organisation identifier (IATI_ORGANISATION_ID), prefixing every activity's. */
  organisationId: string;
  name: string;
}

export const FUND_NAME = 'United Nations Trust Fund for Human Security';
/** Multilateral, in IATI's OrganisationType codelist. */
export const FUND_ORGANISATION_TYPE = '40';
/**
 * Where the Fund's own vocabulary (policy-marker vocabulary 99, the five principles) is explained:
 * the Human Security Unit's pages on the human security approach.
 */
export const PRINCIPLES_VOCABULARY_URI = 'https://www.un.org/humansecurity/';

/** Characters XML 1.0 cannot carry (control characters other than tab and line ends), dropped. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export const narrative = (text: string) => ({ narrative: text.replace(NOT_XML, '') });

/**
 * A text and its translations as narratives: the text in the activity's language (English, no
 * xml:lang), then one narrative for each other language with its xml:lang. An English translation
 * means the text itself was written in another language, whose code the record does not hold: the
 * English one is then the activity's narrative.
 */
export function narratives(text: string, translations: Record<string, string>): XmlObject {
  const clean = (t: string) => t.replace(NOT_XML, '');
  const first = translations.en ?? text;
  const others = Object.entries(translations)
    .filter(([language, translated]) => language !== 'en' && translated.trim())
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([language, translated]) => ({ '@xml:lang': language, '#': clean(translated) }));
  return others.length ? { narrative: [{ '#': clean(first) }, ...others] } : { narrative: clean(first) };
}

export const value = (amount: string, date: string) => ({
  '@currency': 'USD',
  '@value-date': date,
  '#': amount,
});

const fundOrg = (publisher: IatiPublisher) => ({
  '@ref': publisher.organisationId,
  '@type': FUND_ORGANISATION_TYPE,
  ...narrative(publisher.name),
});

/**
 * One project as an iati-activity, its elements in the order of the 2.03 schema. Only what the
 * Fund publishes about a project: no consent record, no review, no name of a person.
 */
export function iatiActivity(row: IatiActivityRow, publisher: IatiPublisher): XmlObject {
  const identifier = `${publisher.organisationId}-${row.code}`;
  const countryShares = evenPercentages(row.countries.length);
  const startDate = row.start_date ?? row.approved_on;
  const commitmentDate = row.approved_on ?? row.start_date;
  const lead = row.organizations.find((o) => o.lead);

  const descriptions: XmlObject[] = [];
  if (row.summary.trim() || row.summary_translations.en) {
    descriptions.push({ '@type': '1', ...narratives(row.summary, row.summary_translations) });
  }
  if (row.illustrative) {
    descriptions.push({
      '@type': '4',
      ...narrative(
        'Illustrative record: demonstration data of the HSTF Portfolio, not a project of the Fund.',
      ),
    });
  }

  const dates: XmlObject[] = [];
  if (startDate) dates.push({ '@type': '1', '@iso-date': startDate });
  if (row.activated_on) dates.push({ '@type': '2', '@iso-date': row.activated_on });
  if (row.end_date) dates.push({ '@type': '3', '@iso-date': row.end_date });
  if (row.completed_on) dates.push({ '@type': '4', '@iso-date': row.completed_on });

  const participating: XmlObject[] = [
    { '@role': '1', ...fundOrg(publisher) },
    { '@role': '3', ...fundOrg(publisher) },
  ];
  for (const org of row.organizations) {
    const type = IATI_ORGANISATION_TYPE[org.kind];
    const roles = org.lead ? ['2', '4'] : ['4'];
    for (const role of roles) {
      participating.push({ '@role': role, ...(type ? { '@type': type } : {}), ...narrative(org.name) });
    }
  }

  const markers: XmlObject[] = [];
  for (const id of PRINCIPLE_IDS) {
    const score = row.scores[id];
    const significance = score ? principleSignificance(score.sum, score.count) : null;
    if (significance === null) continue;
    markers.push({
      '@vocabulary': '99',
      '@vocabulary-uri': PRINCIPLES_VOCABULARY_URI,
      '@code': id,
      '@significance': significance,
      ...narrative(principle(id).title),
    });
  }

  const budgets =
    row.approved_budget && row.start_date && row.end_date
      ? annualBudgetPeriods(row.start_date, row.end_date, row.approved_budget).map((period) => ({
          '@type': '1',
          '@status': '2',
          'period-start': { '@iso-date': period.start },
          'period-end': { '@iso-date': period.end },
          value: value(period.value, period.start),
        }))
      : [];

  const transactions: XmlObject[] = [];
  if (row.approved_budget && commitmentDate) {
    transactions.push({
      'transaction-type': { '@code': '2' },
      'transaction-date': { '@iso-date': commitmentDate },
      value: value(row.approved_budget, commitmentDate),
      description: narrative('Approved budget committed by the Fund'),
      'provider-org': { '@ref': publisher.organisationId, ...narrative(publisher.name) },
      ...(lead ? { 'receiver-org': narrative(lead.name) } : {}),
    });
  }
  for (const entry of row.entries) {
    // A refund is money back to the Fund: a negative disbursement. A reversal undoes its entry.
    const sign = entry.figure === 'refund' ? -entry.sign : entry.sign;
    const amount = sign < 0 ? `-${entry.amount}` : entry.amount;
    const what =
      entry.figure === 'refund'
        ? entry.sign < 0
          ? 'Reversal of a refund'
          : 'Refund to the Fund'
        : entry.sign < 0
          ? 'Reversal of a transfer'
          : 'Transfer';
    transactions.push({
      'transaction-type': { '@code': '3' },
      'transaction-date': { '@iso-date': entry.date },
      value: value(amount, entry.date),
      description: narrative(what),
      'provider-org': { '@ref': publisher.organisationId, ...narrative(publisher.name) },
      'receiver-org': narrative(entry.organization),
    });
  }

  return {
    '@default-currency': 'USD',
    '@hierarchy': '1',
    '@last-updated-datetime': row.updated_at,
    '@xml:lang': 'en',
    'iati-identifier': identifier,
    'reporting-org': {
      '@ref': publisher.organisationId,
      '@type': FUND_ORGANISATION_TYPE,
      ...narrative(publisher.name),
    },
    title: narratives(row.title, row.title_translations),
    ...(descriptions.length ? { description: descriptions } : {}),
    'participating-org': participating,
    'activity-status': { '@code': iatiActivityStatus(row.stage) ?? '2' },
    'activity-date': dates,
    'activity-scope': { '@code': row.countries.length > 1 ? '3' : '4' },
    ...(row.countries.length
      ? {
          'recipient-country': row.countries.map((code, index) => ({
            '@code': code,
            '@percentage': countryShares[index]!,
          })),
        }
      : {}),
    sector: iatiSectors(row.dimensions).map((sector) => ({
      '@vocabulary': '1',
      '@code': sector.code,
      '@percentage': sector.percentage,
    })),
    ...(row.sdgs.length
      ? {
          tag: [...row.sdgs]
            .sort((a, b) => a - b)
            .map((goal) => ({ '@vocabulary': '2', '@code': String(goal) })),
        }
      : {}),
    ...(markers.length ? { 'policy-marker': markers } : {}),
    'collaboration-type': { '@code': '2' },
    'default-flow-type': { '@code': '10' },
    'default-finance-type': { '@code': '110' },
    'default-aid-type': { '@code': 'C01', '@vocabulary': '1' },
    ...(budgets.length ? { budget: budgets } : {}),
    ...(transactions.length ? { transaction: transactions } : {}),
  };
}
