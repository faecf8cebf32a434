import { RESOLUTION_66_290_PARAGRAPH_3D, RESOLUTION_66_290_PARAGRAPH_3E } from './resolution-66-290';

/**
 * The paragraph 3 declarations recorded at screening. null: not answered yet; false: the project
 * cannot make the declaration, which is a finding in itself, not a gap to fill.
 */
export interface Paragraph3Declarations {
  noThreatOrUseOfForce: boolean | null;
  distinctFromResponsibilityToProtect: boolean | null;
}

export type Paragraph3Item = '3(e)' | '3(d)';

export interface Paragraph3Declaration {
  paragraph: Paragraph3Item;
  quote: string;
  declared: boolean | null;
}

export type Paragraph3Problem =
  | { code: 'paragraph_3_declaration_missing'; facts: { paragraph: Paragraph3Item } }
  | { code: 'paragraph_3_declaration_refused'; facts: { paragraph: Paragraph3Item } };

export type Paragraph3Status = 'declared' | 'incomplete' | 'flagged';

export interface Paragraph3Screening {
  /** flagged when a declaration was refused, else incomplete while one is unanswered. */
  status: Paragraph3Status;
  declarations: Paragraph3Declaration[];
  problems: Paragraph3Problem[];
}

/**
 * A screening check beside paragraph 6, not a gate of the lifecycle (DESIGN.md §4.3 names none):
 * staff see it and decide.
 */
export function screenParagraph3(declarations: Paragraph3Declarations): Paragraph3Screening {
  const items: Paragraph3Declaration[] = [
    { paragraph: '3(e)', quote: RESOLUTION_66_290_PARAGRAPH_3E, declared: declarations.noThreatOrUseOfForce },
    {
      paragraph: '3(d)',
      quote: RESOLUTION_66_290_PARAGRAPH_3D,
      declared: declarations.distinctFromResponsibilityToProtect,
    },
  ];
  const problems: Paragraph3Problem[] = [];
  for (const item of items) {
    if (item.declared === null) {
      problems.push({ code: 'paragraph_3_declaration_missing', facts: { paragraph: item.paragraph } });
    } else if (!item.declared) {
      problems.push({ code: 'paragraph_3_declaration_refused', facts: { paragraph: item.paragraph } });
    }
  }
  const status: Paragraph3Status = problems.some((p) => p.code === 'paragraph_3_declaration_refused')
    ? 'flagged'
    : problems.length > 0
      ? 'incomplete'
      : 'declared';
  return { status, declarations: items, problems };
}

const WHAT_IS_DECLARED: Record<Paragraph3Item, string> = {
  '3(e)': 'the project entails no threat or use of force or coercive measures',
  '3(d)': 'the project is distinct from the responsibility to protect and its implementation',
};

export function describeParagraph3Problem(problem: Paragraph3Problem): string {
  const { paragraph } = problem.facts;
  switch (problem.code) {
    case 'paragraph_3_declaration_missing':
      return `It has not yet been declared that ${WHAT_IS_DECLARED[paragraph]} (resolution 66/290, paragraph ${paragraph}).`;
    case 'paragraph_3_declaration_refused':
      return `It could not be declared that ${WHAT_IS_DECLARED[paragraph]} (resolution 66/290, paragraph ${paragraph}).`;
  }
}
