import {
  describeEarmarkProblem,
  describeReceiptProblem,
  earmarkProblem,
  fitsBesideEveryEarmark,
  exchangeDifferenceOf,
  addMoney,
  raiseEarmarkProblem,
  HUMAN_SECURITY_DIMENSIONS,
  pledgeStatement,
  receiptProblem,
  receiptReversalProblem,
  receivedFromReceipts,
  receivedReductionProblem,
  subtractMoney,
  TRACING_METHOD,
  traceFunds,
  usdAmountFor,
} from '@hstf/domain';
import type { Earmark, EarmarkProblem, ReceiptProblem } from '@hstf/domain';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { todayUtc } from '../compliance';
import { availableBalance, lockFundLedger, moneyRefusal, OVER_COMMITTED } from '../fund';
import {
  CreateReceiptRequest,
  DonorReceiptDto,
  DonorReceiptPage,
  DonorTracingDto,
  PledgeStatementDto,
  ReceiptDto,
  ReverseReceiptRequest,
} from './receipts.dto';
import { PledgeRow, ReceiptsRepository, StoredReceipt, toReceipt } from './receipts.repository';
import { decodeCursor, limitOf, pageOf, PageQuery } from '../common/pagination/pagination';

const ENTITY = 'receipt';

function receiptRefusal(problem: ReceiptProblem): Problem {
  return new Problem(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'receipt-refused',
    'Receipt refused',
    describeReceiptProblem(problem),
    { code: problem.code, facts: problem.facts },
  );
}

function earmarkRefusal(problem: EarmarkProblem): Problem {
  return new Problem(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'earmark-refused',
    problem.code === 'approval_uses_earmarked_money'
      ? 'The approval would use money earmarked for something else'
      : 'The raise would use money earmarked for something else',
    describeEarmarkProblem(problem),
    {
      code: problem.code,
      facts: problem.facts,
      ...(problem.code === 'raise_uses_earmarked_money'
        ? { errors: [{ field: 'approvedBudget', message: describeEarmarkProblem(problem) }] }
        : {}),
    },
  );
}

/**
 * Receipts against pledges, their reversals, and where each donor's money went. A receipt raises
 * what the Fund has received; its reversal lowers it, so it is decided under the ledger lock on the
 * balance read after taking it, as every change that lowers received is.
 */
