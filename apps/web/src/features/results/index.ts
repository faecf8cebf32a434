export { ResultsPanel } from './components/ResultsPanel';
export { RecordResultsModal } from './components/RecordResultsModal';
export { ResultsOverviewCard } from './components/ResultsOverviewCard';
