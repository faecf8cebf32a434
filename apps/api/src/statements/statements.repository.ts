import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { centsToMoney, exchangeDifferenceOf, PRINCIPLE_IDS, toCents } from '@hstf/domain';
import type { PrincipleId } from '@hstf/domain';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { PLEDGE_FIGURES_SQL, RECEIVED_ENTRIES, shareOfFundSql } from '../fund';

export interface StatementDonor {
  id: string;
  name: string;
  kind: string;
}

/**
 * A pledge as the statement shows it, with its rate; the money received against it is in the
 * receipts (StatementReceipt), each at its own rate.
 */
export interface StatementContribution {
  pledgedOn: string;
  receivedOn: string | null;
  status: 'pledged' | 'received' | 'cancelled';
  amount: string;
  currency: string;
  exchangeRate: string;
  usdAmount: string;
  /** Its receipts less their reversals, in USD at each receipt's rate; zero once cancelled. */
  receivedUsd: string;
  /** What is left to pay, at the pledge's rate; zero once cancelled or paid. */
  outstandingUsd: string;
  reference: string | null;
  earmarking: string | null;
}

export interface FundedProject {
  code: string;
  title: string;
  /** Transferred to the project in the period, net of refunds and reversals (USD). */
  transferred: string;
  /** The donor's share of it, pro rata to its received money over the Fund's (USD). */
  share: string;
}

/** A receipt (or the reversal of one) dated in the period, with its exchange difference. */
export interface StatementReceipt {
  receivedOn: string;
  kind: 'receipt' | 'reversal';
  amount: string;
  currency: string;
  exchangeRate: string;
  usdAmount: string;
  /** USD value less the same amount at the pledge's rate; for a reversal, the opposite of its receipt's. */
  exchangeDifference: string;
}

export interface DonorStatementData {
  donor: StatementDonor;
  contributions: StatementContribution[];
  receipts: StatementReceipt[];
  /** Received in the period from the donor's pledges not cancelled, net of reversals (USD). */
  receivedInPeriod: string;
  /** Σ of the receipts' exchange differences: the Fund's gain (positive) or loss (negative). */
  exchangeDifference: string;
  /** The donor's received money over all the Fund's received, up to the period's end (0–1), from receipts. */
  shareOfFund: string;
  funded: FundedProject[];
}

/**
 * The money a transfer moves, as the ledger counts it (fund/ledger.sql.ts): a transfer out counts
 * for itself, a refund against it, a reversal against what it reverses.
 */
const NET_TRANSFER = `
  CASE
    WHEN e.kind = 'transfer' THEN e.amount_usd
    WHEN e.kind = 'refund' THEN -e.amount_usd
    WHEN r.kind = 'transfer' THEN -e.amount_usd
    WHEN r.kind = 'refund' THEN e.amount_usd
    ELSE 0
  END`;

/**
 * The donor's pledges made in the period or paid (a receipt or reversal) in it, each with what it
 * has received and what is outstanding, from its receipts (the fund's PLEDGE_FIGURES_SQL).
 */
const CONTRIBUTIONS_SQL = `
  SELECT to_char(c.pledged_on, 'YYYY-MM-DD') AS "pledgedOn", to_char(c.received_on, 'YYYY-MM-DD') AS "receivedOn",
         c.status, c.amount::text AS amount, c.currency, c.exchange_rate::text AS "exchangeRate",
         c.usd_amount::text AS "usdAmount", round(f.received, 2)::text AS "receivedUsd",
         round(f.outstanding, 2)::text AS "outstandingUsd", c.reference, c.earmarking
  FROM contributions c JOIN (${PLEDGE_FIGURES_SQL}) f ON f.contribution_id = c.id
  WHERE c.donor_id = $1
    AND (c.pledged_on BETWEEN $2 AND $3
         OR EXISTS (SELECT 1 FROM contribution_receipts r WHERE r.contribution_id = c.id AND r.received_on BETWEEN $2 AND $3))
  ORDER BY c.pledged_on, c.received_on NULLS LAST, c.id`;

