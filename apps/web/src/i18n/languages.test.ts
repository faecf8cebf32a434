import { afterEach, describe, expect, it } from 'vitest';
import { LANGUAGE_COOKIE, LANGUAGE_STORAGE_KEY, rememberLanguage } from './languages';

describe('rememberLanguage', () => {
  afterEach(() => {
    document.cookie = `${LANGUAGE_COOKIE}=; Path=/; Max-Age=0`;
    window.localStorage.clear();
  });

  it('keeps the choice in storage and in the cookie the API draws first screens by', () => {
    rememberLanguage('ar');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ar');
    expect(document.cookie).toContain(`${LANGUAGE_COOKIE}=ar`);
    rememberLanguage('fr');
    expect(document.cookie).toContain(`${LANGUAGE_COOKIE}=fr`);
    expect(document.cookie).not.toContain(`${LANGUAGE_COOKIE}=ar`);
  });
});
