import { COMMITTED_STAGES, RELEASING_STAGES } from '@hstf/domain';

/**
 * The Fund's ledger in SQL, for the whole portfolio at once: the same definitions as libs/domain's
 * fundLedger (received, committed, transferred, released, available, and the year each figure falls
 * in), kept equal to it by test/fund/ledger-sql.e2e-spec.ts. Every figure of the API (the ledger,
 * the overview, the balance an approval or a lower receipt is decided on) is computed from here.
 */

/**
 * The one lock every decision on the available balance takes before reading it: approvals
 * (lifecycle), changes that lower what was received (contributions) and reversals of refunds
 * (transfers); migration 1763870000007 also takes it on every write to contributions.
 * Transaction-scoped, so the commit or the rollback releases it.
 */
export const FUND_LEDGER_LOCK = `SELECT pg_advisory_xact_lock(hashtext('fund-ledger'))`;

const list = (stages: readonly string[]) => `(${stages.map((s) => `'${s}'`).join(', ')})`;
const COMMITTED = list(COMMITTED_STAGES);
const RELEASING = list(RELEASING_STAGES);

/**
 * Each money entry with what it does: a transfer or refund counts for itself; a reversal counts
 * against the kind of the entry it reverses (figure), with the sign −1; a reversal of a reversal
 * counts for nothing (figure null).
 */
const ENTRY_EFFECTS = `
  SELECT e.project_id, e.transferred_on, e.amount_usd,
         CASE WHEN e.kind = 'reversal' THEN CASE WHEN r.kind <> 'reversal' THEN r.kind END ELSE e.kind END AS figure,
         CASE WHEN e.kind = 'reversal' THEN -1 ELSE 1 END AS sign
  FROM transfers e LEFT JOIN transfers r ON r.id = e.reverses_id`;

/** The decision dates the ledger dates commitments and releases by, one row per project. */
const DECISIONS = `
  SELECT project_id,
         max(decided_on) FILTER (WHERE to_stage = 'approved') AS approved_on,
         max(decided_on) FILTER (WHERE to_stage = 'completed') AS completed_on
  FROM project_transitions WHERE to_stage IN ('approved', 'completed') GROUP BY project_id`;

/**
 * Every receipt and reversal the Fund counts as received, signed (a reversal subtracts): those of
 * contributions not cancelled. Columns: contribution_id, donor_id, received_on, amount (in the
 * pledge's currency) and usd (at the receipt's rate). Everything "received" is summed from here.
 */
export const RECEIVED_ENTRIES = `
  SELECT r.contribution_id, c.donor_id, r.received_on,
         CASE WHEN r.kind = 'receipt' THEN r.amount ELSE -r.amount END AS amount,
         CASE WHEN r.kind = 'receipt' THEN r.usd_amount ELSE -r.usd_amount END AS usd
  FROM contribution_receipts r JOIN contributions c ON c.id = r.contribution_id
  WHERE c.status <> 'cancelled'`;

/**
 * Per pledge (contribution_id): received, its net receipts in USD at their rates, and outstanding,
 * what is left to pay (its amount less the net amount received, never below zero) at the pledge's
 * rate; both zero once cancelled (libs/domain's receivedFromReceipts and outstandingUsd).
 */
export const PLEDGE_FIGURES_SQL = `
  SELECT c.id AS contribution_id,
         CASE WHEN c.status = 'cancelled' THEN 0 ELSE coalesce(x.usd, 0) END AS received,
         CASE WHEN c.status = 'cancelled' THEN 0
              ELSE round(greatest(c.amount - coalesce(x.amount, 0), 0) * c.exchange_rate, 2) END AS outstanding
  FROM contributions c
  LEFT JOIN (SELECT contribution_id, sum(amount) AS amount, sum(usd) AS usd FROM (${RECEIVED_ENTRIES}) e
             GROUP BY contribution_id) x ON x.contribution_id = c.id`;

