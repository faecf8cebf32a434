export { DonorTracingSection } from './components/DonorTracingSection';
export { ReceiptsPanel } from './components/ReceiptsPanel';
export { DonorReceiptsSection } from './components/DonorReceiptsSection';
