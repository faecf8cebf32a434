export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem =
  | { code: 'too_short'; minLength: number }
  | { code: 'too_long'; maxLength: number }
  | { code: 'same_as_email' };

/**
 * Length is what makes a password strong (NIST SP 800-63B); composition rules are not imposed.
 * Length is counted in Unicode code points so that non-Latin passwords are not penalised.
 */
export function passwordProblems(password: string, email?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push({ code: 'too_short', minLength: PASSWORD_MIN_LENGTH });
  if (length > PASSWORD_MAX_LENGTH) problems.push({ code: 'too_long', maxLength: PASSWORD_MAX_LENGTH });
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) {
    problems.push({ code: 'same_as_email' });
  }
  return problems;
}

export function describePasswordProblem(problem: PasswordProblem): string {
  switch (problem.code) {
    case 'too_short':
      return `must be at least ${problem.minLength} characters long`;
    case 'too_long':
      return `must be at most ${problem.maxLength} characters long`;
    case 'same_as_email':
      return 'must not be the email address';
  }
}
