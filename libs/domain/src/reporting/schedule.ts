import { addDays, compareIsoDates, type IsoDate } from '../calendar/iso-date';

/** The reports a project owes once approved. */
export const REPORT_KINDS = ['progress', 'final_narrative', 'final_financial'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_STATUSES = ['due', 'submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/**
 * How long after a period's end each report is due, in calendar months. The values the product
 * starts with are configurable defaults (admins change them in the reporting settings), taken from
 * the reporting terms usual in UNTFHS guidelines: narrative reports within 3 months of the period's
 * end, the certified final financial statement within 6 months of the project's end.
 */
export interface ReportingTerms {
  progressReportMonths: number;
  finalNarrativeMonths: number;
  finalFinancialMonths: number;
}

export const DEFAULT_REPORTING_TERMS: Readonly<ReportingTerms> = {
  progressReportMonths: 3,
  finalNarrativeMonths: 3,
  finalFinancialMonths: 6,
};

export const REPORTING_TERMS_SOURCE =
  'Configurable defaults following the usual terms of the UNTFHS guidelines: annual progress and final ' +
  'narrative reports within 3 months of the end of the period they cover, the certified final financial ' +
  "statement within 6 months of the project's end.";

/** One report owed: its slot (kind and sequence) is what a later schedule is matched on. */
export interface PlannedReport {
  kind: ReportKind;
  /** 1, 2, 3… for progress reports (the project year); 1 for the final reports. */
  sequence: number;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  dueOn: IsoDate;
}

function parts(date: IsoDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function format(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthLength(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function shiftMonths(date: IsoDate, months: number): [number, number, number] {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  return [Math.floor(index / 12), (index % 12) + 1, d];
}

/**
 * A deadline `months` after a date, kept inside its month: 31 August + 6 months is the last day of
 * February, never a day of March, so "within six months" is never read longer than it is.
 */
export function addMonthsClamped(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = shiftMonths(date, months);
  return format(y, m, Math.min(d, monthLength(y, m)));
}

/**
 * The first day of project year `years + 1`: the start's anniversary, where a start on 29 February
 * has its anniversary on 1 March of a common year, so that every project year ends on the day before
 * the next begins and the years tile the project without a gap or an overlap.
 */
export function anniversary(start: IsoDate, years: number): IsoDate {
  const [y, m, d] = shiftMonths(start, years * 12);
  const last = monthLength(y, m);
  return d <= last ? format(y, m, d) : addDays(format(y, m, last), d - last);
}

/**
 * The reports a project owes from its approved dates (start < end):
 * - an annual progress report for every project year that ends before the project does, due
 *   `progressReportMonths` after the year's end;
 * - a final narrative report on the last period (from the end of the last progress period, or the
 *   start, to the end), due `finalNarrativeMonths` after the end: it stands in for the last year's
 *   progress report, so the periods of the narrative reports tile the project;
 * - a certified final financial statement on the whole project, due `finalFinancialMonths` after
 *   the end.
 */
export function reportSchedule(start: IsoDate, end: IsoDate, terms: ReportingTerms): PlannedReport[] {
  if (compareIsoDates(end, start) <= 0) {
    throw new RangeError(`The end (${end}) must be after the start (${start})`);
  }
  const planned: PlannedReport[] = [];
  let periodStart = start;
  for (let year = 1; ; year++) {
    const next = anniversary(start, year);
    const periodEnd = addDays(next, -1);
    if (compareIsoDates(periodEnd, end) >= 0) break;
    planned.push({
      kind: 'progress',
      sequence: year,
      periodStart,
      periodEnd,
      dueOn: addMonthsClamped(periodEnd, terms.progressReportMonths),
    });
    periodStart = next;
  }
  planned.push({
    kind: 'final_narrative',
    sequence: 1,
    periodStart,
    periodEnd: end,
    dueOn: addMonthsClamped(end, terms.finalNarrativeMonths),
  });
  planned.push({
    kind: 'final_financial',
    sequence: 1,
    periodStart: start,
    periodEnd: end,
    dueOn: addMonthsClamped(end, terms.finalFinancialMonths),
  });
  return planned;
}

/** A report already on file, as a new schedule is matched against it. */
export interface ScheduledReport {
  id: string;
  kind: ReportKind;
  sequence: number;
  status: ReportStatus;
}

export interface ScheduleChanges {
  insert: PlannedReport[];
  update: { id: string; planned: PlannedReport }[];
  remove: string[];
}

/**
 * What laying the schedule out again (the end date moved) changes. A report that was ever handed in
 * (submitted, accepted or returned) is kept as it is: it is a record of what the organization sent.
 * A report still due takes the new period and due date of its slot, or goes when its slot is gone
 * (the project ends sooner); slots with no report get one.
 */
export function rescheduleReports(
  existing: readonly ScheduledReport[],
  planned: readonly PlannedReport[],
): ScheduleChanges {
  const key = (r: { kind: ReportKind; sequence: number }) => `${r.kind}#${r.sequence}`;
  const byKey = new Map(existing.map((r) => [key(r), r]));
  const plannedKeys = new Set(planned.map(key));
  const changes: ScheduleChanges = { insert: [], update: [], remove: [] };
  for (const slot of planned) {
    const report = byKey.get(key(slot));
    if (!report) changes.insert.push(slot);
    else if (report.status === 'due') changes.update.push({ id: report.id, planned: slot });
  }
  for (const report of existing) {
    if (report.status === 'due' && !plannedKeys.has(key(report))) changes.remove.push(report.id);
  }
  return changes;
}

/**
 * Overdue: its due date has passed and it is not in (never handed in, or returned for another
 * version). Judged on a calendar day (the API's today is the UTC date), so a report due today is not
 * overdue until tomorrow.
 */
export function isReportOverdue(report: { status: ReportStatus; dueOn: IsoDate }, today: IsoDate): boolean {
  return (
    (report.status === 'due' || report.status === 'returned') && compareIsoDates(report.dueOn, today) < 0
  );
}
