import { consentExpiryNotice, languageDirection, notificationKindsFor } from './notification-rules';

describe('consentExpiryNotice', () => {
  it('sends nothing while the expiry is more than 90 days away', () => {
    expect(consentExpiryNotice('2026-04-02', '2026-01-01')).toBeNull();
    expect(consentExpiryNotice('2026-04-01', '2026-01-01')).toBe(90);
  });

  it('gives the tightest notice reached, at 90, 30 and 7 days inclusive', () => {
    expect(consentExpiryNotice('2026-03-31', '2026-01-01')).toBe(90);
    expect(consentExpiryNotice('2026-01-31', '2026-01-01')).toBe(30);
    expect(consentExpiryNotice('2026-02-01', '2026-01-01')).toBe(90);
    expect(consentExpiryNotice('2026-01-08', '2026-01-01')).toBe(7);
    expect(consentExpiryNotice('2026-01-09', '2026-01-01')).toBe(30);
    expect(consentExpiryNotice('2026-01-01', '2026-01-01')).toBe(7);
  });

  it('sends nothing once the consent has expired', () => {
    expect(consentExpiryNotice('2025-12-31', '2026-01-01')).toBeNull();
  });
});

describe('who is told what', () => {
  it('tells donors only of receipts, reviewers only of their assignments', () => {
    expect(notificationKindsFor('donor')).toEqual(['receipt_recorded']);
    expect(notificationKindsFor('reviewer')).toEqual(['review_assigned']);
    expect(notificationKindsFor('staff')).toEqual([
      'consent_expiring',
      'consent_withdrawn',
      'paragraph6_lost',
    ]);
  });

  it('writes Arabic right to left', () => {
    expect(languageDirection('ar')).toBe('rtl');
    expect(languageDirection('zh')).toBe('ltr');
  });
});
