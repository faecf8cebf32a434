import type { RouteObject } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { eachLazyInATaskOfItsOwn } from './lazy-in-own-task';

const aScreen = () => ({ Component: () => null });

describe('eachLazyInATaskOfItsOwn', () => {
  it('starts a route’s import only in a later task, and answers what the route’s own lazy answers', async () => {
    const screen = aScreen();
    const lazy = vi.fn(() => Promise.resolve(screen));
    const [route] = eachLazyInATaskOfItsOwn([{ path: 'projects', lazy }]);

    // A message posted before the call is handled in a task that comes before the wrapper's own.
    const calledByThen = new Promise<boolean>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve(lazy.mock.calls.length > 0);
      };
      channel.port2.postMessage(null);
    });
    const loading = (route!.lazy as () => Promise<unknown>)();
    await expect(calledByThen).resolves.toBe(false);

    await expect(loading).resolves.toBe(screen);
    expect(lazy).toHaveBeenCalledOnce();
  });

  it('reaches the lazy routes nested at any depth and leaves everything else of each route as it was', async () => {
    const inner = vi.fn(() => Promise.resolve(aScreen()));
    const errorElement = null;
    const routes: RouteObject[] = [
      { path: '/', errorElement, children: [{ path: 'a', children: [{ index: true, lazy: inner }] }] },
    ];

    const [root] = eachLazyInATaskOfItsOwn(routes);
    const nested = root!.children![0]!.children![0]!;
    expect(root).toMatchObject({ path: '/', errorElement });
    expect(root!.lazy).toBeUndefined();
    expect(nested.index).toBe(true);
    expect(nested.lazy).not.toBe(inner);

    await (nested.lazy as () => Promise<unknown>)();
    expect(inner).toHaveBeenCalledOnce();
    // The routes given are not changed: a test or a caller holding them sees them as written.
    expect(routes[0]!.children![0]!.children![0]!.lazy).toBe(inner);
  });
});
