import { merged } from '../merged';

export default merged(
  import.meta.glob(['../locales/ru.json', '../../features/*/locales/ru.json'], {
    eager: true,
    import: 'default',
  }),
);