/**
 * Per donor and year (libs/domain's donorYears): pledged (a pledge's USD amount at its rate, by its
 * pledge date), received (net receipts in USD, by each receipt's date) and outstanding (what is left
 * to pay on each pledge at its rate, never below zero, in the pledge's year). Cancelled pledges count
 * for nothing. Columns: donor_id, year, pledged, received, outstanding (numeric, unrounded sums).
 */
export const DONOR_YEARS_SQL = `
  SELECT donor_id, year, sum(pledged) AS pledged, sum(received) AS received, sum(outstanding) AS outstanding
  FROM (
    SELECT c.donor_id, extract(year FROM c.pledged_on)::int AS year, c.usd_amount AS pledged, 0::numeric AS received,
           f.outstanding
    FROM contributions c JOIN (${PLEDGE_FIGURES_SQL}) f ON f.contribution_id = c.id
    WHERE c.status <> 'cancelled'
    UNION ALL
    SELECT donor_id, extract(year FROM received_on)::int, 0, usd, 0 FROM (${RECEIVED_ENTRIES}) e
  ) m
  GROUP BY donor_id, year`;

/**
 * What each donor has received, up to the date in parameter `upTo` (a placeholder such as '$2', or
 * NULL for all), donors whose receipts add up to zero left out (libs/domain's receivedByDonor).
 * Columns: donor_id, received.
 */
export function receivedByDonorSql(upTo: string): string {
  return `
    SELECT donor_id, sum(usd) AS received FROM (${RECEIVED_ENTRIES}) e
    WHERE ${upTo} IS NULL OR e.received_on <= ${upTo}
    GROUP BY donor_id HAVING sum(usd) <> 0`;
}

/**
 * The donor's received money over all the Fund's received, both up to `upTo` (libs/domain's
 * shareOfFund): text with six decimals, '0' when nothing was received. `donor` and `upTo` are
 * placeholders.
 */
export function shareOfFundSql(donor: string, upTo: string): string {
  return `
    SELECT CASE WHEN coalesce(sum(received), 0) = 0 THEN '0'
                ELSE round(coalesce(sum(received) FILTER (WHERE donor_id = ${donor}), 0) / sum(received), 6)::text
           END AS share
    FROM (${receivedByDonorSql(`${upTo}::date`)}) s`;
}

/** What one contribution counts for in received, its id the parameter $1 (receivedFromReceipts). */
export const RECEIVED_OF_SQL = `
  SELECT round(coalesce(sum(usd), 0), 2)::text AS received FROM (${RECEIVED_ENTRIES}) e WHERE e.contribution_id = $1`;

/**
 * One row per movement of a figure: (year, received, committed, transferred, released). With
 * `byYear` false every year is null and the decision dates are not read, for the overall balance.
 */
export function ledgerMovementsSql(byYear: boolean): string {
  const year = (date: string) => (byYear ? `extract(year FROM ${date})::int` : `NULL::int`);
  const decisions = byYear ? `LEFT JOIN (${DECISIONS}) d ON d.project_id = p.id` : '';
  return `
    SELECT ${year('r.received_on')} AS year, r.usd AS received,
           0::numeric AS committed, 0::numeric AS transferred, 0::numeric AS released
    FROM (${RECEIVED_ENTRIES}) r
    UNION ALL
    SELECT ${year('coalesce(d.approved_on, p.start_date)')}, 0, p.approved_budget, 0, 0
    FROM projects p ${decisions}
    WHERE p.deleted_at IS NULL AND p.approved_budget IS NOT NULL AND p.stage IN ${COMMITTED}
    UNION ALL
    SELECT ${year('coalesce(d.completed_on, p.end_date)')}, 0, 0, 0,
           greatest(p.approved_budget - coalesce(s.transferred, 0), 0)
    FROM projects p ${decisions}
    LEFT JOIN (SELECT project_id, sum(sign * amount_usd) AS transferred FROM (${ENTRY_EFFECTS}) x
               WHERE figure = 'transfer' GROUP BY project_id) s ON s.project_id = p.id
    WHERE p.deleted_at IS NULL AND p.approved_budget IS NOT NULL AND p.stage IN ${RELEASING}
    UNION ALL
    SELECT ${year('x.transferred_on')}, 0, 0,
           CASE WHEN x.figure = 'transfer' THEN x.sign * x.amount_usd ELSE 0 END,
           CASE WHEN x.figure = 'refund' THEN x.sign * x.amount_usd ELSE 0 END
    FROM (${ENTRY_EFFECTS}) x WHERE x.figure IS NOT NULL`;
}

