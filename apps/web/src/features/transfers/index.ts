export { FinancePanel } from './components/FinancePanel';
