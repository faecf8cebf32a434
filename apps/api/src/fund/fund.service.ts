import { COMMITTED_STAGES } from '@hstf/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { moneyOut } from '../common/money/money.decorators';
import { FundLedger, LedgerFigures } from './fund.dto';

interface FiguresRow {
  received: string;
  committed: string;
  transferred: string;
  available: string;
}

/** DESIGN.md §4.4: projects that reached approval commit their approved budget. */
// The stages that commit a project's approved budget come from libs/domain (DESIGN.md §4.4).
const COMMITTED = `(${COMMITTED_STAGES.map((stage) => `'${stage}'`).join(', ')})`;

@Injectable()
export class FundService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Both figure sets read one snapshot (REPEATABLE READ, read only), so the years add up to the
   * overall figures even while money moves. Each set is one SQL statement; sums stay numeric.
   */
  async ledger(): Promise<FundLedger> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const [overall] = await manager.query<FiguresRow[]>(
        `SELECT r.received::text, c.committed::text, t.transferred::text, (r.received - c.committed)::text AS available
         FROM (SELECT coalesce(sum(usd_amount), 0) AS received FROM contributions WHERE status = 'received') r,
              (SELECT coalesce(sum(approved_budget), 0) AS committed FROM projects
               WHERE stage IN ${COMMITTED} AND deleted_at IS NULL) c,
              (SELECT coalesce(sum(amount_usd), 0) AS transferred FROM transfers) t`,
      );
      const years = await manager.query<(FiguresRow & { year: number | null })[]>(
        `WITH figures AS (
           SELECT extract(year FROM received_on)::int AS year, usd_amount AS received,
                  0::numeric AS committed, 0::numeric AS transferred
           FROM contributions WHERE status = 'received'
           UNION ALL
           SELECT extract(year FROM start_date)::int, 0, approved_budget, 0
           FROM projects
           WHERE stage IN ${COMMITTED} AND deleted_at IS NULL AND approved_budget IS NOT NULL
           UNION ALL
           SELECT extract(year FROM transferred_on)::int, 0, 0, amount_usd FROM transfers
         )
         SELECT year, sum(received)::text AS received, sum(committed)::text AS committed,
                sum(transferred)::text AS transferred, (sum(received) - sum(committed))::text AS available
         FROM figures GROUP BY year ORDER BY year NULLS LAST`,
      );
      return {
        overall: figures(overall!),
        byYear: years.map((row) => ({ year: row.year, ...figures(row) })),
      };
    });
  }
}

function figures(row: FiguresRow): LedgerFigures {
  return {
    received: moneyOut(row.received)!,
    committed: moneyOut(row.committed)!,
    transferred: moneyOut(row.transferred)!,
    available: moneyOut(row.available)!,
  };
}
