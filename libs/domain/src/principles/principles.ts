/**
 * The five principles of the human security approach, the 0–4 rubric reviewers score them on, and the
 * vocabularies a proposal is described with (DESIGN.md §3, §4.1). What the product shows people as the
 * meaning of a principle is quoted from the sources, not paraphrased.
 */

export const PRINCIPLE_IDS = [
  'people_centred',
  'comprehensive',
  'context_specific',
  'prevention_oriented',
  'protection_empowerment',
] as const;

export type PrincipleId = (typeof PRINCIPLE_IDS)[number];

export function isPrincipleId(value: unknown): value is PrincipleId {
  return typeof value === 'string' && (PRINCIPLE_IDS as readonly string[]).includes(value);
}

export interface SourceQuote {
  text: string;
  citation: string;
}

export interface Principle {
  id: PrincipleId;
  title: string;
  /** What the reviewer looks for (DESIGN.md §4.1). */
  looksFor: string;
  /** The principle in the words of the HSU Strategic Plan 2014–2017. */
  source: SourceQuote;
  /** Questions that turn the quoted principle into something a reviewer can check a proposal against. */
  guidingQuestions: readonly string[];
}

const STRATEGIC_PLAN =
  'Human Security Unit, Strategic Plan 2014–2017, "Key principles for advancing human security"';

/** Resolution 66/290, paragraph 3 (b): where the five principles come from. */
export const RESOLUTION_66_290_PARAGRAPH_3B: SourceQuote = {
  text: '(b) Human security calls for people-centred, comprehensive, context-specific and prevention-oriented responses that strengthen the protection and empowerment of all people and all communities;',
  citation: 'General Assembly resolution 66/290, paragraph 3 (b)',
};

export const PRINCIPLES: readonly Principle[] = [
  {
    id: 'people_centred',
    title: 'People-centred',
    looksFor:
      'The people whose survival, livelihood and dignity are threatened, the most vulnerable first; their participation in design and implementation.',
    source: {
      text: 'The human security approach is people-centred. It considers the broad range of conditions that threaten the survival, livelihood and dignity of people and their communities, particularly those who are most vulnerable. The human security approach puts people and their communities at the centre of responses to the threats they face.',
      citation: STRATEGIC_PLAN,
    },
    guidingQuestions: [
      'Whose survival, livelihood and dignity are threatened, and does the proposal reach those who are most vulnerable first?',
      'Does it put people and their communities at the centre of the response to the threats they face?',
      'How do the people concerned take part in the design and the implementation of the project?',
    ],
  },
  {
    id: 'comprehensive',
    title: 'Comprehensive',
    looksFor:
      'Interconnected threats across freedom from fear, from want and to live in dignity; multi-sectoral; all the actors needed (multi-agency), no duplication.',
    source: {
      text: 'In recognizing the complexity and interconnected nature of the challenges that confront the human condition, the application of human security is comprehensive in promoting freedom from fear, freedom from want and freedom to live in dignity. By being multisectoral and by drawing together all the actors necessary to respond to a challenge, the application of human security ensures coherence, eliminates duplication and advances integrated solutions that result in more effective and tangible benefits in the daily lives of people and their communities.',
      citation: STRATEGIC_PLAN,
    },
    guidingQuestions: [
      'Does it address the interconnected threats to freedom from fear, freedom from want and freedom to live in dignity?',
      'Is the response multisectoral, and does it draw together all the actors necessary to respond to the challenge?',
      'Does it ensure coherence and eliminate duplication with what other actors already do?',
    ],
  },
  {
    id: 'context_specific',
    title: 'Context-specific',
    looksFor:
      'Grounded in the local context, no blueprint; the differing capacities of people, civil society and Government.',
    source: {
      text: 'There is no “one size fits all” for human security. Threats to the human condition vary considerably within and across countries and at different point in time. A human security approach recognizes these contextual variances and avoids the misuse of blueprints which many times do not correlate to the context in question. Context-specific solutions such as these also recognize the differing capacities of people, civil society and Governments.',
      citation: STRATEGIC_PLAN,
    },
    guidingQuestions: [
      'Is the response grounded in an analysis of the local context, or is it a blueprint brought from elsewhere?',
      'Does it recognize the differing capacities of people, civil society and Government in each recipient country?',
      'Is it in line with the national strategies and priorities of each recipient country?',
    ],
  },
  {
    id: 'prevention_oriented',
    title: 'Prevention-oriented',
    looksFor: 'Root causes, not symptoms; early-warning mechanisms; sustainable and resilient solutions.',
    source: {
      text: 'The human security approach is philosophically different from those which seek to only solve problems – i.e., to treat the visible symptoms. By contrast, a human security approach is prevention-oriented, drilling down to ascertain the real causes of challenges to the human condition and building solutions to these threats that are in themselves sustainable and resilient, offering people flexible means to avert similar situations.',
      citation: STRATEGIC_PLAN,
    },
    guidingQuestions: [
      'Does it drill down to the real causes of the threats rather than treat their visible symptoms?',
      'Does it establish or strengthen early-warning mechanisms?',
      'Are its solutions sustainable and resilient, offering people flexible means to avert similar situations?',
    ],
  },
  {
    id: 'protection_empowerment',
    title: 'Protection and empowerment',
    looksFor:
      'Top-down protection (norms, institutions, early warning, governance, social protection) together with bottom-up empowerment of people to act on their own behalf.',
    source: {
      text: 'The human security approach recognizes that there are inherent responsibilities within the social contract of each and every society. Empowering people and their communities to articulate their needs is crucial for any people-centred approach to be viable. Likewise, top-down norms, processes and institutions, including the establishments of early-warning mechanisms, good governance and social protection instruments are fundamental characteristics of the human security approach. The human security approach therefore brings protection and empowerment measures into a framework that can better address complex challenges to the human condition.',
      citation: STRATEGIC_PLAN,
    },
    guidingQuestions: [
      'Which top-down measures does it put in place: norms, processes and institutions, early-warning mechanisms, good governance, social protection instruments?',
      'How does it empower people and their communities to articulate their needs and act on their own behalf?',
      'Do its protection and empowerment measures reinforce each other in one framework?',
    ],
  },
];

