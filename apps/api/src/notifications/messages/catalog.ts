import type { NotificationKind } from '@hstf/domain';

/** One language's words for every notification, its mail and the digest. `{name}` is a fact. */
export interface MessageCatalog {
  /** A notification's one-line title, in the bell's list and as its mail's subject. */
  title: Record<NotificationKind, string>;
  /** A notification's sentence. */
  body: Record<NotificationKind, string>;
  /** The words of a fact that names a kind of thing rather than a thing: a revision, a decision, a report. */
  words: {
    revision: Record<'budget' | 'extension', string>;
    decision: Record<'approved' | 'rejected', string>;
    report: Record<'progress' | 'final_narrative' | 'final_financial', string>;
  };
  /** Added to review_assigned when the review has a due date. */
  dueOn: string;
  open: string;
  digestSubject: string;
  digestIntro: string;
  footer: string;
  /** Ends a notice to an organization's contact, who has no account and no settings. */
  contactFooter: string;
}
