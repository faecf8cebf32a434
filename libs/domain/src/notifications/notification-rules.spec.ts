import {
  CONTACT_NOTIFICATION_KINDS,
  consentExpiryNotice,
  contactLanguage,
  languageDirection,
  notificationKindsFor,
  reportNotice,
  reviewReminderDue,
} from './notification-rules';

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
    expect(notificationKindsFor('reviewer')).toEqual(['review_assigned', 'review_reminder']);
    expect(notificationKindsFor('staff')).toEqual([
      'consent_expiring',
      'consent_withdrawn',
      'paragraph6_lost',
      'review_overdue',
      'proposal_waiting',
      'consent_request_overdue',
      'report_due',
      'report_overdue',
      'revision_decided',
    ]);
  });

  it('writes Arabic right to left', () => {
    expect(languageDirection('ar')).toBe('rtl');
    expect(languageDirection('zh')).toBe('ltr');
  });
});

describe('reviewReminderDue', () => {
  it('reminds within the configured days before the due date, the due date included', () => {
    expect(reviewReminderDue('2026-01-05', '2026-01-01', 3)).toBe(false);
    expect(reviewReminderDue('2026-01-04', '2026-01-01', 3)).toBe(true);
    expect(reviewReminderDue('2026-01-01', '2026-01-01', 3)).toBe(true);
  });

  it('no longer reminds once the review is overdue', () => {
    expect(reviewReminderDue('2025-12-31', '2026-01-01', 3)).toBe(false);
  });
});

describe('reportNotice', () => {
  it('says nothing while the due date is further than the configured days', () => {
    expect(reportNotice('2026-01-16', '2026-01-01', 14)).toBeNull();
  });

  it('says due soon within the days, due date included, and overdue the day after', () => {
    expect(reportNotice('2026-01-15', '2026-01-01', 14)).toBe('due');
    expect(reportNotice('2026-01-01', '2026-01-01', 14)).toBe('due');
    expect(reportNotice('2025-12-31', '2026-01-01', 14)).toBe('overdue');
  });
});

describe('contactLanguage', () => {
  it("writes to a contact in the language recorded for them, else in the product's default", () => {
    expect(contactLanguage('ar')).toBe('ar');
    expect(contactLanguage('zh')).toBe('zh');
    expect(contactLanguage(null)).toBe('en');
    expect(contactLanguage('de')).toBe('en');
  });
});

describe('CONTACT_NOTIFICATION_KINDS', () => {
  it("tells an organization's contact of reports only, never of consents, reviews or money", () => {
    expect([...CONTACT_NOTIFICATION_KINDS]).toEqual(['report_due', 'report_overdue']);
  });
});
