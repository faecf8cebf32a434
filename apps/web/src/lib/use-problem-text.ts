import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './problem';

/** The problems the project screens can meet, by the last segment of their type URI. */
const KNOWN = [
  'duplicate-code',
  'duplicate-consent',
  'duplicate-alignment',
  'duplicate-review',
  'consent-status-change',
  'over-budget',
  'over-share',
  'paragraph-6-not-met',
  'fund-over-committed',
  'reversal-refused',
  'refund-refused',
  'money-entries-append-only',
  'project-not-fundable',
  'approved-budget-fixed',
  'moderation-note-exists',
  'recipient-in-use',
  'participant-has-transfers',
  'forbidden',
  'not-found',
] as const;
type Known = (typeof KNOWN)[number];

function slugOf(error: unknown): string | null {
  if (!(error instanceof ApiError) || !error.problem?.type) return null;
  return error.problem.type.split('/').pop() ?? null;
}

/**
 * A refusal of the API in the reader's language: a known problem type has its own sentence; any
 * other falls back to the API's detail (English), and a failure without a problem to the generic one.
 */
export function useProblemText() {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown): string => {
      const slug = slugOf(error);
      if (slug && (KNOWN as readonly string[]).includes(slug)) return t(`projects.problems.${slug as Known}`);
      if (error instanceof ApiError && error.status >= 500) return t('common.errorBody');
      if (error instanceof ApiError && error.problem?.detail) return error.problem.detail;
      return t('common.errorBody');
    },
    [t],
  );
}
