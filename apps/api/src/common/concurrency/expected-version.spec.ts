import { parseIfMatch } from './expected-version';

describe('parseIfMatch', () => {
  it.each([
    ['"3"', 3],
    ['W/"3"', 3],
    ['3', 3],
    [' "12" ', 12],
  ])('reads %s as version %d', (header, version) => {
    expect(parseIfMatch(header)).toBe(version);
  });

  it('treats a missing or empty header as no version', () => {
    expect(parseIfMatch(undefined)).toBeNull();
    expect(parseIfMatch('')).toBeNull();
  });

  it.each(['*', '"abc"', '"3", "4"', '-1', '"3.5"'])('reads %s as not a version (NaN)', (header) => {
    expect(parseIfMatch(header)).toBeNaN();
  });
});
