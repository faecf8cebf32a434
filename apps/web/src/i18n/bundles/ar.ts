import { merged } from '../merged';

export default merged(
  import.meta.glob(['../locales/ar.json', '../../features/*/locales/ar.json'], {
    eager: true,
    import: 'default',
  }),
);
