import type { MoneyEntry, MoneyEntryKind } from '@hstf/domain';
import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';

/**
 * A project's money entries as the domain's money rules read them. Transfers and budget revisions
 * both decide on these under the project's row lock, so they read them in the caller's transaction.
 */
export async function projectMoneyEntries(manager: EntityManager, projectId: string): Promise<MoneyEntry[]> {
  const rows = await preparedQuery<{
    id: string;
    organization_id: string;
    kind: MoneyEntryKind;
    amount_usd: string;
    on: string;
    reverses_id: string | null;
  }>(
    manager,
    `SELECT id, organization_id, kind, amount_usd::text, transferred_on::text AS on, reverses_id
     FROM transfers WHERE project_id = $1`,
    [projectId],
  );
  return rows.map((r) => ({
    id: r.id,
    projectId,
    organizationId: r.organization_id,
    kind: r.kind,
    amount: r.amount_usd,
    on: r.on,
    reverses: r.reverses_id,
  }));
}
