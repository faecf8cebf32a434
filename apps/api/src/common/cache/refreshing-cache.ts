/**
 * One value computed at most once per `freshMs`: while fresh it is served as is; once stale (but
 * younger than `maxStaleMs`) it is still served while a single background refresh runs; older
 * than that, callers wait for the refresh. Concurrent callers share one computation, so an
 * expensive aggregate is never computed by many requests at once.
 */
export class RefreshingCache<T> {
  private entry: { value: T; computedAt: number } | null = null;
  private inflight: Promise<T> | null = null;

  constructor(
    private readonly compute: () => Promise<T>,
    private readonly freshMs: number,
    private readonly maxStaleMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<T> {
    if (this.freshMs <= 0) return this.compute();
    const age = this.entry ? this.now() - this.entry.computedAt : Infinity;
    if (this.entry && age < this.freshMs) return this.entry.value;
    if (this.entry && age < this.maxStaleMs) {
      // A failed background refresh leaves the stale value in place; the next caller retries.
      this.refresh().catch(() => undefined);
      return this.entry.value;
    }
    return this.refresh();
  }

  private refresh(): Promise<T> {
    this.inflight ??= this.compute()
      .then((value) => {
        this.entry = { value, computedAt: this.now() };
        return value;
      })
      .finally(() => {
        this.inflight = null;
      });
    return this.inflight;
  }
}
