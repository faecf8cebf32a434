export { ReportsPanel } from './components/ReportsPanel';
export { OverdueReportsCard } from './components/OverdueReportsCard';
