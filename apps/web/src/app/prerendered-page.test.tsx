import { render } from '@testing-library/react';
import { useLayoutEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { AfterFirstScreenStyles } from './AfterFirstScreenStyles';
import { stylesAfterFirstScreenLoaded } from './prerendered-page';

function aHeldStylesheet(): HTMLLinkElement {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/assets/start.css';
  link.media = 'print';
  link.setAttribute('data-after-first-screen', '');
  document.head.append(link);
  return link;
}

/** Whether the promise has settled, once the microtasks queued so far have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

afterEach(() => {
  for (const link of document.head.querySelectorAll('link[data-after-first-screen]')) link.remove();
});

describe('the stylesheet a drawn page holds back', () => {
  it('is waited for until it has loaded, without being applied to the first screen', async () => {
    const link = aHeldStylesheet();
    const loaded = stylesAfterFirstScreenLoaded();
    expect(await settled(loaded)).toBe(false);

    link.dispatchEvent(new Event('load'));
    expect(await settled(loaded)).toBe(true);
    expect(link.media).toBe('print');
  });

  it('is not waited for once it has loaded or failed before the dashboard looked', async () => {
    // after-first-paint.js marks it as it settles: its load or error event has come and gone.
    aHeldStylesheet().setAttribute('data-settled', '');

    expect(await settled(stylesAfterFirstScreenLoaded())).toBe(true);
  });

  it("applies before any of React's page is measured", () => {
    const link = aHeldStylesheet();
    let mediaWhenMeasured: string | null = null;
    function MeasuresOnMount() {
      useLayoutEffect(() => {
        mediaWhenMeasured = link.media;
      }, []);
      return null;
    }

    // Wherever a component that measures stands in the tree, even before it.
    render(
      <>
        <MeasuresOnMount />
        <AfterFirstScreenStyles />
      </>,
    );
    expect(mediaWhenMeasured).toBe('all');
  });
});
