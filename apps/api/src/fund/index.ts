export { FundModule } from './fund.module';
export { availableBalance, FundService, lockFundLedger, receivedOf } from './fund.service';
export {
  commitmentYearSql,
  DONOR_YEARS_SQL,
  FUND_LEDGER_LOCK,
  ledgerFiguresJson,
  ledgerMovementsSql,
  PLEDGE_FIGURES_SQL,
  RECEIVED_ENTRIES,
  receivedByDonorSql,
  shareOfFundSql,
} from './ledger.sql';
export { moneyRefusal, OVER_COMMITTED } from './money-refusal';
