import { useTranslation } from 'react-i18next';

/** A refusal in the reader's language by its code and facts; the server's English words otherwise. */
export function useProblemText() {
  const { t, i18n } = useTranslation();
  return (problem: { code?: unknown; facts?: unknown; detail?: string; title: string }) => {
    const key = `receipts.problems.${String(problem.code)}`;
    return i18n.exists(key)
      ? (t as (k: string, o: object) => string)(key, problem.facts ?? {})
      : (problem.detail ?? problem.title);
  };
}
