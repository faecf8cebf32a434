/** A lone UTF-16 surrogate: in unicode mode a well-formed pair is one code point and does not match. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Why a string from a request cannot be stored, or null when it can. PostgreSQL refuses NUL in
 * text (22021) and a lone surrogate has no UTF-8 form (validators throw URIError on it), so both
 * are refused where they enter rather than deep in a query.
 */
export function unstorableText(value: string): string | null {
  if (value.includes('\0')) return 'must not contain a NUL character';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text (it holds a lone UTF-16 surrogate)';
  return null;
}
