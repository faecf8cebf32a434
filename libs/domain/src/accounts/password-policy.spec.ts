import { PASSWORD_MIN_LENGTH, passwordProblems } from './password-policy';

describe('password policy', () => {
  it('accepts a password of exactly the minimum length', () => {
    expect(passwordProblems('abcdefghijk1'.slice(0, PASSWORD_MIN_LENGTH))).toEqual([]);
  });

  it('refuses a password one character shorter than the minimum', () => {
    expect(passwordProblems('abcdefghijk')).toEqual([{ code: 'too_short', minLength: PASSWORD_MIN_LENGTH }]);
  });

  it('counts characters, not UTF-16 code units, so twelve emoji are long enough and eleven are not', () => {
    expect(passwordProblems('🔒🔑'.repeat(6))).toEqual([]);
    expect(passwordProblems('🔒🔑'.repeat(6).slice(0, -2))[0]?.code).toBe('too_short');
  });

  it('refuses the email address as a password, whatever its case', () => {
    expect(passwordProblems('Staff.Member@Example.org', 'staff.member@example.org')).toEqual([
      { code: 'same_as_email' },
    ]);
  });

  it('refuses a password that contains the email address', () => {
    expect(passwordProblems('my staff.member@example.org!', ' Staff.Member@example.org')).toEqual([
      { code: 'same_as_email' },
    ]);
    expect(passwordProblems('staff.member and more', 'staff.member@example.org')).toEqual([]);
  });

  it.each(['aaaaaaaaaaaa', ' '.repeat(12), '🔒'.repeat(12), '1'.repeat(40)])(
    'refuses one character repeated: %j',
    (password) => {
      expect(passwordProblems(password)).toEqual([{ code: 'one_character' }]);
    },
  );

  it('refuses a password the injected list calls common, and asks it nothing it already refuses', () => {
    const asked: string[] = [];
    const isCommon = (password: string) => (asked.push(password), password === 'password1234');
    expect(passwordProblems('password1234', undefined, isCommon)).toEqual([{ code: 'common' }]);
    expect(passwordProblems('a rarer pass phrase', undefined, isCommon)).toEqual([]);
    expect(passwordProblems('aaaaaaaaaaaa', undefined, isCommon)).toEqual([{ code: 'one_character' }]);
    expect(passwordProblems('password', undefined, isCommon)).toEqual([{ code: 'too_short', minLength: 12 }]);
    expect(asked).toEqual(['password1234', 'a rarer pass phrase']);
  });

  it('refuses a password longer than the maximum', () => {
    expect(passwordProblems('ab'.repeat(129))[0]?.code).toBe('too_long');
  });
});
