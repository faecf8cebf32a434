export { HistoryPanel } from './components/HistoryPanel';
export { TransitionsPanel } from './components/TransitionsPanel';
