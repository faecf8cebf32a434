import { toCents } from '@hstf/domain';
import { PRINCIPLE_IDS } from '@hstf/domain';
import type { ComplianceStatus } from '@hstf/domain';
import { StatementPdf } from './statement-pdf';
import type { DonorStatementData, FactSheetProject } from './statements.repository';
import {
  PARAGRAPH6_WORDS,
  PRINCIPLE_WORDS,
  STAGE_WORDS,
  STATEMENT_WORDS,
  type StatementLanguage,
  type StatementWord,
} from './statement-words';

/** What the fact sheet shows of paragraph 6: the status on the project's date, per country. */
export interface FactSheetParagraph6 {
  on: string;
  status: ComplianceStatus;
  countries: { iso3: string; name: string; status: ComplianceStatus }[];
}

/** Numbers and dates as the reader writes them, with Latin digits in every language (as the dashboard). */
class Wording {
  private readonly money: Intl.NumberFormat;
  private readonly rate: Intl.NumberFormat;
  private readonly percent: Intl.NumberFormat;
  private readonly score: Intl.NumberFormat;
  private readonly dates: Intl.DateTimeFormat;
  private readonly regions: Intl.DisplayNames;

  constructor(readonly language: StatementLanguage) {
    const locale = `${language}-u-nu-latn`;
    this.money = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    this.rate = new Intl.NumberFormat(locale, { maximumFractionDigits: 8 });
    this.percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
    this.score = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 });
    this.dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    this.regions = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
  }

  t(word: StatementWord, facts: Record<string, string> = {}): string {
    return STATEMENT_WORDS[word][this.language].replace(/\{(\w+)\}/g, (_, name: string) => facts[name] ?? '');
  }

  /** Money is decimal text: formatted without passing through a float where the digits matter. */
  amount(value: string | null): string {
    return value === null ? this.t('notSet') : this.money.format(value as unknown as number);
  }

  usd(value: string | null): string {
    return value === null ? this.t('notSet') : `${this.amount(value)} USD`;
  }

  exchangeRate(value: string): string {
    return this.rate.format(value as unknown as number);
  }

  share(value: string): string {
    return this.percent.format(Number(value));
  }

  mean(value: number | null): string {
    return value === null ? this.t('notSet') : this.score.format(value);
  }

  date(value: string | null): string {
    return value ? this.dates.format(new Date(`${value}T00:00:00Z`)) : this.t('notSet');
  }

  country(iso2: string, name: string): string {
    return this.regions.of(iso2) ?? name;
  }
}

function newDocument(words: Wording, title: string): StatementPdf {
  const pdf = new StatementPdf(words.language === 'ar', { title, language: words.language });
  pdf.note(words.t('fund'));
  pdf.title(title);
  return pdf;
}

export function donorStatementPdf(
  data: DonorStatementData,
  period: { from: string; to: string },
  language: StatementLanguage,
  today: string,
): Promise<Buffer> {
  const words = new Wording(language);
  const pdf = newDocument(words, `${words.t('donorStatement')}: ${data.donor.name}`);
  pdf.facts([
    [words.t('donor'), data.donor.name],
    [words.t('period'), `${words.date(period.from)} – ${words.date(period.to)}`],
    [words.t('issuedOn'), words.date(today)],
  ]);

  const live = data.contributions.filter((c) => c.status !== 'cancelled');
  const pledged = sum(
    live.filter((c) => c.pledgedOn >= period.from && c.pledgedOn <= period.to),
    'usdAmount',
  );
  const received = data.receivedInPeriod;
  const outstanding = sum(live, 'outstandingUsd');
  pdf.heading(words.t('summary'));
  pdf.facts([
    [words.t('pledged'), words.usd(pledged)],
    [words.t('received'), words.usd(received)],
    [words.t('outstanding'), words.usd(outstanding)],
  ]);

  pdf.heading(words.t('contributions'));
  if (data.contributions.length === 0) pdf.paragraph(words.t('none'));
  else
    pdf.table(
      [
        { label: words.t('pledgedOn'), width: 0.11 },
        { label: words.t('status'), width: 0.09 },
        { label: words.t('amount'), width: 0.16, numeric: true },
        { label: words.t('rate'), width: 0.08, numeric: true },
        { label: words.t('usd'), width: 0.13, numeric: true },
        { label: words.t('received'), width: 0.13, numeric: true },
        { label: words.t('toPay'), width: 0.13, numeric: true },
        { label: words.t('reference'), width: 0.17 },
      ],
      data.contributions.map((c) => [
        words.date(c.pledgedOn),
        words.t(`statuses_${c.status}`),
        `${words.amount(c.amount)} ${c.currency}`,
        words.exchangeRate(c.exchangeRate),
        words.amount(c.usdAmount),
        words.amount(c.receivedUsd),
        words.amount(c.outstandingUsd),
        c.reference ?? '',
      ]),
    );

  pdf.heading(words.t('receipts'));
  if (data.receipts.length === 0) pdf.paragraph(words.t('none'));
  else
    pdf.table(
      [
        { label: words.t('receivedOn'), width: 0.16 },
        { label: words.t('amount'), width: 0.24, numeric: true },
        { label: words.t('rate'), width: 0.14, numeric: true },
        { label: words.t('usd'), width: 0.22, numeric: true },
        { label: words.t('difference'), width: 0.24, numeric: true },
      ],
      data.receipts.map((r) => [
        r.kind === 'reversal'
          ? `${words.date(r.receivedOn)} (${words.t('reversal')})`
          : words.date(r.receivedOn),
        `${words.amount(r.kind === 'reversal' ? `-${r.amount}` : r.amount)} ${r.currency}`,
        words.exchangeRate(r.exchangeRate),
        words.amount(r.kind === 'reversal' ? `-${r.usdAmount}` : r.usdAmount),
        words.amount(r.exchangeDifference),
      ]),
    );

  pdf.heading(words.t('exchange'));
  if (toCents(data.exchangeDifference) === 0n) pdf.paragraph(words.t('exchangeNote'));
  else
    pdf.paragraph(
      words.t(data.exchangeDifference.startsWith('-') ? 'exchangeLoss' : 'exchangeGain', {
        amount: words.usd(data.exchangeDifference.replace(/^-/, '')),
      }),
    );

  pdf.heading(words.t('funded'));
  pdf.paragraph(words.t('fundedNote', { share: words.share(data.shareOfFund) }));
  if (data.funded.length === 0) pdf.paragraph(words.t('none'));
  else
    pdf.table(
      [
        { label: words.t('project'), width: 0.56 },
        { label: words.t('transferred'), width: 0.22, numeric: true },
        { label: words.t('donorShare'), width: 0.22, numeric: true },
      ],
      data.funded.map((f) => [`${f.code} ${f.title}`, words.usd(f.transferred), words.usd(f.share)]),
    );
  return pdf.end();
}

