import {
  COMPLIANCE_STATUSES,
  HUMAN_SECURITY_DIMENSIONS,
  STAGES,
  VULNERABLE_GROUPS,
  type ComplianceStatus,
  type HumanSecurityDimension,
  type Stage,
  type VulnerableGroup,
} from '@hstf/domain';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export const PROJECT_SORTS = ['code', 'title', 'startDate', 'approvedBudget', 'updatedAt'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];
export const WINDOWS = ['I', 'II'] as const;
export type FundingWindow = (typeof WINDOWS)[number];
export const SDGS = Array.from({ length: 17 }, (_, index) => index + 1);
export const FIRST_YEAR = 1999;

/** Every filter of GET /api/v1/projects and the order, kept in the address so a view can be shared. */
export interface ProjectFilters {
  stage: Stage[];
  window: FundingWindow | null;
  /** Recipient countries, ISO 3166-1 alpha-3; a project matches when it works in any of them. */
  country: string[];
  /** UN M49 region or sub-region code. */
  region: string | null;
  organization: string | null;
  dimension: HumanSecurityDimension | null;
  group: VulnerableGroup | null;
  sdg: number | null;
  fromYear: number | null;
  toYear: number | null;
  /** Paragraph 6 statuses, each project judged on its stage's date; a project matches any of them. */
  compliance: ComplianceStatus[];
  q: string;
  sort: ProjectSort;
  descending: boolean;
}

export const DEFAULT_FILTERS: ProjectFilters = {
  stage: [],
  window: null,
  country: [],
  region: null,
  organization: null,
  dimension: null,
  group: null,
  sdg: null,
  fromYear: null,
  toYear: null,
  compliance: [],
  q: '',
  // What changed last first: the list is where staff come back to the work in hand.
  sort: 'updatedAt',
  descending: true,
};

const DEFAULT_SORT = `${DEFAULT_FILTERS.descending ? '-' : ''}${DEFAULT_FILTERS.sort}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

function list(params: URLSearchParams, key: string): string[] {
  return params
    .getAll(key)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

function integer(value: string | null, min: number, max: number): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const number = Number(value);
  return number >= min && number <= max ? number : null;
}

/** Reads the filters from the address; anything the API would refuse is left out rather than sent. */
export function parseProjectFilters(params: URLSearchParams): ProjectFilters {
  const sort = params.get('sort') ?? DEFAULT_SORT;
  const descending = sort.startsWith('-');
  const sortField = oneOf(PROJECT_SORTS, descending ? sort.slice(1) : sort);
  const organization = params.get('organization');
  const region = params.get('region');
  return {
    stage: [...new Set(list(params, 'stage').filter((s): s is Stage => oneOf(STAGES, s) !== null))],
    window: oneOf(WINDOWS, params.get('window')),
    country: [
      ...new Set(
        list(params, 'country')
          .map((c) => c.toUpperCase())
          .filter((c) => /^[A-Z]{3}$/.test(c)),
      ),
    ],
    region: region && /^\d{3}$/.test(region) ? region : null,
    organization: organization && UUID.test(organization) ? organization : null,
    dimension: oneOf(HUMAN_SECURITY_DIMENSIONS, params.get('dimension')),
    group: oneOf(VULNERABLE_GROUPS, params.get('group')),
    sdg: integer(params.get('sdg'), 1, 17),
    fromYear: integer(params.get('fromYear'), FIRST_YEAR, 2200),
    toYear: integer(params.get('toYear'), FIRST_YEAR, 2200),
    compliance: [
      ...new Set(
        list(params, 'compliance').filter(
          (s): s is ComplianceStatus => oneOf(COMPLIANCE_STATUSES, s) !== null,
        ),
      ),
    ],
    q: params.get('q')?.trim() ?? '',
    sort: sortField ?? DEFAULT_FILTERS.sort,
    descending: sortField !== null ? descending : DEFAULT_FILTERS.descending,
  };
}

/** Writes the filters into the address; defaults are left out so a plain list has a plain address. */
export function writeProjectFilters(params: URLSearchParams, filters: ProjectFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | number | null | undefined) =>
    value === null || value === undefined || value === '' ? next.delete(key) : next.set(key, String(value));
  set('q', filters.q.trim());
  set('stage', filters.stage.join(','));
  set('window', filters.window);
  set('country', filters.country.join(','));
  set('region', filters.region);
  set('organization', filters.organization);
  set('dimension', filters.dimension);
  set('group', filters.group);
  set('sdg', filters.sdg);
  set('fromYear', filters.fromYear);
  set('toYear', filters.toYear);
  set('compliance', filters.compliance.join(','));
  const sort = `${filters.descending ? '-' : ''}${filters.sort}`;
  set('sort', sort === DEFAULT_SORT ? null : sort);
  return next;
}

export function activeFilterCount(filters: ProjectFilters): number {
  return [
    filters.stage.length > 0,
    filters.window,
    filters.country.length > 0,
    filters.region,
    filters.organization,
    filters.dimension,
    filters.group,
    filters.sdg,
    filters.fromYear,
    filters.toYear,
    filters.compliance.length > 0,
    filters.q,
  ].filter(Boolean).length;
}

export function clearedFilters(filters: ProjectFilters): ProjectFilters {
  return { ...DEFAULT_FILTERS, sort: filters.sort, descending: filters.descending };
}

export function useProjectFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseProjectFilters(params), [params]);
  const update = useCallback(
    (change: Partial<ProjectFilters>) =>
      setParams((current) => writeProjectFilters(current, { ...parseProjectFilters(current), ...change }), {
        replace: true,
        flushSync: true,
      }),
    [setParams],
  );
  return [filters, update] as const;
}