/** What the donor's pledges received in the period, net of reversals (USD, cancelled pledges excluded). */
const PERIOD_RECEIVED_SQL = `
  SELECT round(coalesce(sum(e.usd), 0), 2)::text AS received
  FROM (${RECEIVED_ENTRIES}) e WHERE e.donor_id = $1 AND e.received_on BETWEEN $2 AND $3`;

const RECEIPTS_SQL = `
  SELECT to_char(r.received_on, 'YYYY-MM-DD') AS "receivedOn", r.kind, r.amount::text AS amount, c.currency,
         r.exchange_rate::text AS "exchangeRate", r.usd_amount::text AS "usdAmount",
         c.exchange_rate::text AS "pledgeRate"
  FROM contribution_receipts r JOIN contributions c ON c.id = r.contribution_id
  WHERE c.donor_id = $1 AND r.received_on BETWEEN $2 AND $3
  ORDER BY r.received_on, r.recorded_order`;

const SHARE_SQL = shareOfFundSql('$1::uuid', '$2');

const FUNDED_SQL = `
  SELECT p.code, p.title, round(sum(${NET_TRANSFER}), 2)::text AS transferred,
         round(sum(${NET_TRANSFER}) * $3::numeric, 2)::text AS share
  FROM transfers e
  LEFT JOIN transfers r ON r.id = e.reverses_id
  JOIN projects p ON p.id = e.project_id
  WHERE e.transferred_on BETWEEN $1 AND $2 AND p.deleted_at IS NULL
  GROUP BY p.id, p.code, p.title
  HAVING sum(${NET_TRANSFER}) <> 0
  ORDER BY p.code, p.id`;

export interface FactSheetProject {
  id: string;
  code: string;
  title: string;
  summary: string;
  window: string;
  stage: string;
  requestedBudget: string;
  approvedBudget: string | null;
  coFunding: string;
  startDate: string | null;
  endDate: string | null;
  leadOrganization: string | null;
  countries: { iso3: string; iso2: string; name: string }[];
  organizations: { name: string; budgetShare: string }[];
  /** Transferred, net of refunds and reversals (USD). */
  transferredNet: string;
  transfers: { date: string; organization: string; kind: string; amount: string; tranche: number }[];
  /** Per principle, the mean of the counted scores of the latest round (0–4), null without any. */
  scores: Record<PrincipleId, number | null>;
  /** How many reviews the means are taken over. */
  reviewCount: number;
  indicators: { name: string; unit: string; baseline: string; target: string; latest: string | null }[];
}

const scoreColumns = PRINCIPLE_IDS.map((p) => `'${p}', round(avg(r.score_${p}), 2)`).join(', ');

