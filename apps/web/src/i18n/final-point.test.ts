import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '.';
import { formattersFor } from '../lib/format';

describe('sentences that end with a date', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('end with one point in Russian, whose dates end in the abbreviation "г."', async () => {
    await i18n.changeLanguage('ru');
    const date = formattersFor('ru').date('2026-12-07');
    expect(date).toMatch(/г\.$/);

    const sentence = i18n.t('dashboard.compliance.descriptionOn', { date });
    expect(sentence.endsWith(`${date}`)).toBe(true);
    expect(sentence).not.toContain('г..');
  });

  it('leave an ellipsis and other languages as they are', async () => {
    await i18n.changeLanguage('en');
    expect(i18n.t('dashboard.compliance.descriptionOn', { date: 'Dec 7, 2026' })).toMatch(/2026\.$/);
  });
});
