import { merged } from '../merged';

export default merged(
  import.meta.glob(['../locales/zh.json', '../../features/*/locales/zh.json'], {
    eager: true,
    import: 'default',
  }),
);
