/** One field of an audited record, before and after the change. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** Secrets never shown, whatever an entry holds: the API leaves them out, and so does the screen. */
const SECRET_FIELDS = new Set([
  'password',
  'passwordHash',
  'password_hash',
  'token',
  'tokenHash',
  'token_hash',
]);

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields of the before and after images, changed ones first (in the record's order), then the
 * others. A creation has no before; a deletion no after.
 */
export function diffRecords(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): FieldChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (field) => !SECRET_FIELDS.has(field),
  );
  const rows = fields.map((field) => {
    const was = before ? before[field] : undefined;
    const is = after ? after[field] : undefined;
    return { field, before: was, after: is, changed: !same(was, is) };
  });
  return [...rows.filter((row) => row.changed), ...rows.filter((row) => !row.changed)];
}
