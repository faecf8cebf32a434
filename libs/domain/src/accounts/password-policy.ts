export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem =
  | { code: 'too_short'; minLength: number }
  | { code: 'too_long'; maxLength: number }
  | { code: 'same_as_email' }
  | { code: 'one_character' }
  | { code: 'common' };

/**
 * Whether a password is on, or a small variation of, a list of common or breached passwords.
 * The list is too large for the dashboard's bundle, so the API passes it in; without it the rule
 * is not checked (the dashboard then learns of it from the API's answer).
 */
export type CommonPasswordCheck = (password: string) => boolean;

/**
 * Length is what makes a password strong (NIST SP 800-63B); composition rules are not imposed.
 * Length is counted in Unicode code points so that non-Latin passwords are not penalised.
 * Refused whatever their length (ASVS 5.0 §6.2): a common or breached password, one character
 * repeated, and a password containing the account's email address.
 */
export function passwordProblems(
  password: string,
  email?: string,
  isCommon?: CommonPasswordCheck,
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const characters = [...password];
  if (characters.length < PASSWORD_MIN_LENGTH)
    problems.push({ code: 'too_short', minLength: PASSWORD_MIN_LENGTH });
  if (characters.length > PASSWORD_MAX_LENGTH)
    problems.push({ code: 'too_long', maxLength: PASSWORD_MAX_LENGTH });
  if (characters.length > 1 && new Set(characters).size === 1) problems.push({ code: 'one_character' });
  const address = email?.trim().toLowerCase();
  if (address && password.toLowerCase().includes(address)) problems.push({ code: 'same_as_email' });
  // Asked last, and only of a password nothing else refuses: the list is the costly check.
  if (isCommon && problems.length === 0 && isCommon(password)) problems.push({ code: 'common' });
  return problems;
}

export function describePasswordProblem(problem: PasswordProblem): string {
  switch (problem.code) {
    case 'too_short':
      return `must be at least ${problem.minLength} characters long`;
    case 'too_long':
      return `must be at most ${problem.maxLength} characters long`;
    case 'same_as_email':
      return 'must not contain the email address';
    case 'one_character':
      return 'must not be one character repeated';
    case 'common':
      return 'is too common: it is, or is close to, a password on lists of common or breached passwords';
  }
}
