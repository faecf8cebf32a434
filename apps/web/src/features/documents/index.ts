export { DocumentsSection } from './components/DocumentsSection';
export { DocumentsButton } from './components/DocumentsButton';
