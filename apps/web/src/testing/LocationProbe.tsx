import { useLocation } from 'react-router';

/** Prints the current address, so a test can read what the screen wrote to the URL. */
export function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}
