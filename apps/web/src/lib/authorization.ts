import { ROLES, isRole, type Role } from '@hstf/domain';

/** The screens of the dashboard and the roles that may open them (DESIGN.md §5). */
const SCREEN_ROLES = {
  overview: ROLES,
  countries: ROLES,
  organizations: ['admin', 'staff'],
  projects: ['admin', 'staff', 'donor'],
  reviews: ['admin', 'staff', 'reviewer'],
  strategies: ROLES,
  lessons: ['admin', 'staff', 'donor'],
  myContributions: ['donor'],
  donors: ['admin', 'staff'],
  users: ['admin'],
  audit: ['admin', 'staff'],
  imports: ['admin', 'staff'],
} as const satisfies Record<string, readonly Role[]>;

export type Screen = keyof typeof SCREEN_ROLES;

export function canOpen(role: string | undefined, screen: Screen): boolean {
  return isRole(role) && (SCREEN_ROLES[screen] as readonly Role[]).includes(role);
}

export { isRole, type Role };
