export { AssignReviewer } from './components/AssignReviewer';
