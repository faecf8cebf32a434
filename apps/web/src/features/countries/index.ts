export { useCountryName } from './lib/country-names';
