import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { AUDITED_ACTIONS, AUDITED_ENTITIES } from '../../../lib/audited-kinds';

/** The audit log's filters, in the address so a view of the log can be shared. Dates are calendar days. */
export interface AuditFilters {
  entity: string | null;
  entityId: string;
  actorId: string | null;
  action: string | null;
  /** First day shown, YYYY-MM-DD, in the reader's time zone. */
  from: string | null;
  /** Last day shown, YYYY-MM-DD, inclusive. */
  to: string | null;
}

export const AUDIT_FILTER_KEYS = ['entity', 'entityId', 'actorId', 'action', 'from', 'to'] as const;

/** Every kind of record and action the API audits (the OpenAPI document's enums), for the filters. */
export const KNOWN_ENTITIES: readonly string[] = AUDITED_ENTITIES;

export const KNOWN_ACTIONS: readonly string[] = AUDITED_ACTIONS;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseAuditFilters(params: URLSearchParams): AuditFilters {
  const day = (key: string) => {
    const value = params.get(key);
    return value && DAY.test(value) ? value : null;
  };
  const actorId = params.get('actorId');
  return {
    entity: params.get('entity') || null,
    entityId: params.get('entityId')?.trim() ?? '',
    actorId: actorId && UUID.test(actorId) ? actorId : null,
    action: params.get('action') || null,
    from: day('from'),
    to: day('to'),
  };
}

export function writeAuditFilters(params: URLSearchParams, filters: AuditFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null) => (value ? next.set(key, value) : next.delete(key));
  set('entity', filters.entity);
  set('entityId', filters.entityId.trim() || null);
  set('actorId', filters.actorId);
  set('action', filters.action);
  set('from', filters.from);
  set('to', filters.to);
  return next;
}

export function hasActiveFilters(filters: AuditFilters): boolean {
  return AUDIT_FILTER_KEYS.some((key) => Boolean(filters[key]));
}

/** The start of a calendar day in the reader's time zone, as the instant the API expects. */
export function startOfDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date).toISOString();
}

/** The instant after the last day: the API's `to` is exclusive. */
export function endOfDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date + 1).toISOString();
}

export function useAuditFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseAuditFilters(params), [params]);
  const update = useCallback(
    (change: Partial<AuditFilters>) =>
      setParams((current) => writeAuditFilters(current, { ...parseAuditFilters(current), ...change }), {
        replace: true,
        flushSync: true,
      }),
    [setParams],
  );
  return [filters, update] as const;
}
