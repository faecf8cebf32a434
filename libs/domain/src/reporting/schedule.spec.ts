import {
  addMonthsClamped,
  anniversary,
  DEFAULT_REPORTING_TERMS,
  isReportOverdue,
  reportSchedule,
  rescheduleReports,
  type ScheduledReport,
} from './schedule';

const terms = DEFAULT_REPORTING_TERMS;

describe('the reporting schedule', () => {
  it('owes a progress report per project year ending before the end, then the two final reports', () => {
    expect(reportSchedule('2026-01-01', '2028-12-31', terms)).toEqual([
      {
        kind: 'progress',
        sequence: 1,
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        dueOn: '2027-03-31',
      },
      {
        kind: 'progress',
        sequence: 2,
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
        dueOn: '2028-03-31',
      },
      {
        kind: 'final_narrative',
        sequence: 1,
        periodStart: '2028-01-01',
        periodEnd: '2028-12-31',
        dueOn: '2029-03-31',
      },
      {
        kind: 'final_financial',
        sequence: 1,
        periodStart: '2026-01-01',
        periodEnd: '2028-12-31',
        dueOn: '2029-06-30',
      },
    ]);
  });

  it('gives a project of 14 months one progress report and a final narrative report on the last two months', () => {
    const schedule = reportSchedule('2026-03-15', '2027-05-14', terms);
    expect(schedule.map((r) => [r.kind, r.periodStart, r.periodEnd, r.dueOn])).toEqual([
      ['progress', '2026-03-15', '2027-03-14', '2027-06-14'],
      ['final_narrative', '2027-03-15', '2027-05-14', '2027-08-14'],
      ['final_financial', '2026-03-15', '2027-05-14', '2027-11-14'],
    ]);
  });

  it('owes no progress report from a project shorter than a year, nor one for a year ending on the end', () => {
    expect(reportSchedule('2026-01-01', '2026-10-31', terms).map((r) => r.kind)).toEqual([
      'final_narrative',
      'final_financial',
    ]);
    expect(reportSchedule('2026-01-01', '2026-12-31', terms).map((r) => r.kind)).toEqual([
      'final_narrative',
      'final_financial',
    ]);
    // One day more and the first year is a progress report of its own.
    expect(reportSchedule('2026-01-01', '2027-01-01', terms).map((r) => [r.kind, r.periodStart])).toEqual([
      ['progress', '2026-01-01'],
      ['final_narrative', '2027-01-01'],
      ['final_financial', '2026-01-01'],
    ]);
  });

  it('tiles project years from 29 February without a gap or an overlap', () => {
    expect(anniversary('2024-02-29', 1)).toBe('2025-03-01');
    expect(anniversary('2024-02-29', 4)).toBe('2028-02-29');
    const schedule = reportSchedule('2024-02-29', '2028-06-30', terms);
    expect(schedule.filter((r) => r.kind === 'progress').map((r) => [r.periodStart, r.periodEnd])).toEqual([
      ['2024-02-29', '2025-02-28'],
      ['2025-03-01', '2026-02-28'],
      ['2026-03-01', '2027-02-28'],
      ['2027-03-01', '2028-02-28'],
    ]);
    expect(schedule.find((r) => r.kind === 'final_narrative')!.periodStart).toBe('2028-02-29');
  });

  it('keeps deadlines inside their month, on 29 February in a leap year and 28 otherwise', () => {
    expect(addMonthsClamped('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonthsClamped('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonthsClamped('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonthsClamped('2026-12-31', 3)).toBe('2027-03-31');
    const schedule = reportSchedule('2025-09-01', '2027-08-31', terms);
    expect(schedule.find((r) => r.kind === 'final_financial')!.dueOn).toBe('2028-02-29');
    expect(schedule.find((r) => r.kind === 'progress')!.dueOn).toBe('2026-11-30');
  });

  it('follows the terms it is given', () => {
    const schedule = reportSchedule('2026-01-01', '2027-06-30', {
      progressReportMonths: 1,
      finalNarrativeMonths: 2,
      finalFinancialMonths: 12,
    });
    expect(schedule.map((r) => r.dueOn)).toEqual(['2027-01-31', '2027-08-30', '2028-06-30']);
  });

  it('refuses an end that is not after the start', () => {
    expect(() => reportSchedule('2026-01-01', '2026-01-01', terms)).toThrow(RangeError);
  });
});

describe('laying the schedule out again when the end date moves', () => {
  const on = (
    status: ScheduledReport['status'],
    kind: ScheduledReport['kind'],
    sequence: number,
    id: string,
  ) => ({
    id,
    kind,
    sequence,
    status,
  });

  it('moves the due reports to their new slots and keeps every report handed in', () => {
    const existing = [
      on('accepted', 'progress', 1, 'p1'),
      on('due', 'progress', 2, 'p2'),
      on('due', 'final_narrative', 1, 'fn'),
      on('due', 'final_financial', 1, 'ff'),
    ];
    // Extended by a year: a third progress report is owed; the finals move a year later.
    const later = reportSchedule('2026-01-01', '2029-12-31', terms);
    const changes = rescheduleReports(existing, later);
    expect(changes.remove).toEqual([]);
    expect(changes.insert.map((r) => [r.kind, r.sequence, r.dueOn])).toEqual([['progress', 3, '2029-03-31']]);
    expect(changes.update.map((u) => [u.id, u.planned.dueOn])).toEqual([
      ['p2', '2028-03-31'],
      ['fn', '2030-03-31'],
      ['ff', '2030-06-30'],
    ]);
  });

  it('drops due reports whose slot is gone and keeps a submitted one whatever the new end', () => {
    const existing = [
      on('accepted', 'progress', 1, 'p1'),
      on('submitted', 'progress', 2, 'p2'),
      on('due', 'progress', 3, 'p3'),
      on('returned', 'final_narrative', 1, 'fn'),
      on('due', 'final_financial', 1, 'ff'),
    ];
    const sooner = reportSchedule('2026-01-01', '2027-06-30', terms);
    const changes = rescheduleReports(existing, sooner);
    expect(changes.remove).toEqual(['p3']);
    expect(changes.insert).toEqual([]);
    expect(changes.update.map((u) => u.id)).toEqual(['ff']);
  });
});

describe('an overdue report', () => {
  it('is one not in whose due date has passed: due today is not overdue', () => {
    expect(isReportOverdue({ status: 'due', dueOn: '2027-03-31' }, '2027-03-31')).toBe(false);
    expect(isReportOverdue({ status: 'due', dueOn: '2027-03-31' }, '2027-04-01')).toBe(true);
    expect(isReportOverdue({ status: 'returned', dueOn: '2027-03-31' }, '2027-04-01')).toBe(true);
    expect(isReportOverdue({ status: 'submitted', dueOn: '2027-03-31' }, '2027-04-01')).toBe(false);
    expect(isReportOverdue({ status: 'accepted', dueOn: '2027-03-31' }, '2028-01-01')).toBe(false);
  });
});
