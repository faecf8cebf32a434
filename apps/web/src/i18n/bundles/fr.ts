import { merged } from '../merged';

export default merged(
  import.meta.glob(['../locales/fr.json', '../../features/*/locales/fr.json'], {
    eager: true,
    import: 'default',
  }),
);