export function principle(id: PrincipleId): Principle {
  const found = PRINCIPLES.find((p) => p.id === id);
  if (!found) throw new RangeError(`Unknown principle: ${id}`);
  return found;
}

export const SCORES = [0, 1, 2, 3, 4] as const;
export type Score = (typeof SCORES)[number];

export function isScore(value: unknown): value is Score {
  return typeof value === 'number' && (SCORES as readonly number[]).includes(value);
}

export interface RubricLevel {
  score: Score;
  label: 'absent' | 'weak' | 'partial' | 'strong' | 'exemplary';
  description: string;
}

export const RUBRIC: readonly RubricLevel[] = [
  { score: 0, label: 'absent', description: 'The principle is not addressed.' },
  { score: 1, label: 'weak', description: 'Mentioned, not substantiated.' },
  { score: 2, label: 'partial', description: 'Addressed, gaps remain.' },
  { score: 3, label: 'strong', description: 'Evidence and concrete activities.' },
  { score: 4, label: 'exemplary', description: 'Integrated, evidence-based, measurable.' },
];

/** UNDP Human Development Report 1994, "New Dimensions of Human Security". */
export const HUMAN_SECURITY_DIMENSIONS = [
  'economic',
  'food',
  'health',
  'environmental',
  'personal',
  'community',
  'political',
] as const;

export type HumanSecurityDimension = (typeof HUMAN_SECURITY_DIMENSIONS)[number];

export function isHumanSecurityDimension(value: unknown): value is HumanSecurityDimension {
  return typeof value === 'string' && (HUMAN_SECURITY_DIMENSIONS as readonly string[]).includes(value);
}

export const HUMAN_SECURITY_DIMENSION_LABELS: Readonly<Record<HumanSecurityDimension, string>> = {
  economic: 'Economic security',
  food: 'Food security',
  health: 'Health security',
  environmental: 'Environmental security',
  personal: 'Personal security',
  community: 'Community security',
  political: 'Political security',
};

export const VULNERABLE_GROUPS = [
  'women_and_girls',
  'children',
  'youth',
  'older_persons',
  'persons_with_disabilities',
  'refugees',
  'internally_displaced_persons',
  'migrants',
  'indigenous_peoples',
  'minorities',
  'rural_communities',
  'urban_poor',
] as const;

export type VulnerableGroup = (typeof VULNERABLE_GROUPS)[number];

export function isVulnerableGroup(value: unknown): value is VulnerableGroup {
  return typeof value === 'string' && (VULNERABLE_GROUPS as readonly string[]).includes(value);
}

export const VULNERABLE_GROUP_LABELS: Readonly<Record<VulnerableGroup, string>> = {
  women_and_girls: 'Women and girls',
  children: 'Children',
  youth: 'Youth',
  older_persons: 'Older persons',
  persons_with_disabilities: 'Persons with disabilities',
  refugees: 'Refugees',
  internally_displaced_persons: 'Internally displaced persons',
  migrants: 'Migrants',
  indigenous_peoples: 'Indigenous peoples',
  minorities: 'Minorities',
  rural_communities: 'Rural communities',
  urban_poor: 'Urban poor',
};
