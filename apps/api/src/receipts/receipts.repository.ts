import type {
  ContributionStatus,
  EarmarkCeiling,
  Receipt,
  ReturnKind,
  TracedProject,
  TracedReturn,
} from '@hstf/domain';
import { COMMITTED_STAGES, RELEASING_STAGES } from '@hstf/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { moneyOut } from '../common/money/money.decorators';
import { preparedQuery } from '../database/prepared-query';

export interface PledgeRow {
  id: string;
  donor_id: string;
  status: ContributionStatus;
  amount: string;
  currency: string;
  exchange_rate: string;
  pledged_on: string;
}

interface ReceiptRow {
  id: string;
  contribution_id: string;
  kind: Receipt['kind'];
  reverses_id: string | null;
  received_on: string;
  amount: string;
  exchange_rate: string;
  usd_amount: string;
  earmark_kind: Receipt['earmark']['kind'];
  earmark_target: string | null;
  note: string | null;
  illustrative: boolean;
  created_at: Date;
}

export interface DonorReceiptRow extends ReceiptRow {
  recorded_order: string;
  currency: string;
  pledge_rate: string;
  pledge_status: ContributionStatus;
  reference: string | null;
  reversed_by: string | null;
}

export interface StoredReceipt extends Receipt {
  note: string | null;
  illustrative: boolean;
  createdAt: string;
}

const RECEIPT_COLUMNS = `r.id, r.contribution_id, r.kind, r.reverses_id, r.received_on::text AS received_on, r.amount,
  r.exchange_rate, r.usd_amount, r.earmark_kind, r.earmark_target, r.note, r.illustrative, r.created_at`;

const COMMITTED = COMMITTED_STAGES.map((s) => `'${s}'`).join(', ');
const RELEASING = RELEASING_STAGES.map((s) => `'${s}'`).join(', ');
/** A recorded moment as text that sorts as it happened: approvals and returns of a day in order. */
const MOMENT = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

/** The SQL of receipts and of what tracing reads; ReceiptsService decides. */
@Injectable()
export class ReceiptsRepository {
  /** The pledge, locked until the caller's transaction ends; `donorId` limits it to one donor's. */
  async pledge(
    manager: EntityManager,
    id: string,
    lock: boolean,
    donorId?: string,
  ): Promise<PledgeRow | undefined> {
    const [row] = await preparedQuery<PledgeRow>(
      manager,
      `SELECT id, donor_id, status, amount, currency, exchange_rate, pledged_on::text AS pledged_on
       FROM contributions WHERE id = $1 AND ($2::uuid IS NULL OR donor_id = $2::uuid) ${lock ? 'FOR UPDATE' : ''}`,
      [id, donorId ?? null],
    );
    return row && { ...row, amount: moneyOut(row.amount)! };
  }

  async receipts(manager: EntityManager, contributionId: string): Promise<StoredReceipt[]> {
    const rows = await preparedQuery<ReceiptRow>(
      manager,
      `SELECT ${RECEIPT_COLUMNS} FROM contribution_receipts r WHERE r.contribution_id = $1
       ORDER BY r.received_on, r.recorded_order`,
      [contributionId],
    );
    return rows.map(toReceipt);
  }

