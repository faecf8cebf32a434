import { describeParagraph3Problem, screenParagraph3 } from './paragraph-3';

describe('paragraph 3 screening', () => {
  it('is declared when both declarations are made, and quotes the resolution', () => {
    const result = screenParagraph3({
      noThreatOrUseOfForce: true,
      distinctFromResponsibilityToProtect: true,
    });
    expect(result.status).toBe('declared');
    expect(result.problems).toEqual([]);
    expect(result.declarations.map((d) => d.quote)).toEqual([
      expect.stringMatching(/^\(e\) Human security does not entail the threat or the use of force/),
      expect.stringMatching(
        /^\(d\) The notion of human security is distinct from the responsibility to protect/,
      ),
    ]);
  });

  it('is incomplete while a declaration is unanswered', () => {
    const result = screenParagraph3({
      noThreatOrUseOfForce: true,
      distinctFromResponsibilityToProtect: null,
    });
    expect(result.status).toBe('incomplete');
    expect(result.problems).toEqual([
      { code: 'paragraph_3_declaration_missing', facts: { paragraph: '3(d)' } },
    ]);
  });

  it('is flagged when a declaration cannot be made, even if the other is unanswered', () => {
    const result = screenParagraph3({
      noThreatOrUseOfForce: false,
      distinctFromResponsibilityToProtect: null,
    });
    expect(result.status).toBe('flagged');
    expect(result.problems.map((p) => p.code)).toEqual([
      'paragraph_3_declaration_refused',
      'paragraph_3_declaration_missing',
    ]);
    expect(describeParagraph3Problem(result.problems[0]!)).toBe(
      'It could not be declared that the project entails no threat or use of force or coercive measures (resolution 66/290, paragraph 3(e)).',
    );
  });
});
