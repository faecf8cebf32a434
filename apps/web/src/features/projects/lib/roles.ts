/** Who may change projects, consents, alignments, transfers and decisions (DESIGN.md §5). */
export function canEditProjects(role: string | undefined): boolean {
  return role === 'admin' || role === 'staff';
}

/** Reviews, the assessment and the audit log are for admin and staff; donors get 403 on them. */
export function canReadReviews(role: string | undefined): boolean {
  return role === 'admin' || role === 'staff';
}