@Injectable()
export class ReceiptsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ReceiptsRepository,
    private readonly audit: AuditService,
  ) {}

  /** A donor user reads its own pledges only: another donor's answers 404, as an unknown id. */
  async statement(ctx: RequestContext, contributionId: string): Promise<PledgeStatementDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const pledge = await this.repository.pledge(manager, contributionId, false, this.donorScope(ctx));
      if (!pledge) throw Problem.notFound('The contribution');
      return statementOf(pledge, await this.repository.receipts(manager, contributionId));
    });
  }

  async record(
    ctx: RequestContext,
    contributionId: string,
    request: CreateReceiptRequest,
  ): Promise<ReceiptDto> {
    return this.dataSource.transaction(async (manager) => {
      const pledge = await this.repository.pledge(manager, contributionId, true);
      if (!pledge) throw Problem.notFound('The contribution');
      const receipts = await this.repository.receipts(manager, contributionId);
      const earmark: Earmark = {
        kind: request.earmarkKind ?? 'none',
        target: request.earmarkTarget?.trim() ? request.earmarkTarget.trim() : null,
      };
      const problem = receiptProblem(
        toPledge(pledge),
        pledgeStatement(toPledge(pledge), receipts),
        { on: request.receivedOn, amount: request.amount, exchangeRate: request.exchangeRate, earmark },
        todayUtc(),
      );
      if (problem) throw receiptRefusal(problem);
      await this.assertEarmarkTarget(manager, earmark);
      const id = await this.repository.insert(manager, {
        contributionId,
        kind: 'receipt',
        reverses: null,
        on: request.receivedOn,
        amount: request.amount,
        exchangeRate: request.exchangeRate,
        usdAmount: usdAmountFor(request.amount, request.exchangeRate),
        earmark,
        note: request.note ?? null,
      });
      const live = liveReceipts(await this.repository.receipts(manager, contributionId));
      await this.repository.touchPledge(manager, contributionId, 'received', live[0]!.on);
      const created = await this.one(manager, pledge, id);
      await this.audit.recordCreation(manager, ctx, ENTITY, created);
      return created;
    });
  }

  async reverse(
    ctx: RequestContext,
    contributionId: string,
    receiptId: string,
    request: ReverseReceiptRequest,
  ): Promise<ReceiptDto> {
    return this.dataSource.transaction(async (manager) => {
      // Two reversals racing for the last of the available balance: the second reads it only once
      // the first has committed.
      await lockFundLedger(manager);
      const pledge = await this.repository.pledge(manager, contributionId, true);
      if (!pledge) throw Problem.notFound('The contribution');
      const receipts = await this.repository.receipts(manager, contributionId);
      const target = receipts.find((r) => r.id === receiptId);
      if (!target) throw Problem.notFound('The receipt');
      const existing = receipts.find((r) => r.reverses === receiptId) ?? null;
      const problem = receiptReversalProblem(target, existing, request.reversedOn, todayUtc());
      if (problem) throw receiptRefusal(problem);
      const before = receivedFromReceipts(pledge.status, receipts);
      const after = receivedFromReceipts(pledge.status, [...receipts, { ...target, kind: 'reversal' }]);
      const short = receivedReductionProblem(await availableBalance(manager), before, after);
      if (short) throw moneyRefusal(short, OVER_COMMITTED.slug, OVER_COMMITTED.title);

      const id = await this.repository.insert(manager, {
        contributionId,
        kind: 'reversal',
        reverses: receiptId,
        on: request.reversedOn,
        amount: target.amount,
        exchangeRate: target.exchangeRate,
        usdAmount: target.usdAmount,
        earmark: target.earmark,
        note: request.reason,
      });
      const live = liveReceipts(await this.repository.receipts(manager, contributionId));
      if (pledge.status !== 'cancelled') {
        await this.repository.touchPledge(
          manager,
          contributionId,
          live.length ? 'received' : 'pledged',
          live[0]?.on ?? null,
        );
      }
      const created = await this.one(manager, pledge, id);
      await this.audit.record(manager, ctx, {
        action: 'reverse',
        entity: ENTITY,
        entityId: receiptId,
        before: { ...statementOf(pledge, receipts).items.find((r) => r.id === receiptId) },
        after: created,
      });
      return created;
    });
  }

  /**
   * Where the donor's money went, per project, and what came back (TRACING_METHOD). A donor user sees
   * its own donor only; another's answers 404.
   */
  async tracing(ctx: RequestContext, donorId: string): Promise<DonorTracingDto> {
    const scope = this.donorScope(ctx);
    if (scope !== undefined && scope !== donorId) throw Problem.notFound('The donor');
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const donorName = await this.repository.donorName(manager, donorId);
      if (donorName === undefined) throw Problem.notFound('The donor');
      const trace = traceFunds(await this.repository.tracingInput(manager));
      const donor = trace.donors.find((d) => d.donorId === donorId) ?? {
        donorId,
        paid: '0.00',
        unallocated: '0.00',
        projects: [],
      };
      const names = await this.repository.projectNames(
        manager,
        donor.projects.map((p) => p.projectId),
      );
      return {
        donorId,
        donorName,
        method: TRACING_METHOD,
        paid: donor.paid,
        unallocated: donor.unallocated,
        returned: donor.projects.reduce((sum, p) => addMoney(sum, addMoney(p.released, p.refunded)), '0.00'),
        projects: donor.projects
          .map((p) => ({
            projectId: p.projectId,
            projectCode: names.get(p.projectId)?.code ?? '',
            projectTitle: names.get(p.projectId)?.title ?? '',
            earmarked: p.earmarked,
            proRata: p.proRata,
            total: addMoney(p.earmarked, p.proRata),
            released: p.released,
            refunded: p.refunded,
            net: p.net,
          }))
          .sort((a, b) => a.projectCode.localeCompare(b.projectCode)),
      };
    });
  }

  /**
   * The donor's receipts and reversals, a page at a time, each with its exchange difference against
   * its pledge's rate. A donor user reads its own donor's only: another's answers 404, as an unknown one.
   */
  async donorReceipts(ctx: RequestContext, donorId: string, query: PageQuery): Promise<DonorReceiptPage> {
    const scope = this.donorScope(ctx);
    if (scope !== undefined && scope !== donorId) throw Problem.notFound('The donor');
    const after = decodeCursor(query.cursor, 2);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      if (!(await this.repository.donorExists(manager, donorId))) throw Problem.notFound('The donor');
      const rows = await this.repository.donorReceipts(manager, donorId, after, limitOf(query));
      return pageOf(
        rows,
        query,
        (row) => [row.received_on, row.recorded_order],
        (row): DonorReceiptDto => {
          const receipt = toReceipt(row);
          const difference = exchangeDifferenceOf(row.pledge_rate, receipt);
          return {
            id: receipt.id,
            contributionId: receipt.contributionId,
            reference: row.reference,
            pledgeStatus: row.pledge_status,
            kind: receipt.kind,
            receivedOn: receipt.on,
            amount: receipt.amount,
            currency: row.currency,
            exchangeRate: receipt.exchangeRate,
            pledgeRate: row.pledge_rate,
            usdAmount: receipt.usdAmount,
            exchangeDifference: receipt.kind === 'reversal' ? subtractMoney('0.00', difference) : difference,
            reverses: receipt.reverses,
            reversedBy: row.reversed_by,
            earmarkKind: receipt.earmark.kind,
            earmarkTarget: receipt.earmark.target,
          };
        },
      );
    });
  }

  private donorScope(ctx: RequestContext): string | undefined {
    const user = ctx.actor;
    if (user.role === 'admin' || user.role === 'staff') return undefined;
    // A user of no donor sees nothing: a donor id no record has.
    return user.role === 'donor' && user.donorId ? user.donorId : '00000000-0000-0000-0000-000000000000';
  }

  private async assertEarmarkTarget(manager: EntityManager, earmark: Earmark): Promise<void> {
    const target = earmark.target ?? '';
    const known =
      earmark.kind === 'none' ||
      (earmark.kind === 'window' && ['I', 'II'].includes(target)) ||
      (earmark.kind === 'dimension' && (HUMAN_SECURITY_DIMENSIONS as readonly string[]).includes(target)) ||
      (earmark.kind === 'country' &&
        /^[A-Z]{3}$/.test(target) &&
        (await this.repository.countryExists(manager, target))) ||
      (earmark.kind === 'project' &&
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(target) &&
        (await this.repository.projectExists(manager, target)));
    if (!known) {
      throw Problem.validation([
        { field: 'earmarkTarget', message: `is not a known ${earmark.kind} (${target || 'none given'})` },
      ]);
    }
  }

  private async one(manager: EntityManager, pledge: PledgeRow, id: string): Promise<ReceiptDto> {
    const statement = statementOf(pledge, await this.repository.receipts(manager, pledge.id));
    return statement.items.find((r) => r.id === id)!;
  }
}

