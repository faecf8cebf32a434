import { ROLES, type Role } from '@hstf/domain';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** The filters of the users screen, kept in the address. */
export interface UserFilters {
  role: Role | null;
  q: string;
}

export function parseUserFilters(params: URLSearchParams): UserFilters {
  const role = params.get('role');
  return {
    role: (ROLES as readonly (string | null)[]).includes(role) ? (role as Role) : null,
    q: params.get('q')?.trim() ?? '',
  };
}

export function writeUserFilters(params: URLSearchParams, filters: UserFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  if (filters.role) next.set('role', filters.role);
  else next.delete('role');
  if (filters.q.trim()) next.set('q', filters.q.trim());
  else next.delete('q');
  return next;
}

export function useUserFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseUserFilters(params), [params]);
  const update = useCallback(
    (change: Partial<UserFilters>) =>
      setParams((current) => writeUserFilters(current, { ...parseUserFilters(current), ...change }), {
        replace: true,
        flushSync: true,
      }),
    [setParams],
  );
  return [filters, update] as const;
}
