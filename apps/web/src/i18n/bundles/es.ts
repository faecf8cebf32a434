import { merged } from '../merged';

export default merged(
  import.meta.glob(['../locales/es.json', '../../features/*/locales/es.json'], {
    eager: true,
    import: 'default',
  }),
);
