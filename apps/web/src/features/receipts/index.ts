export { DonorTracingSection } from './components/DonorTracingSection';
export { ReceiptsPanel } from './components/ReceiptsPanel';
