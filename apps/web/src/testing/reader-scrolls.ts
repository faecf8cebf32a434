import { vi } from 'vitest';

/**
 * What renders once scrolled near (WhenVisible): a test DOM has no layout, so an observer stands for
 * the reader: every section it watches comes into view at once (`through`), or none ever does.
 */
export function readerScrolls(through: boolean): void {
  class Observer {
    constructor(private readonly callback: IntersectionObserverCallback) {}
    observe(target: Element) {
      if (through)
        queueMicrotask(() =>
          this.callback(
            [{ target, isIntersecting: true } as IntersectionObserverEntry],
            this as unknown as IntersectionObserver,
          ),
        );
    }
    unobserve() {}
    disconnect() {}
    takeRecords() {
      return [];
    }
  }
  vi.stubGlobal('IntersectionObserver', Observer);
}
