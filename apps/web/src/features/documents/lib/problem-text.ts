import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/problem';
import { useProblemText } from '../../../lib/use-problem-text';

/**
 * An upload's refusal in the reader's language: too large, a type not accepted (read from the
 * content), or empty; any other problem as the project screens word it.
 */
export function useDocumentProblemText() {
  const { t } = useTranslation();
  const general = useProblemText();
  return useCallback(
    (error: unknown): string => {
      if (error instanceof ApiError) {
        if (error.status === 413) return t('documents.problems.tooLarge');
        if (error.status === 415) return t('documents.problems.type');
        if (error.status === 422) return t('documents.problems.empty');
      }
      return general(error);
    },
    [t, general],
  );
}
