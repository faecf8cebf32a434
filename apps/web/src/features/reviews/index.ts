export { AssignReviewer } from './components/AssignReviewer';
export { EarlierRounds } from './components/EarlierRounds';
export { RoundTag } from './components/RoundTags';
