export { RevisionsPanel } from './components/RevisionsPanel';
