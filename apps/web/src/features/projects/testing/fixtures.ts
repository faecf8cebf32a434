import type { Assessment, Project, ProjectCompliance, Review } from '../api/types';

export const STAFF = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'staff@example.org',
  name: 'Sara Staff',
  role: 'staff',
  donorId: null,
  active: true,
  lastSignInAt: null,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

export const UNDP = '04dd637d-8a38-4b72-bb70-338bce8f9a65';
export const ILO = 'b158071f-7922-447e-bcb2-d861afe2e9e3';

export const ORGANIZATIONS = [
  {
    id: UNDP,
    name: 'United Nations Development Programme',
    acronym: 'UNDP',
    kind: 'un_entity',
    version: 1,
    createdAt: '',
    updatedAt: '',
  },
  {
    id: ILO,
    name: 'International Labour Organization',
    acronym: 'ILO',
    kind: 'un_entity',
    version: 1,
    createdAt: '',
    updatedAt: '',
  },
];

export const COUNTRIES = [
  {
    iso3: 'BFA',
    iso2: 'BF',
    numeric: '854',
    name: 'Burkina Faso',
    region: 'Africa',
    regionCode: '002',
    subregion: 'Sub-Saharan Africa',
    subregionCode: '202',
    intermediateRegion: null,
    ldc: true,
    lldc: true,
    sids: false,
  },
  {
    iso3: 'MLI',
    iso2: 'ML',
    numeric: '466',
    name: 'Mali',
    region: 'Africa',
    regionCode: '002',
    subregion: 'Sub-Saharan Africa',
    subregionCode: '202',
    intermediateRegion: null,
    ldc: true,
    lldc: true,
    sids: false,
  },
];