export function factSheetPdf(
  project: FactSheetProject,
  paragraph6: FactSheetParagraph6,
  language: StatementLanguage,
  today: string,
): Promise<Buffer> {
  const words = new Wording(language);
  const pdf = newDocument(words, `${words.t('factSheet')}: ${project.code}`);
  pdf.heading(project.title);
  if (project.summary.trim()) pdf.paragraph(project.summary);
  pdf.facts([
    [words.t('code'), project.code],
    [words.t('window'), project.window],
    [words.t('stage'), STAGE_WORDS[project.stage]?.[language] ?? project.stage],
    [words.t('dates'), `${words.date(project.startDate)} – ${words.date(project.endDate)}`],
    [words.t('leadOrganization'), project.leadOrganization ?? words.t('notSet')],
    [words.t('countries'), project.countries.map((c) => words.country(c.iso2, c.name)).join(', ')],
    [words.t('issuedOn'), words.date(today)],
  ]);

  pdf.heading(words.t('budget'));
  pdf.facts([
    [words.t('requestedBudget'), words.usd(project.requestedBudget)],
    [words.t('approvedBudget'), words.usd(project.approvedBudget)],
    [words.t('coFunding'), words.usd(project.coFunding)],
    [words.t('transferredNet'), words.usd(project.transferredNet)],
  ]);
  if (project.transfers.length > 0)
    pdf.table(
      [
        { label: words.t('date'), width: 0.18 },
        { label: words.t('organization'), width: 0.4 },
        { label: words.t('kind'), width: 0.14 },
        { label: words.t('tranche'), width: 0.1, numeric: true },
        { label: words.t('amount'), width: 0.18, numeric: true },
      ],
      project.transfers.map((e) => [
        words.date(e.date),
        e.organization,
        words.t(`kinds_${e.kind}` as StatementWord),
        String(e.tranche),
        words.usd(e.amount),
      ]),
    );

  pdf.heading(words.t('paragraph6'));
  pdf.facts([
    [words.t('status'), PARAGRAPH6_WORDS[paragraph6.status][language]],
    [words.t('judgedOn'), words.date(paragraph6.on)],
  ]);
  if (paragraph6.countries.length > 0)
    pdf.table(
      [
        { label: words.t('country'), width: 0.6 },
        { label: words.t('status'), width: 0.4 },
      ],
      paragraph6.countries.map((c) => [
        words.country(project.countries.find((p) => p.iso3 === c.iso3)?.iso2 ?? '', c.name),
        PARAGRAPH6_WORDS[c.status][language],
      ]),
    );

  pdf.heading(words.t('scorecard'));
  if (project.reviewCount === 0) pdf.paragraph(words.t('noScores'));
  else {
    pdf.table(
      [
        { label: words.t('principle'), width: 0.6 },
        { label: words.t('meanScore'), width: 0.4, numeric: true },
      ],
      PRINCIPLE_IDS.map((p) => [PRINCIPLE_WORDS[p][language], words.mean(project.scores[p])]),
    );
    pdf.note(words.t('scoresNote', { count: String(project.reviewCount) }));
  }

  pdf.heading(words.t('results'));
  if (project.indicators.length === 0) pdf.paragraph(words.t('noIndicators'));
  else
    pdf.table(
      [
        { label: words.t('indicator'), width: 0.46 },
        { label: words.t('baseline'), width: 0.18, numeric: true },
        { label: words.t('target'), width: 0.18, numeric: true },
        { label: words.t('latest'), width: 0.18, numeric: true },
      ],
      project.indicators.map((i) => [
        `${i.name} (${i.unit})`,
        trimNumber(i.baseline),
        trimNumber(i.target),
        i.latest === null ? words.t('notSet') : trimNumber(i.latest),
      ]),
    );
  return pdf.end();
}

function cents(amount: string): number {
  return Math.round(Number(amount) * 100);
}

function fromCents(value: number): string {
  return (value / 100).toFixed(2);
}

function sum<T extends Record<K, string>, K extends string>(rows: readonly T[], key: K): string {
  return fromCents(rows.reduce((total, row) => total + cents(row[key]), 0));
}

/** Indicator values are numeric(18,4): "12.5000" reads 12.5. */
function trimNumber(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}
