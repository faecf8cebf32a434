export { FundModule } from './fund.module';
export { availableBalance, FundService, receivedOf } from './fund.service';
export { commitmentYearSql, FUND_LEDGER_LOCK, ledgerFiguresJson, ledgerMovementsSql } from './ledger.sql';
export { moneyRefusal, OVER_COMMITTED } from './money-refusal';
