import { PASSWORD_MIN_LENGTH, passwordProblems } from './password-policy';

describe('password policy', () => {
  it('accepts a password of exactly the minimum length', () => {
    expect(passwordProblems('a'.repeat(PASSWORD_MIN_LENGTH))).toEqual([]);
  });

  it('refuses a password one character shorter than the minimum', () => {
    expect(passwordProblems('a'.repeat(PASSWORD_MIN_LENGTH - 1))).toEqual([
      { code: 'too_short', minLength: PASSWORD_MIN_LENGTH },
    ]);
  });

  it('counts characters, not UTF-16 code units, so twelve emoji are long enough and eleven are not', () => {
    expect(passwordProblems('🔒'.repeat(12))).toEqual([]);
    expect(passwordProblems('🔒'.repeat(11))[0]?.code).toBe('too_short');
  });

  it('refuses the email address as a password, whatever its case', () => {
    expect(passwordProblems('Staff.Member@Example.org', 'staff.member@example.org')).toEqual([
      { code: 'same_as_email' },
    ]);
  });

  it('refuses a password longer than the maximum', () => {
    expect(passwordProblems('a'.repeat(257))[0]?.code).toBe('too_long');
  });
});
