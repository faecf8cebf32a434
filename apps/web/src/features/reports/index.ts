export { ReportsPanel } from './components/ReportsPanel';
export { OverdueReportsCard } from './components/OverdueReportsCard';
export { RequiredReportSelect } from './components/RequiredReportSelect';