  async insert(
    manager: EntityManager,
    r: Omit<StoredReceipt, 'id' | 'createdAt' | 'illustrative'>,
  ): Promise<string> {
    const [row] = await preparedQuery<{ id: string }>(
      manager,
      `INSERT INTO contribution_receipts (contribution_id, kind, reverses_id, received_on, amount, exchange_rate,
                                          usd_amount, earmark_kind, earmark_target, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        r.contributionId,
        r.kind,
        r.reverses,
        r.on,
        r.amount,
        r.exchangeRate,
        r.usdAmount,
        r.earmark.kind,
        r.earmark.target,
        r.note,
      ],
    );
    return row!.id;
  }

  /** The pledge's status follows its receipts: received from the first, pledged again once all are reversed. */
  async touchPledge(
    manager: EntityManager,
    id: string,
    status: ContributionStatus,
    receivedOn: string | null,
  ) {
    await preparedQuery(
      manager,
      `UPDATE contributions SET status = $2, received_on = $3, version = version + 1, updated_at = now()
       WHERE id = $1`,
      [id, status, receivedOn],
    );
  }

  /**
   * One donor's receipts and reversals, oldest first (by date, then as recorded), `limit + 1` rows
   * after the cursor's (received_on, recorded_order), each with its pledge's currency, rate, status
   * and reference and the reversal that names it.
   */
  donorReceipts(
    manager: EntityManager,
    donorId: string,
    after: readonly (string | number)[] | null,
    limit: number,
  ): Promise<DonorReceiptRow[]> {
    return preparedQuery<DonorReceiptRow>(
      manager,
      `SELECT ${RECEIPT_COLUMNS}, r.recorded_order::text AS recorded_order, c.currency,
              c.exchange_rate AS pledge_rate, c.status AS pledge_status, c.reference,
              (SELECT v.id FROM contribution_receipts v WHERE v.reverses_id = r.id) AS reversed_by
       FROM contribution_receipts r JOIN contributions c ON c.id = r.contribution_id
       WHERE c.donor_id = $1
         AND ($2::date IS NULL OR (r.received_on, r.recorded_order) > ($2::date, $3::bigint))
       ORDER BY r.received_on, r.recorded_order
       LIMIT $4`,
      [donorId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
  }

  async donorExists(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await preparedQuery(manager, `SELECT 1 FROM donors WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  /** Whether an earmark's target exists: a live project, a country. */
  async projectExists(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await preparedQuery(manager, `SELECT 1 FROM projects WHERE id = $1 AND deleted_at IS NULL`, [
      id,
    ]);
    return rows.length > 0;
  }

  async countryExists(manager: EntityManager, iso3: string): Promise<boolean> {
    const rows = await preparedQuery(manager, `SELECT 1 FROM countries WHERE iso3 = $1`, [iso3]);
    return rows.length > 0;
  }

  async anyEarmarked(manager: EntityManager): Promise<boolean> {
    const [row] = await preparedQuery<{ any: boolean }>(
      manager,
      `SELECT EXISTS (SELECT 1 FROM contribution_receipts WHERE earmark_kind <> 'none') AS any`,
      [],
    );
    return row!.any;
  }

  /**
   * Σ USD per earmark of the receipts still standing (not reversed, pledge not cancelled): one
   * aggregate, the same figures as earmarkCeilings over what tracing replays.
   */
  async earmarkCeilings(manager: EntityManager): Promise<EarmarkCeiling[]> {
    const rows = await preparedQuery<{
      kind: Receipt['earmark']['kind'];
      target: string | null;
      received: string;
    }>(
      manager,
      `SELECT r.earmark_kind AS kind, r.earmark_target AS target, sum(r.usd_amount)::text AS received
       FROM contribution_receipts r JOIN contributions c ON c.id = r.contribution_id
       WHERE r.kind = 'receipt' AND r.earmark_kind <> 'none' AND c.status <> 'cancelled'
         AND NOT EXISTS (SELECT 1 FROM contribution_receipts v WHERE v.kind = 'reversal' AND v.reverses_id = r.id)
       GROUP BY r.earmark_kind, r.earmark_target`,
      [],
    );
    return rows.map((row) => ({
      earmark: { kind: row.kind, target: row.target },
      received: moneyOut(row.received)!,
    }));
  }

  /** Everything tracing replays: pledges, receipts, committed projects and the money they returned. */
  async tracingInput(manager: EntityManager) {
    const contributions = await preparedQuery<{ id: string; donor_id: string; status: ContributionStatus }>(
      manager,
      `SELECT id, donor_id, status FROM contributions`,
      [],
    );
    const receipts = await preparedQuery<ReceiptRow>(
      manager,
      `SELECT ${RECEIPT_COLUMNS} FROM contribution_receipts r`,
      [],
    );
    const projects = await preparedQuery<{
      id: string;
      approved_budget: string;
      decided_on: string | null;
      decided_at: string | null;
      window: string;
      dimensions: string[];
      countries: string[];
    }>(
      manager,
      `SELECT p.id, p.approved_budget, coalesce(d.approved_on, p.start_date)::text AS decided_on,
              ${MOMENT('d.approved_at')} AS decided_at, p."window",
              p.dimensions, coalesce(array_agg(pc.country_iso3::text) FILTER (WHERE pc.country_iso3 IS NOT NULL), '{}') AS countries
       FROM projects p
       LEFT JOIN (SELECT project_id, max(decided_on) AS approved_on, max(occurred_at) AS approved_at FROM project_transitions
                  WHERE to_stage = 'approved' GROUP BY project_id) d ON d.project_id = p.id
       LEFT JOIN project_countries pc ON pc.project_id = p.id
       WHERE p.deleted_at IS NULL AND p.approved_budget IS NOT NULL AND p.stage IN (${COMMITTED})
       GROUP BY p.id, d.approved_on, d.approved_at`,
      [],
    );
    // A completed or closed project's untransferred balance, at its completion; each refund, and each
    // refund reversed (negative), at its date: the same figures as the ledger's released.
    const returns = await preparedQuery<{
      project_id: string;
      kind: ReturnKind;
      on: string | null;
      at: string | null;
      amount: string;
    }>(
      manager,
      `SELECT p.id AS project_id, 'released' AS kind, coalesce(d.completed_on, p.end_date)::text AS on,
              ${MOMENT('d.completed_at')} AS at,
              greatest(p.approved_budget - coalesce(s.transferred, 0), 0)::text AS amount
       FROM projects p
       LEFT JOIN (SELECT project_id, max(decided_on) AS completed_on, max(occurred_at) AS completed_at
                  FROM project_transitions WHERE to_stage = 'completed' GROUP BY project_id) d ON d.project_id = p.id
       LEFT JOIN (SELECT e.project_id,
                         sum(CASE WHEN e.kind = 'transfer' THEN e.amount_usd ELSE -e.amount_usd END) AS transferred
                  FROM transfers e LEFT JOIN transfers r ON r.id = e.reverses_id
                  WHERE e.kind = 'transfer' OR (e.kind = 'reversal' AND r.kind = 'transfer')
                  GROUP BY e.project_id) s ON s.project_id = p.id
       WHERE p.deleted_at IS NULL AND p.approved_budget IS NOT NULL AND p.stage IN (${RELEASING})
         AND p.approved_budget > coalesce(s.transferred, 0)
       UNION ALL
       SELECT e.project_id, 'refunded', e.transferred_on::text, ${MOMENT('e.created_at')},
              (CASE WHEN e.kind = 'refund' THEN e.amount_usd ELSE -e.amount_usd END)::text
       FROM transfers e LEFT JOIN transfers r ON r.id = e.reverses_id
       WHERE e.kind = 'refund' OR (e.kind = 'reversal' AND r.kind = 'refund')`,
      [],
    );
    return {
      contributions: contributions.map((c) => ({ id: c.id, donorId: c.donor_id, status: c.status })),
      receipts: receipts.map(toReceipt),
      projects: projects.map((p): TracedProject => ({
        id: p.id,
        committed: true,
        approvedBudget: moneyOut(p.approved_budget),
        decidedOn: p.decided_on,
        decidedAt: p.decided_at,
        window: p.window,
        dimensions: p.dimensions,
        countries: p.countries,
      })),
      returns: returns.map((r): TracedReturn => ({
        projectId: r.project_id,
        kind: r.kind,
        on: r.on,
        at: r.at,
        amount: moneyOut(r.amount)!,
      })),
    };
  }

  /** The project as an earmark reads it, or undefined. */
  async earmarkFacts(manager: EntityManager, projectId: string) {
    const [row] = await preparedQuery<{
      id: string;
      window: string;
      dimensions: string[];
      countries: string[];
    }>(
      manager,
      `SELECT p.id, p."window", p.dimensions,
              coalesce((SELECT array_agg(country_iso3::text) FROM project_countries WHERE project_id = p.id), '{}') AS countries
       FROM projects p WHERE p.id = $1`,
      [projectId],
    );
    return row;
  }

  async donorName(manager: EntityManager, id: string): Promise<string | undefined> {
    const [row] = await preparedQuery<{ name: string }>(manager, `SELECT name FROM donors WHERE id = $1`, [
      id,
    ]);
    return row?.name;
  }

  async projectNames(manager: EntityManager, ids: string[]) {
    const rows = await preparedQuery<{ id: string; code: string; title: string }>(
      manager,
      `SELECT id, code, title FROM projects WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }
}

export function toReceipt(row: ReceiptRow): StoredReceipt {
  return {
    id: row.id,
    contributionId: row.contribution_id,
    kind: row.kind,
    on: row.received_on,
    amount: moneyOut(row.amount)!,
    exchangeRate: row.exchange_rate,
    usdAmount: moneyOut(row.usd_amount)!,
    reverses: row.reverses_id,
    earmark: { kind: row.earmark_kind, target: row.earmark_target },
    note: row.note,
    illustrative: row.illustrative,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
