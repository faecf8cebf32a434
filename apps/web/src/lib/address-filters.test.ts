import { describe, expect, it } from 'vitest';
import { choiceFilters } from './address-filters';

const kinds = choiceFilters('kind', ['ngo', 'government'] as const);

describe('a list filtered by one choice and a search, kept in the address', () => {
  it('reads the choice and the trimmed search, and a choice it does not know as none', () => {
    expect(kinds.parse(new URLSearchParams('kind=ngo&q=%20water%20'))).toEqual({ kind: 'ngo', q: 'water' });
    expect(kinds.parse(new URLSearchParams('kind=bank'))).toEqual({ kind: null, q: '' });
    expect(kinds.isChoice('government')).toBe(true);
    expect(kinds.isChoice('bank')).toBe(false);
  });

  it('writes the filters over the address, leaving out the empty ones and keeping the rest', () => {
    const before = new URLSearchParams('kind=ngo&q=water&page=2');
    expect(kinds.write(before, { kind: 'government', q: ' roads ' }).toString()).toBe(
      'kind=government&q=roads&page=2',
    );
    expect(kinds.write(before, { kind: null, q: '  ' }).toString()).toBe('page=2');
    expect(before.toString()).toBe('kind=ngo&q=water&page=2');
  });
});