/** The figures of a set of movements named `from` as a JSON object (money as text, two decimals). */
export function ledgerFiguresJson(from: string): string {
  return `(SELECT json_build_object(
      'received', round(coalesce(sum(received), 0), 2)::text,
      'committed', round(coalesce(sum(committed), 0), 2)::text,
      'transferred', round(coalesce(sum(transferred), 0), 2)::text,
      'released', round(coalesce(sum(released), 0), 2)::text,
      'available', round(coalesce(sum(received) - sum(committed) + sum(released), 0), 2)::text)
    FROM ${from})`;
}

/**
 * The ledger's movements as the write transactions keep them summed (migration 1763900001200's
 * dashboard_summary, one row per year): the columns of ledgerMovementsSql, a row per year.
 */
export const SUMMARY_LEDGER_MOVEMENTS = `
  SELECT nullif(key, '')::int AS year, a AS received, b AS committed, c AS transferred, d AS released
  FROM dashboard_summary WHERE figure = 'ledger' AND n > 0`;

/** The ledger (a FundLedger) of a set of movements, overall and by year, in one statement. */
function ledgerSql(movements: string): string {
  return `
  WITH movements AS (${movements}),
  years AS (
    SELECT year, sum(received) AS r, sum(committed) AS c, sum(transferred) AS t, sum(released) AS l
    FROM movements GROUP BY year
  )
  SELECT json_build_object(
    'overall', ${ledgerFiguresJson('movements')},
    'byYear', coalesce((SELECT json_agg(json_build_object(
        'year', year, 'received', round(r, 2)::text, 'committed', round(c, 2)::text,
        'transferred', round(t, 2)::text, 'released', round(l, 2)::text,
        'available', round(r - c + l, 2)::text) ORDER BY year NULLS LAST)
      FROM years), '[]')
  )::text AS ledger`;
}

/**
 * The ledger (a FundLedger) from the summary the writes keep: a few dozen rows at any portfolio
 * size, exact and current. Sums stay numeric; round(…, 2), unlike a numeric(18,2) cast, cannot
 * overflow on a large sum.
 */
export const LEDGER_SQL = ledgerSql(SUMMARY_LEDGER_MOVEMENTS);

/**
 * The ledger (a FundLedger) computed from every row, the definition the summary must equal
 * (test/dashboard/summary-parity.e2e-spec.ts); it reads the whole portfolio.
 */
export const LIVE_LEDGER_SQL = ledgerSql(ledgerMovementsSql(true));

/** The available balance alone (received − committed + released), as text: what decisions read. */
export const AVAILABLE_SQL = `
  SELECT round(coalesce(sum(received) - sum(committed) + sum(released), 0), 2)::text AS available
  FROM (${ledgerMovementsSql(false)}) m`;

/**
 * The year a commitment falls in on every by-year view: the approval decision, else the start date.
 * `project` is an alias of projects; the value is an int or null.
 */
export function commitmentYearSql(project: string): string {
  return `extract(year FROM coalesce((SELECT max(t.decided_on) FROM project_transitions t
            WHERE t.project_id = ${project}.id AND t.to_stage = 'approved'), ${project}.start_date))::int`;
}
