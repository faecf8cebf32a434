import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll, vi } from 'vitest';
import { i18n, initI18n, loadFeatureTranslations } from '../i18n';

// Mantine reads these browser APIs, which happy-dom does not implement.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  configurable: true,
  value: (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

// Mantine's autosizing Textarea listens for web fonts loading (document.fonts), which happy-dom lacks.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
}

beforeAll(async () => {
  window.localStorage.clear();
  await initI18n('en');
  await loadFeatureTranslations();
});

afterEach(async () => {
  cleanup();
  // A page drawn by the API (testing/drawn-page.ts).
  document.getElementById('root')?.remove();
  vi.unstubAllGlobals();
  window.localStorage.clear();
  if (i18n.language !== 'en') await i18n.changeLanguage('en');
});
