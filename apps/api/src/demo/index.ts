export { DEMO_PASSWORD, DEMO_SIGN_INS, loadDemoDataIfEmpty } from './demo-data';
