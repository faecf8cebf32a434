import { lazy } from 'react';

/** The charts load on demand, in one chunk shared by every chart of the overview. */
const load = () => import('./Charts');

export const YearBars = lazy(() => load().then((module) => ({ default: module.YearBars })));
export const CategoryBars = lazy(() => load().then((module) => ({ default: module.CategoryBars })));
export const ShareDonut = lazy(() => load().then((module) => ({ default: module.ShareDonut })));
