import { daysBetween, type IsoDate } from '../calendar/iso-date';
import type { Role } from '../accounts/roles';

/** The six official languages of the United Nations, as the dashboard and the mail speak them. */
export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What the product tells people about. */
export const NOTIFICATION_KINDS = [
  'review_assigned',
  'consent_expiring',
  'consent_withdrawn',
  'paragraph6_lost',
  'receipt_recorded',
  'review_reminder',
  'review_overdue',
  'proposal_waiting',
  'consent_request_overdue',
  'report_due',
  'report_overdue',
  'revision_decided',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How a user wants each kind: a mail at once, one mail a day with the others, or not at all. */
export const DELIVERY_MODES = ['immediate', 'digest', 'off'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** Who may receive each kind: what they could read in the dashboard anyway. */
export const NOTIFICATION_AUDIENCE: Record<NotificationKind, readonly Role[]> = {
  review_assigned: ['reviewer'],
  consent_expiring: ['admin', 'staff'],
  consent_withdrawn: ['admin', 'staff'],
  paragraph6_lost: ['admin', 'staff'],
  receipt_recorded: ['donor'],
  review_reminder: ['reviewer'],
  review_overdue: ['admin', 'staff'],
  proposal_waiting: ['admin', 'staff'],
  consent_request_overdue: ['admin', 'staff'],
  report_due: ['admin', 'staff'],
  report_overdue: ['admin', 'staff'],
  // The requester is staff: every staff member hears of a decision on the Fund's money or dates.
  revision_decided: ['admin', 'staff'],
};

/** The kinds a role can be sent, so the settings screen offers only those. */
export function notificationKindsFor(role: Role): NotificationKind[] {
  return NOTIFICATION_KINDS.filter((kind) => NOTIFICATION_AUDIENCE[kind].includes(role));
}

/** Without a choice of their own, every user is told at once. */
export const DEFAULT_DELIVERY_MODE: DeliveryMode = 'immediate';

/** Days before a review's due date at which its reviewer is reminded, unless configured otherwise. */
export const DEFAULT_REVIEW_REMINDER_DAYS = 3;

/** Days before a report's due date at which staff are told it is due soon, unless configured otherwise. */
export const DEFAULT_REPORT_DUE_SOON_DAYS = 14;

/** Days before a consent's expiry at which the people responsible are told, widest first. */
export const CONSENT_EXPIRY_NOTICE_DAYS = [90, 30, 7] as const;

/**
 * The notice a consent valid until `validUntil` is due on `today`: the tightest of 90, 30 or 7 days
 * it is within, or null when it is further off or already expired. A scan that missed a day still
 * sends the notice due then, once: a consent first seen 20 days before expiry gets the 30-day notice.
 */
export function consentExpiryNotice(validUntil: IsoDate, today: IsoDate): number | null {
  const left = daysBetween(today, validUntil);
  if (left < 0) return null;
  let due: number | null = null;
  for (const days of CONSENT_EXPIRY_NOTICE_DAYS) if (left <= days) due = days;
  return due;
}

/**
 * Whether a review due on `dueOn` and not yet submitted reminds its reviewer on `today`: within
 * `days` days of the due date, the day itself included, and not once it has passed (then it is
 * overdue, which staff hear of). A scan that missed a day still reminds once, the key being the due date.
 */
export function reviewReminderDue(dueOn: IsoDate, today: IsoDate, days: number): boolean {
  const left = daysBetween(today, dueOn);
  return left >= 0 && left <= days;
}

/**
 * What a report still owed (due or returned) tells on `today`: 'overdue' once its due date has
 * passed, 'due' within `soonDays` days of it, otherwise nothing.
 */
export function reportNotice(dueOn: IsoDate, today: IsoDate, soonDays: number): 'due' | 'overdue' | null {
  const left = daysBetween(today, dueOn);
  if (left < 0) return 'overdue';
  return left <= soonDays ? 'due' : null;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Arabic is written right to left; the other five left to right. */
export function languageDirection(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/** The product's language where a person chose none (a new user starts in it too). */
export const DEFAULT_LANGUAGE: Language = 'en';

/**
 * What the lead organization's contact, who has no account, is told of by mail: its project's
 * reports due soon and overdue. Nothing else: the rest concerns the Fund's own decisions.
 */
export const CONTACT_NOTIFICATION_KINDS = [
  'report_due',
  'report_overdue',
] as const satisfies readonly NotificationKind[];

/** The language a contact is written to in: the one recorded for them, else the product's. */
export function contactLanguage(recorded: string | null): Language {
  return isLanguage(recorded) ? recorded : DEFAULT_LANGUAGE;
}
