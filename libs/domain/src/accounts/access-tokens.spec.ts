import {
  ACCESS_TOKEN_LIVE_LIMIT,
  ACCESS_TOKEN_MAX_DAYS,
  accessTokenProblems,
  isAccessToken,
} from './access-tokens';
import { addDays } from '../calendar/iso-date';

const today = '2026-12-06';
const codes = (expiresOn: string | null, live = 0) =>
  accessTokenProblems({ expiresOn, today, live }).map((p) => p.code);

describe('a new personal access token', () => {
  it('may work until revoked', () => {
    expect(codes(null)).toEqual([]);
  });

  it('may expire at the end of today but not on a day already past', () => {
    expect(codes(today)).toEqual([]);
    expect(codes(addDays(today, -1))).toEqual(['access_token_expiry_past']);
  });

  it(`expires within ${ACCESS_TOKEN_MAX_DAYS} days`, () => {
    expect(codes(addDays(today, ACCESS_TOKEN_MAX_DAYS))).toEqual([]);
    expect(codes(addDays(today, ACCESS_TOKEN_MAX_DAYS + 1))).toEqual(['access_token_expiry_too_far']);
  });

  it(`is refused once the user holds ${ACCESS_TOKEN_LIVE_LIMIT} live tokens`, () => {
    expect(codes(null, ACCESS_TOKEN_LIVE_LIMIT - 1)).toEqual([]);
    expect(codes(null, ACCESS_TOKEN_LIVE_LIMIT)).toEqual(['access_token_live_limit']);
  });
});

describe('isAccessToken', () => {
  it('recognises the prefix, not a session token', () => {
    expect(isAccessToken('hstf_pat_q7Vh0kYw3n2RZb1mX9sLc4TfJd8uPaE6oGiN5yKzW0A')).toBe(true);
    expect(isAccessToken('q7Vh0kYw3n2RZb1mX9sLc4TfJd8uPaE6oGiN5yKzW0A')).toBe(false);
  });
});
