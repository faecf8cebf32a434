import { merged } from '../merged';

// The shell's English strings are bundled with the app (../resources.ts): only the features' here.
export default merged(
  import.meta.glob('../../features/*/locales/en.json', { eager: true, import: 'default' }),
);
