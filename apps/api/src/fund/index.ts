export { FundModule } from './fund.module';
export { availableBalance, FundService, lockFundLedger, receivedOf } from './fund.service';
export {
  commitmentYearSql,
  DONOR_YEARS_SQL,
  FUND_LEDGER_LOCK,
  ledgerFiguresJson,
  ledgerMovementsSql,
  LIVE_LEDGER_SQL,
  PLEDGE_FIGURES_SQL,
  RECEIVED_ENTRIES,
  receivedByDonorSql,
  shareOfFundSql,
  SUMMARY_LEDGER_MOVEMENTS,
} from './ledger.sql';
export { moneyRefusal, OVER_COMMITTED } from './money-refusal';
