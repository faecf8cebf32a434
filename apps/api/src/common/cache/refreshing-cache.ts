/**
 * One value computed at most once per `freshMs`: while fresh it is served as is; once stale (but
 * younger than `maxStaleMs`) it is still served while a single background refresh runs; older
 * than that, callers wait for the refresh. Concurrent callers share one computation, so an
 * expensive aggregate is never computed by many requests at once.
 */
export class RefreshingCache<T> {
  private entry: { value: T; computedAt: number } | null = null;
  private inflight: Promise<T> | null = null;
  /** Bumped by invalidate(): a computation started before it is not kept. */
  private generation = 0;

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

  /**
   * Forgets the value: the next caller computes a new one, and a computation already running (which
   * may have read the data before the change) is neither kept nor shared with later callers. Call it
   * after the change has committed, or a concurrent computation could still read the data before it.
   */
  invalidate(): void {
    this.generation += 1;
    this.entry = null;
    this.inflight = null;
  }

  private refresh(): Promise<T> {
    if (this.inflight) return this.inflight;
    const generation = this.generation;
    const computation = this.compute()
      .then((value) => {
        if (generation === this.generation) this.entry = { value, computedAt: this.now() };
        return value;
      })
      .finally(() => {
        if (this.inflight === computation) this.inflight = null;
      });
    this.inflight = computation;
    return computation;
  }
}
