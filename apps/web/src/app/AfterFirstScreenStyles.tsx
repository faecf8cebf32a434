import { useInsertionEffect } from 'react';
import { applyStylesAfterFirstScreen } from './prerendered-page';

/**
 * Applies the stylesheet a drawn page held back in React's first commit, as it replaces the first
 * screen: insertion effects run before the page's layout effects, which may measure it.
 */
export function AfterFirstScreenStyles() {
  useInsertionEffect(applyStylesAfterFirstScreen, []);
  return null;
}
