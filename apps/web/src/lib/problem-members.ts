import { ApiError } from './problem';

/** A problem document's field errors, by field path ("organizations.0.budgetShare"). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.problem?.errors) return {};
  const errors: Record<string, string> = {};
  for (const { field, message } of error.problem.errors) {
    errors[field] = errors[field] ? `${errors[field]}; ${message}` : message;
  }
  return errors;
}

/** The version the record is at now, when the change was refused as stale (409). */
export function staleVersionOf(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const current = (error.problem as { currentVersion?: unknown } | null)?.currentVersion;
  return typeof current === 'number' ? current : null;
}

/** The failures of a refused transition (422). */
export function failuresOf(
  error: unknown,
): { code: string; facts?: Record<string, unknown>; message?: string }[] {
  if (!(error instanceof ApiError) || !error.problem) return [];
  const failures = (error.problem as { failures?: unknown }).failures;
  return Array.isArray(failures)
    ? (failures as { code: string; facts?: Record<string, unknown>; message?: string }[])
    : [];
}

export function detailOf(error: unknown): string | null {
  if (error instanceof ApiError) return error.problem?.detail ?? error.problem?.title ?? null;
  return null;
}

export function statusOfError(error: unknown): number | null {
  return error instanceof ApiError ? error.status : null;
}
