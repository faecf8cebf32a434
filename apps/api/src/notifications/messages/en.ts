import type { MessageCatalog } from './catalog';

export const en: MessageCatalog = {
  title: {
    review_assigned: 'You are asked to review {code}',
    consent_expiring: 'Consent for {code} in {country} expires in {days} days',
    consent_withdrawn: 'Consent for {code} in {country} was withdrawn',
    paragraph6_lost: '{code} no longer meets paragraph 6',
    receipt_recorded: 'Receipt of {amount} {currency} recorded',
  },
  body: {
    review_assigned: 'You have been assigned to review the proposal {code}, "{title}".',
    consent_expiring:
      'The consent of {country} to the project {code}, "{title}", is valid until {date}. Ask for its renewal before then.',
    consent_withdrawn:
      'The consent of {country} to the funded project {code}, "{title}", was withdrawn on {date}.',
    paragraph6_lost:
      'The project {code}, "{title}", no longer meets paragraph 6 of General Assembly resolution 66/290 (consent of the recipient State and alignment with national strategies) as of {date}.',
    receipt_recorded: 'A receipt of {amount} {currency} from {donor} was recorded on {date}. Thank you.',
  },
  dueOn: 'The review is due on {due}.',
  open: 'Open in HSTF Portfolio',
  digestSubject: 'HSTF Portfolio: {count} notifications of the day',
  digestIntro: 'What happened since the last summary:',
  footer:
    'You receive this message from HSTF Portfolio, the system of record of the United Nations Trust Fund for Human Security. Choose what you receive, and how, in your notification settings.',
};