/**
 * An approval, or a raise of an approved budget, may not use money earmarked for other windows,
 * dimensions, countries or projects: `amount` is the approved budget, or the increase of a raise.
 * Called under the ledger lock the decision holds; cheap when nothing is earmarked, or when the
 * amount fits beside all the money ever earmarked for something else.
 */
export async function assertEarmarksHonoured(
  manager: EntityManager,
  repository: ReceiptsRepository,
  projectId: string,
  amount: string,
  change: 'approval' | 'raise' = 'approval',
): Promise<void> {
  if (!(await repository.anyEarmarked(manager))) return;
  const project = await repository.earmarkFacts(manager, projectId);
  if (!project) return;
  const available = await availableBalance(manager);
  // The replay costs the whole history; most decisions fit even if every earmark were still unspent.
  if (fitsBesideEveryEarmark(project, amount, available, await repository.earmarkCeilings(manager))) return;
  const trace = traceFunds(await repository.tracingInput(manager));
  const problem =
    change === 'approval'
      ? earmarkProblem(project, amount, available, trace.earmarked)
      : raiseEarmarkProblem(project, amount, available, trace.earmarked);
  if (problem) throw earmarkRefusal(problem);
}

function toPledge(p: PledgeRow) {
  return {
    status: p.status,
    amount: p.amount,
    currency: p.currency,
    exchangeRate: p.exchange_rate,
    pledgedOn: p.pledged_on,
  };
}

function liveReceipts(receipts: readonly StoredReceipt[]): StoredReceipt[] {
  const reversed = new Set(receipts.map((r) => r.reverses).filter(Boolean));
  return receipts.filter((r) => r.kind === 'receipt' && !reversed.has(r.id));
}

function statementOf(pledge: PledgeRow, receipts: readonly StoredReceipt[]): PledgeStatementDto {
  const p = toPledge(pledge);
  const statement = pledgeStatement(p, receipts);
  const extra = new Map(receipts.map((r) => [r.id, r]));
  return {
    contributionId: pledge.id,
    currency: pledge.currency,
    pledgedAmount: pledge.amount,
    pledgeRate: pledge.exchange_rate,
    pledgedUsd: usdAmountFor(pledge.amount, pledge.exchange_rate),
    receivedAmount: statement.receivedAmount,
    receivedUsd: receivedFromReceipts(pledge.status, receipts),
    outstanding: statement.outstanding,
    outstandingUsd: statement.outstandingUsd,
    exchangeDifference: statement.exchangeDifference,
    items: statement.lines.map((line) => ({
      id: line.id,
      contributionId: line.contributionId,
      donorId: pledge.donor_id,
      kind: line.kind,
      receivedOn: line.on,
      amount: line.amount,
      currency: pledge.currency,
      exchangeRate: line.exchangeRate,
      usdAmount: line.usdAmount,
      exchangeDifference: line.exchangeDifference,
      reverses: line.reverses,
      reversedBy: line.reversedBy,
      earmarkKind: line.earmark.kind,
      earmarkTarget: line.earmark.target,
      note: extra.get(line.id)?.note ?? null,
      illustrative: extra.get(line.id)?.illustrative ?? false,
      createdAt: extra.get(line.id)?.createdAt ?? '',
    })),
  };
}
