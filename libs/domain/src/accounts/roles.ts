/** The four roles of DESIGN.md §5. Order matters only for display. */
export const ROLES = ['admin', 'staff', 'reviewer', 'donor'] as const;

export type Role = (typeof ROLES)[number];

/**
 * Who reads a project in full (DESIGN.md §5): HSU staff, administrators, and donors (their own
 * donor's projects). A reviewer reads the proposals assigned to them through their reviews.
 */
export const PROJECT_READERS = ['admin', 'staff', 'donor'] as const satisfies readonly Role[];

export function readsProjects(role: Role): boolean {
  return (PROJECT_READERS as readonly Role[]).includes(role);
}

/** Who reads the project list, and so may export it; the same roles today, a rule of its own. */
export const PROJECT_LIST_ROLES = ['admin', 'staff', 'donor'] as const satisfies readonly Role[];

export function listsProjects(role: Role): boolean {
  return (PROJECT_LIST_ROLES as readonly Role[]).includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * A donor user reads its own donor's records, so it must be linked to a donor;
 * no other role may carry a donor link, or object-level checks would leak.
 */
export function donorLinkProblem(role: Role, donorId: string | null | undefined): string | null {
  if (role === 'donor' && !donorId) return 'A donor user must be linked to a donor.';
  if (role !== 'donor' && donorId) return 'Only donor users can be linked to a donor.';
  return null;
}
