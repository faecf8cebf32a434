import { render } from '@testing-library/react';
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

afterEach(() => {
  for (const link of document.head.querySelectorAll('link[data-after-first-screen]')) link.remove();
});

describe('the stylesheet a drawn page holds back', () => {
  it('is waited for without being applied to the first screen', async () => {
    const link = aHeldStylesheet();
    const loaded = stylesAfterFirstScreenLoaded();

    link.dispatchEvent(new Event('load'));
    await loaded;
    expect(link.media).toBe('print');
  });

  it("applies as React's page is put in", () => {
    const link = aHeldStylesheet();

    render(<AfterFirstScreenStyles />);
    expect(link.media).toBe('all');
  });
});
