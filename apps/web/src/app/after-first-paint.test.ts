import { afterEach, describe, expect, it, vi } from 'vitest';
import afterFirstPaint from '../../public/after-first-paint.js?raw';

/** A drawn page's head as the API sends it: the entry, its preloads, then the stylesheet, held back. */
function aDrawnPagesHead() {
  const held = document.createElement('template');
  held.id = 'after-first-paint';
  held.innerHTML =
    '<script type="module" crossorigin src="/assets/index.js"></script>' +
    '<link rel="modulepreload" crossorigin href="/assets/react.js">' +
    '<link rel="modulepreload" crossorigin href="/assets/start.js">' +
    '<link rel="stylesheet" crossorigin href="/assets/start.css" media="print" data-after-first-screen>';
  document.head.append(held);
}

function runTheScript() {
  // As the browser runs the classic script: in the page's global scope (the test's document runs no
  // <script> element put in it).
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the file under test is that script
  const run = new Function(afterFirstPaint) as () => void;
  run();
}

afterEach(() => {
  document.head.innerHTML = '';
});

describe('after-first-paint.js', () => {
  it('puts the stylesheet in the head before any script, so the dashboard always finds it to wait for', async () => {
    aDrawnPagesHead();
    const put: string[] = [];
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (node instanceof HTMLElement) put.push(node.getAttribute('rel') ?? node.tagName.toLowerCase());
    }).observe(document.head, { childList: true });

    runTheScript();
    await vi.waitFor(() => expect(put).toHaveLength(4), { timeout: 3000 });

    expect(put).toEqual(['stylesheet', 'script', 'modulepreload', 'modulepreload']);
    const stylesheet = document.head.querySelector<HTMLLinkElement>(':scope > link[rel="stylesheet"]');
    expect(stylesheet?.media).toBe('print');
    expect(stylesheet?.hasAttribute('data-after-first-screen')).toBe(true);
  });

  it('marks the stylesheet once it has loaded or failed, for a dashboard that looks later', async () => {
    aDrawnPagesHead();
    runTheScript();

    // The test's document loads no stylesheet: its request fails, and the link settles.
    const stylesheet = await vi.waitFor(
      () => {
        const link = document.head.querySelector(':scope > link[rel="stylesheet"]');
        expect(link?.hasAttribute('data-settled')).toBe(true);
        return link!;
      },
      { timeout: 3000 },
    );
    // A load marks it as well.
    stylesheet.removeAttribute('data-settled');
    stylesheet.dispatchEvent(new Event('load'));
    expect(stylesheet.hasAttribute('data-settled')).toBe(true);
  });
});
