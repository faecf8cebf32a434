import type { MessageCatalog } from './catalog';

export const en: MessageCatalog = {
  title: {
    review_assigned: 'You are asked to review {code}',
    consent_expiring: 'Consent for {code} in {country} expires in {days} days',
    consent_withdrawn: 'Consent for {code} in {country} was withdrawn',
    paragraph6_lost: '{code} no longer meets paragraph 6',
    receipt_recorded: 'Receipt of {amount} {currency} recorded',
    review_reminder: 'Your review of {code} is due on {due}',
    review_overdue: 'A review of {code} is overdue',
    proposal_waiting: '{code} has been under review for {days} days',
    consent_request_overdue: 'Consent of {country} to {code} requested {days} days ago, unanswered',
    report_due: 'The {report} of {code} is due on {date}',
    report_overdue: 'The {report} of {code} is overdue',
    revision_decided: 'The {revision} of {code} was {decision}',
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
    review_reminder: 'Your review of the proposal {code}, "{title}", is due on {due}.',
    review_overdue:
      'The review of the proposal {code}, "{title}", by {reviewer} was due on {due} and has not been submitted.',
    proposal_waiting:
      'The proposal {code}, "{title}", has been under review since {date}, longer than the Fund allows.',
    consent_request_overdue:
      'The consent of {country} to the proposal {code}, "{title}", was requested on {date} and has not been answered.',
    report_due: 'The {report} of the project {code}, "{title}", is due on {date}.',
    report_overdue:
      'The {report} of the project {code}, "{title}", was due on {date} and has not been accepted.',
    revision_decided: 'The {revision} requested for the project {code}, "{title}", was {decision}.',
  },
  words: {
    revision: { budget: 'budget revision', extension: 'no-cost extension' },
    decision: { approved: 'approved', rejected: 'rejected' },
    report: {
      progress: 'progress report',
      final_narrative: 'final narrative report',
      final_financial: 'final financial statement',
    },
  },
  dueOn: 'The review is due on {due}.',
  open: 'Open in HSTF Portfolio',
  digestSubject: 'HSTF Portfolio: {count} notifications of the day',
  digestIntro: 'What happened since the last summary:',
  footer:
    'You receive this message from HSTF Portfolio, the system of record of the United Nations Trust Fund for Human Security. Choose what you receive, and how, in your notification settings.',
  contactFooter:
    'You receive this message as the contact of {organization} recorded by the United Nations Trust Fund for Human Security for this project. To change or remove this contact, write to the Fund’s Human Security Unit.',
};
