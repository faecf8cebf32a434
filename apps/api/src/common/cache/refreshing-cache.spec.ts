import { RefreshingCache } from './refreshing-cache';

describe('RefreshingCache', () => {
  let clock = 0;
  let computations = 0;
  const cache = () =>
    new RefreshingCache(
      () => {
        computations += 1;
        return Promise.resolve(computations);
      },
      30_000,
      300_000,
      () => clock,
    );

  beforeEach(() => {
    clock = 0;
    computations = 0;
  });

  it('computes once and serves the value while it is fresh', async () => {
    const c = cache();
    await expect(c.get()).resolves.toBe(1);
    clock = 29_999;
    await expect(c.get()).resolves.toBe(1);
    expect(computations).toBe(1);
  });

  it('shares one computation between concurrent callers', async () => {
    const c = cache();
    await expect(Promise.all([c.get(), c.get(), c.get()])).resolves.toEqual([1, 1, 1]);
    expect(computations).toBe(1);
  });

  it('serves a stale value while refreshing it in the background, then the new one', async () => {
    const c = cache();
    await c.get();
    clock = 30_000;
    await expect(c.get()).resolves.toBe(1);
    await Promise.resolve();
    await expect(c.get()).resolves.toBe(2);
  });

  it('waits for a new value once the old one is older than the stale limit', async () => {
    const c = cache();
    await c.get();
    clock = 300_000;
    await expect(c.get()).resolves.toBe(2);
  });

  it('computes every time when caching is off', async () => {
    const c = new RefreshingCache(() => Promise.resolve(++computations), 0, 0);
    await c.get();
    await c.get();
    expect(computations).toBe(2);
  });
});
