import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { WhenVisible } from './WhenVisible';

/** An IntersectionObserver the test drives: it reports what `enter()` says. */
function stubObserver() {
  const observers: { callback: IntersectionObserverCallback; targets: Element[]; disconnected: boolean }[] =
    [];
  class Observer {
    entry: (typeof observers)[number];
    constructor(callback: IntersectionObserverCallback) {
      this.entry = { callback, targets: [], disconnected: false };
      observers.push(this.entry);
    }
    observe(target: Element) {
      this.entry.targets.push(target);
    }
    disconnect() {
      this.entry.disconnected = true;
    }
    unobserve() {}
    takeRecords() {
      return [];
    }
  }
  vi.stubGlobal('IntersectionObserver', Observer);
  const enter = (isIntersecting: boolean) =>
    act(() => {
      for (const observer of observers.filter((candidate) => !candidate.disconnected))
        observer.callback(
          observer.targets.map((target) => ({ target, isIntersecting }) as IntersectionObserverEntry),
          {} as IntersectionObserver,
        );
    });
  return { enter, observers };
}

describe('WhenVisible', () => {
  it('shows the placeholder until the reader scrolls near it, then the content for good', () => {
    const { enter, observers } = stubObserver();
    render(
      <WhenVisible placeholder={<p>placeholder</p>}>
        <p>the chart</p>
      </WhenVisible>,
    );
    expect(screen.getByText('placeholder')).toBeInTheDocument();
    expect(screen.queryByText('the chart')).not.toBeInTheDocument();

    enter(false);
    expect(screen.queryByText('the chart')).not.toBeInTheDocument();

    enter(true);
    expect(screen.getByText('the chart')).toBeInTheDocument();
    expect(screen.queryByText('placeholder')).not.toBeInTheDocument();
    expect(observers.every((observer) => observer.disconnected)).toBe(true);
  });

  it('shows the content at once where IntersectionObserver does not exist', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    render(
      <WhenVisible placeholder={<p>placeholder</p>}>
        <p>the chart</p>
      </WhenVisible>,
    );
    expect(screen.getByText('the chart')).toBeInTheDocument();
  });
});
