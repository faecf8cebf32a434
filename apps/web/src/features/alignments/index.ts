export { useAlignments, useSaveAlignment } from './api/alignments';
export { AlignmentDialog } from './components/AlignmentDialog';
