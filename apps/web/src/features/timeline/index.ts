export { TimelinePanel } from './components/TimelinePanel';
