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

  it('computes again after invalidate(), while the value is still fresh', async () => {
    const c = cache();
    await c.get();
    c.invalidate();
    await expect(c.get()).resolves.toBe(2);
    await expect(c.get()).resolves.toBe(2);
  });

  it('neither keeps nor shares a computation that started before invalidate()', async () => {
    const pending: ((value: string) => void)[] = [];
    const c = new RefreshingCache(
      () => new Promise<string>((resolve) => pending.push(resolve)),
      30_000,
      300_000,
      () => clock,
    );
    const before = c.get();
    c.invalidate();
    const after = c.get();
    expect(pending).toHaveLength(2);
    // The computation from before the change finishes last: it must not overwrite the newer value.
    pending[1]!('read after the change');
    await expect(after).resolves.toBe('read after the change');
    pending[0]!('read before the change');
    await expect(before).resolves.toBe('read before the change');
    await expect(c.get()).resolves.toBe('read after the change');
  });

  it('computes every time when caching is off', async () => {
    const c = new RefreshingCache(() => Promise.resolve(++computations), 0, 0);
    await c.get();
    await c.get();
    expect(computations).toBe(2);
  });
});