export function project(overrides: Partial<Project> = {}): Project {
  return {
    id: 'p-1',
    code: 'HS-2026-0004',
    title: 'Post-conflict recovery in the Central Sahel',
    summary: 'Former combatants and host communities rebuild livelihoods.',
    titleTranslations: {},
    summaryTranslations: {},
    window: 'I',
    stage: 'under_review',
    leadOrganizationId: UNDP,
    organizations: [
      {
        organizationId: UNDP,
        name: 'United Nations Development Programme',
        acronym: 'UNDP',
        kind: 'un_entity',
        budgetShare: '600000.00',
        lead: true,
      },
      {
        organizationId: ILO,
        name: 'International Labour Organization',
        acronym: 'ILO',
        kind: 'un_entity',
        budgetShare: '400000.00',
        lead: false,
      },
    ],
    recipientCountries: [
      { iso3: 'BFA', iso2: 'BF', name: 'Burkina Faso', region: 'Africa' },
      { iso3: 'MLI', iso2: 'ML', name: 'Mali', region: 'Africa' },
    ],
    requestedBudget: '1000000.00',
    approvedBudget: null,
    coFunding: '0.00',
    startDate: '2026-11-01',
    endDate: '2028-11-01',
    dimensions: ['economic', 'community'],
    targetBeneficiaries: 24500,
    vulnerableGroups: ['youth'],
    sdgs: [8, 16],
    narratives: {
      peopleCentred: 'People first.',
      comprehensive: 'All threats.',
      contextSpecific: 'Local context.',
      preventionOriented: 'Root causes.',
      protectionEmpowerment: 'Both.',
    },
    protectionMeasures: 'Institutions.',
    empowermentMeasures: 'Committees.',
    declarations: { noCoercion: true, distinctFromR2p: true },
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const PARAGRAPH_6 = {
  citation: 'General Assembly resolution 66/290 of 10 September 2012',
  text: '6. Affirms that projects funded by the Trust Fund should receive the consent of the recipient State and be in line with national strategies and priorities in order to ensure national ownership;',
};

/** BFA: consent requested (pending); MLI: consent granted without a document reference (non-compliant). */
export const COMPLIANCE: ProjectCompliance = {
  projectId: 'p-1',
  code: 'HS-2026-0004',
  title: 'Post-conflict recovery in the Central Sahel',
  stage: 'under_review',
  on: '2026-11-23',
  basis: 'today',
  projectStart: '2026-11-01',
  status: 'non_compliant',
  paragraph6: PARAGRAPH_6,
  reasons: [],
  countries: [
    {
      country: 'BFA',
      countryName: 'Burkina Faso',
      status: 'pending',
      consent: {
        holds: false,
        recordId: null,
        records: [
          {
            recordId: 'c-bfa',
            status: 'requested',
            requestedOn: '2025-11-01',
            grantedOn: null,
            validUntil: null,
            withdrawnOn: null,
            counts: false,
            problems: [
              {
                code: 'consent_not_granted',
                facts: { status: 'requested' },
                message: 'Its status is requested, not granted.',
              },
            ],
          },
        ],
      },
      alignment: {
        holds: true,
        alignmentId: 'a-bfa',
        strategyId: 's-bfa',
        records: [
          {
            alignmentId: 'a-bfa',
            strategyId: 's-bfa',
            strategyTitle: 'National Strategy for Sustainable Development 2020–2030',
            priorityArea: 'Climate resilience',
            periodFrom: '2020-01-01',
            periodTo: '2030-12-31',
            coversStart: true,
            hasJustification: true,
            counts: true,
            problems: [],
          },
        ],
      },
      reasons: [
        {
          code: 'consent_requested',
          facts: { country: 'BFA', recordId: 'c-bfa', requestedOn: '2025-11-01' },
          message: 'The consent of BFA was requested on 2025-11-01 and has not been granted yet.',
        },
      ],
    },
    {
      country: 'MLI',
      countryName: 'Mali',
      status: 'non_compliant',
      consent: {
        holds: false,
        recordId: null,
        records: [
          {
            recordId: 'c-mli',
            status: 'granted',
            requestedOn: '2025-08-01',
            grantedOn: '2025-09-01',
            validUntil: null,
            withdrawnOn: null,
            counts: false,
            problems: [
              {
                code: 'consent_document_reference_missing',
                facts: {},
                message: 'No document reference is recorded.',
              },
            ],
          },
        ],
      },
      alignment: { holds: false, alignmentId: null, strategyId: null, records: [] },
      reasons: [
        {
          code: 'consent_not_valid',
          facts: {
            country: 'MLI',
            recordId: 'c-mli',
            problems: [{ code: 'consent_document_reference_missing', facts: {} }],
          },
          message: 'The consent of MLI does not count: no document reference is recorded.',
        },
        {
          code: 'alignment_missing',
          facts: { country: 'MLI' },
          message: 'No alignment to a national strategy of MLI is recorded.',
        },
        {
          code: 'a_code_this_screen_does_not_know',
          facts: {},
          message: 'A reason only the API can put in words.',
        },
      ],
    },
  ],
  history: [],
  paragraph3: {
    status: 'declared',
    declarations: [
      { paragraph: '3(e)', quote: '(e) …', declared: true },
      { paragraph: '3(d)', quote: '(d) …', declared: true },
    ],
    problems: [],
  },
};

const mean = (numerator: number, denominator: number, decimal: string) => ({
  numerator,
  denominator,
  decimal,
});

function principle(
  id: Assessment['principles'][number]['principle'],
  scores: number[],
  extra: Partial<Assessment['principles'][number]> = {},
) {
  const sum = scores.reduce((a, b) => a + b, 0);
  const min = Math.min(...scores);
  const max = Math.max(...scores);
  return {
    principle: id,
    title: id,
    count: scores.length,
    scores,
    mean: mean(sum, scores.length, (sum / scores.length).toFixed(2)),
    min,
    max,
    spread: max - min,
    meetsThreshold: sum / scores.length >= 2,
    disagreement: max - min >= 2,
    moderated: false,
    moderationNote: null,
    ...extra,
  };
}

/** Two counted reviews; they disagree on Comprehensive (1 and 3) and Prevention-oriented fails its mean. */
export const FAILING_ASSESSMENT: Assessment = {
  projectId: 'p-1',
  code: 'HS-2026-0004',
  title: 'Post-conflict recovery in the Central Sahel',
  stage: 'under_review',
  round: { number: 1, openedAt: '2026-10-01T09:00:00.000Z', closedAt: null, counting: true },
  rounds: [{ number: 1, openedAt: '2026-10-01T09:00:00.000Z', closedAt: null, counting: true }],
  indicators: [
    {
      principle: 'people_centred',
      allMet: true,
      indicators: [
        {
          principle: 'people_centred',
          code: 'beneficiaries_counted',
          met: true,
          facts: { targetBeneficiaries: 24500 },
          description: '',
        },
        {
          principle: 'people_centred',
          code: 'vulnerable_group_named',
          met: true,
          facts: { vulnerableGroups: ['youth'] },
          description: '',
        },
      ],
    },
    {
      principle: 'comprehensive',
      allMet: false,
      indicators: [
        {
          principle: 'comprehensive',
          code: 'several_dimensions',
          met: true,
          facts: { dimensions: ['economic', 'community'], count: 2, required: 2 },
          description: '',
        },
        {
          principle: 'comprehensive',
          code: 'several_un_organizations',
          met: false,
          facts: { count: 1, required: 2 },
          description: '',
        },
      ],
    },
    { principle: 'context_specific', allMet: true, indicators: [] },
    { principle: 'prevention_oriented', allMet: true, indicators: [] },
    { principle: 'protection_empowerment', allMet: true, indicators: [] },
  ],
  thresholds: { minPrincipleMean: 2, minOverallMean: 2.5, minReviews: 2, disagreementSpread: 2 },
  countedReviews: 2,
  enoughReviews: true,
  reviews: [
    {
      reviewId: 'r-1',
      reviewerId: 'u-1',
      reviewerName: 'Rafael Reviewer',
      status: 'submitted',
      counted: true,
      exclusions: [],
      recommendation: 'approve',
    },
    {
      reviewId: 'r-2',
      reviewerId: 'u-2',
      reviewerName: 'Ruth Reviewer',
      status: 'submitted',
      counted: true,
      exclusions: [],
      recommendation: 'revise',
    },
    {
      reviewId: 'r-3',
      reviewerId: 'u-3',
      reviewerName: 'Rahul Reviewer',
      status: 'declined_conflict',
      counted: false,
      exclusions: [
        { code: 'review_not_submitted', facts: { status: 'declined_conflict' }, message: '' },
        { code: 'review_conflict_declared', facts: {}, message: '' },
      ],
      recommendation: null,
    },
  ],
  principles: [
    principle('people_centred', [3, 3]),
    principle('comprehensive', [1, 3]),
    principle('context_specific', [3, 3]),
    principle('prevention_oriented', [1, 2], { meetsThreshold: false }),
    principle('protection_empowerment', [3, 3]),
  ],
  overallMean: mean(47, 20, '2.35'),
  passes: false,
  failures: [
    {
      code: 'principle_mean_below_threshold',
      facts: { principle: 'prevention_oriented', mean: mean(3, 2, '1.50'), threshold: '2.00' },
      message: '',
    },
    {
      code: 'overall_mean_below_threshold',
      facts: { mean: mean(47, 20, '2.35'), threshold: '2.50' },
      message: '',
    },
  ],
  disagreements: ['comprehensive'],
  unmoderatedDisagreements: ['comprehensive'],
  recommendations: { approve: 1, revise: 1, reject: 0 },
  moderationNotes: [],
};

function review(
  id: string,
  reviewerId: string,
  name: string,
  scores: number[],
  recommendation: 'approve' | 'revise',
): Review {
  const keys = [
    'people_centred',
    'comprehensive',
    'context_specific',
    'prevention_oriented',
    'protection_empowerment',
  ] as const;
  return {
    id,
    projectId: 'p-1',
    projectCode: 'HS-2026-0004',
    projectTitle: 'Post-conflict recovery in the Central Sahel',
    reviewerId,
    reviewerName: name,
    round: 1,
    currentRound: true,
    dueOn: '2026-10-22',
    status: 'submitted',
    conflict: {
      declared: false,
      organizationIds: [],
      countries: [],
      note: null,
      declaredAt: '2026-10-01T00:00:00.000Z',
    },
    contentVisible: true,
    scores: Object.fromEntries(keys.map((key, index) => [key, scores[index] ?? null])) as Review['scores'],
    justifications: Object.fromEntries(
      keys.map((key, index) => [key, `${name} scored ${key} ${scores[index]}.`]),
    ) as Review['justifications'],
    recommendation,
    submittedAt: '2026-10-29T00:00:00.000Z',
    assignedBy: null,
    version: 1,
    createdAt: '2026-10-01T00:00:00.000Z',
    updatedAt: '2026-10-29T00:00:00.000Z',
  };
}

export const REVIEWS: Review[] = [
  review('r-1', 'u-1', 'Rafael Reviewer', [3, 1, 3, 1, 3], 'approve'),
  review('r-2', 'u-2', 'Ruth Reviewer', [3, 3, 3, 2, 3], 'revise'),
];
