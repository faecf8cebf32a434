export { TransfersModule } from './transfers.module';
export { projectMoneyEntries } from './money-entries';
