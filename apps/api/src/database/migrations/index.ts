import { Foundation1763870000000 } from './1763870000000-foundation';
import { LoadCountries1763870000001 } from './1763870000001-load-countries';

/** Every migration, in order. Listed explicitly so the build and the tests run the same set. */
export const MIGRATIONS = [Foundation1763870000000, LoadCountries1763870000001];
