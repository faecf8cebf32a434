export { useConsents } from './api/consents';
export { ConsentDialog } from './components/ConsentDialog';
