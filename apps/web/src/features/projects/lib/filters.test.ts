import { describe, expect, it } from 'vitest';
import { projectsQuery } from '../api/get-projects';
import { DEFAULT_FILTERS, parseProjectFilters, writeProjectFilters } from './filters';

describe('project filters in the address', () => {
  it('round-trips every filter and the order', () => {
    const search =
      'q=water&stage=under_review%2Capproved&window=II&country=KEN%2CUGA&region=002&organization=04dd637d-8a38-4b72-bb70-338bce8f9a65&dimension=food&group=youth&sdg=16&fromYear=2010&toYear=2020&compliance=non_compliant%2Cpending&sort=-approvedBudget';
    const filters = parseProjectFilters(new URLSearchParams(search));
    expect(filters).toEqual({
      q: 'water',
      stage: ['under_review', 'approved'],
      window: 'II',
      country: ['KEN', 'UGA'],
      region: '002',
      organization: '04dd637d-8a38-4b72-bb70-338bce8f9a65',
      dimension: 'food',
      group: 'youth',
      sdg: 16,
      fromYear: 2010,
      toYear: 2020,
      compliance: ['non_compliant', 'pending'],
      sort: 'approvedBudget',
      descending: true,
    });
    expect(writeProjectFilters(new URLSearchParams(), filters).toString()).toBe(search);
    expect(parseProjectFilters(writeProjectFilters(new URLSearchParams(), filters))).toEqual(filters);
  });

  it('leaves out what the API would refuse, and the defaults', () => {
    const filters = parseProjectFilters(
      new URLSearchParams(
        'stage=approved,bogus&window=III&country=ke,KEN,Kenya&sdg=18&fromYear=1900&organization=x&sort=-nope',
      ),
    );
    expect(filters).toEqual({ ...DEFAULT_FILTERS, stage: ['approved'], country: ['KEN'] });
    expect(writeProjectFilters(new URLSearchParams('tab=keep'), DEFAULT_FILTERS).toString()).toBe('tab=keep');
  });

  it('sends the API only the filters that are set, with -field for descending', () => {
    expect(projectsQuery(DEFAULT_FILTERS)).toEqual({ limit: 25, include: 'paragraph6', sort: '-updatedAt' });
    expect(projectsQuery({ ...DEFAULT_FILTERS, sort: 'code', descending: false })).toEqual({
      limit: 25,
      include: 'paragraph6',
    });
    expect(
      projectsQuery({ ...DEFAULT_FILTERS, sort: 'startDate', descending: true, stage: ['active'] }),
    ).toEqual({
      limit: 25,
      include: 'paragraph6',
      stage: ['active'],
      sort: '-startDate',
    });
  });

  it('opens on what changed last, and keeps a plain address for it', () => {
    expect(parseProjectFilters(new URLSearchParams())).toMatchObject({ sort: 'updatedAt', descending: true });
    const byCode = { ...DEFAULT_FILTERS, sort: 'code' as const, descending: false };
    expect(writeProjectFilters(new URLSearchParams(), byCode).toString()).toBe('sort=code');
    expect(parseProjectFilters(new URLSearchParams('sort=code'))).toEqual(byCode);
  });
});
