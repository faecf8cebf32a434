export { DonorStatementButton } from './components/DonorStatementButton';
export { FactSheetButton } from './components/FactSheetButton';