const FACT_SHEET_SQL = `
  SELECT p.id, p.code, p.title, p.summary, p."window", p.stage,
         p.requested_budget::text AS "requestedBudget", p.approved_budget::text AS "approvedBudget",
         p.co_funding::text AS "coFunding",
         to_char(p.start_date, 'YYYY-MM-DD') AS "startDate", to_char(p.end_date, 'YYYY-MM-DD') AS "endDate",
         lead.name AS "leadOrganization",
         coalesce((SELECT json_agg(json_build_object('iso3', c.iso3, 'iso2', c.iso2, 'name', c.name) ORDER BY c.name)
                   FROM project_countries pc JOIN countries c ON c.iso3 = pc.country_iso3
                   WHERE pc.project_id = p.id), '[]') AS countries,
         coalesce((SELECT json_agg(json_build_object('name', o.name, 'budgetShare', po.budget_share::text)
                                   ORDER BY o.id = p.lead_organization_id DESC, o.name)
                   FROM project_organizations po JOIN organizations o ON o.id = po.organization_id
                   WHERE po.project_id = p.id), '[]') AS organizations,
         coalesce((SELECT json_agg(json_build_object(
                     'date', to_char(e.transferred_on, 'YYYY-MM-DD'), 'organization', o.name,
                     'kind', e.kind, 'amount', e.amount_usd::text, 'tranche', e.tranche)
                   ORDER BY e.transferred_on, e.created_at, e.id)
                   FROM transfers e JOIN organizations o ON o.id = e.organization_id
                   WHERE e.project_id = p.id), '[]') AS transfers,
         (SELECT round(coalesce(sum(${NET_TRANSFER}), 0), 2)::text
          FROM transfers e LEFT JOIN transfers r ON r.id = e.reverses_id
          WHERE e.project_id = p.id) AS "transferredNet",
         s.scores, s.count AS "reviewCount",
         coalesce((SELECT json_agg(json_build_object(
                     'name', i.name, 'unit', i.unit, 'baseline', i.baseline::text, 'target', i.target::text,
                     'latest', (SELECT a.value::text FROM indicator_actuals a JOIN reports rp ON rp.id = a.report_id
                                WHERE a.indicator_id = i.id AND rp.status = 'accepted'
                                ORDER BY rp.period_end DESC, rp.id DESC LIMIT 1))
                   ORDER BY i.created_at, i.id)
                   FROM indicators i WHERE i.project_id = p.id), '[]') AS indicators
  FROM projects p
  LEFT JOIN organizations lead ON lead.id = p.lead_organization_id
  LEFT JOIN LATERAL (
    SELECT json_build_object(${scoreColumns}) AS scores, count(*)::int AS count
    FROM reviews r
    WHERE r.project_id = p.id AND r.status = 'submitted' AND r.conflict_declared IS FALSE
      -- Only the latest review round counts, as in the assessment.
      AND r.round = (SELECT max(rr.number) FROM review_rounds rr WHERE rr.project_id = p.id)
  ) s ON true
  WHERE p.id = $1 AND p.deleted_at IS NULL`;

@Injectable()
export class StatementsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async donor(id: string): Promise<StatementDonor | null> {
    const [row] = await preparedQuery<StatementDonor>(
      this.dataSource,
      `SELECT id, name, kind FROM donors WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  async donorStatement(donor: StatementDonor, from: string, to: string): Promise<DonorStatementData> {
    const contributions = await preparedQuery<StatementContribution>(this.dataSource, CONTRIBUTIONS_SQL, [
      donor.id,
      from,
      to,
    ]);
    const [row] = await preparedQuery<{ share: string }>(this.dataSource, SHARE_SQL, [donor.id, to]);
    const [period] = await preparedQuery<{ received: string }>(this.dataSource, PERIOD_RECEIVED_SQL, [
      donor.id,
      from,
      to,
    ]);
    const share = row?.share ?? '0';
    const funded = await preparedQuery<FundedProject>(this.dataSource, FUNDED_SQL, [from, to, share]);
    const rows = await preparedQuery<Omit<StatementReceipt, 'exchangeDifference'> & { pledgeRate: string }>(
      this.dataSource,
      RECEIPTS_SQL,
      [donor.id, from, to],
    );
    let total = 0n;
    const receipts = rows.map(({ pledgeRate, ...receipt }) => {
      const difference = toCents(exchangeDifferenceOf(pledgeRate, receipt));
      const signed = receipt.kind === 'reversal' ? -difference : difference;
      total += signed;
      return { ...receipt, exchangeDifference: centsToMoney(signed) };
    });
    return {
      donor,
      contributions,
      receipts,
      receivedInPeriod: period!.received,
      exchangeDifference: centsToMoney(total),
      shareOfFund: share,
      funded,
    };
  }

  async factSheet(projectId: string): Promise<FactSheetProject | null> {
    const [row] = await preparedQuery<FactSheetProject>(this.dataSource, FACT_SHEET_SQL, [projectId]);
    return row ?? null;
  }
}
