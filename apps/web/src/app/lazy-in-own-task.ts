import type { RouteObject } from 'react-router';
import { nextTask } from '../lib/next-task';

/**
 * The router calls the first screen's `lazy` functions as it is created, and each import asks the
 * browser for the chunk and every chunk it needs (a <link rel="modulepreload"> apiece, some 3 ms
 * each on a slowed phone): with the shell's and the screen's in the router's own task, it ran for
 * 160 ms. Each route's import now starts in a task of its own, after the router's.
 */
export function eachLazyInATaskOfItsOwn(routes: RouteObject[]): RouteObject[] {
  return routes.map((route) => {
    const { lazy, children } = route;
    const wrapped: RouteObject = { ...route };
    if (typeof lazy === 'function') {
      wrapped.lazy = async () => {
        await nextTask();
        return lazy();
      };
    }
    if (children) wrapped.children = eachLazyInATaskOfItsOwn(children);
    return wrapped;
  });
}
