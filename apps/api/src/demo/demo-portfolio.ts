import { centsToMoney, usdAmountFor } from '@hstf/domain';

/**
 * The demo portfolio: a deterministic, illustrative sample of the Fund's work. The donors and
 * UN entities are real and the shape follows the Fund's public history (founded in 1999 with
 * about US$5 million from Japan; Japan the sole donor until 2006; Greece, Mexico, Slovenia and
 * Thailand contributing since 2007). Every project, amount, strategy and consent is invented and
 * flagged `illustrative`.
 */

/** Small seeded generator (mulberry32), so every fresh install shows the same portfolio. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Theme {
  title: string;
  summary: string;
  dimensions: string[];
  groups: string[];
  sdgs: number[];
  organizations: string[];
}

const THEMES: Theme[] = [
  {
    title: 'Community-based early warning and drought resilience in {place}',
    summary:
      'Pastoralist and farming communities build early-warning committees and drought-resilient livelihoods.',
    dimensions: ['food', 'economic', 'environmental'],
    groups: ['rural_communities', 'women_and_girls'],
    sdgs: [1, 2, 13],
    organizations: ['FAO', 'WFP', 'UNDP'],
  },
  {
    title: 'Protecting and empowering internally displaced persons in {place}',
    summary:
      'Displaced families regain documentation, livelihoods and safety in host and return communities.',
    dimensions: ['personal', 'economic', 'community'],
    groups: ['internally_displaced_persons', 'women_and_girls', 'children'],
    sdgs: [1, 5, 16],
    organizations: ['UNHCR', 'IOM', 'UNDP'],
  },
  {
    title: 'Preventing violence and building social cohesion among youth in {place}',
    summary:
      'Young people lead dialogue, mediation and livelihood initiatives that reduce communal violence.',
    dimensions: ['personal', 'community', 'political'],
    groups: ['youth', 'minorities'],
    sdgs: [4, 8, 16],
    organizations: ['UNDP', 'UNESCO', 'UNICEF'],
  },
  {
    title: 'Maternal and child health security in remote districts of {place}',
    summary: 'Community health workers and local clinics reach mothers and children cut off from services.',
    dimensions: ['health', 'economic'],
    groups: ['women_and_girls', 'children', 'rural_communities'],
    sdgs: [3, 5],
    organizations: ['WHO', 'UNICEF', 'UNFPA'],
  },
  {
    title: 'Climate adaptation and food security for coastal communities of {place}',
    summary: 'Island and coastal communities protect water, crops and homes from rising seas and storms.',
    dimensions: ['environmental', 'food', 'health'],
    groups: ['rural_communities', 'children', 'older_persons'],
    sdgs: [2, 13, 14],
    organizations: ['UNDP', 'FAO', 'UNEP'],
  },
  {
    title: 'Ending gender-based violence through community protection networks in {place}',
    summary: 'Survivors gain services and justice while communities and institutions prevent violence.',
    dimensions: ['personal', 'community', 'health'],
    groups: ['women_and_girls'],
    sdgs: [5, 16],
    organizations: ['UN-Women', 'UNFPA', 'UNDP'],
  },
  {
    title: 'Decent work and social protection for migrant workers from {place}',
    summary: 'Migrants and their families are protected from exploitation and supported on return.',
    dimensions: ['economic', 'personal'],
    groups: ['migrants', 'women_and_girls'],
    sdgs: [8, 10],
    organizations: ['ILO', 'IOM', 'UN-Women'],
  },
  {
    title: 'Urban safety and livelihoods in informal settlements of {place}',
    summary: 'Residents of informal settlements gain secure tenure, services and safer neighbourhoods.',
    dimensions: ['economic', 'personal', 'community'],
    groups: ['urban_poor', 'youth'],
    sdgs: [1, 11, 16],
    organizations: ['UN-Habitat', 'UNDP', 'ILO'],
  },
  {
    title: 'Post-conflict recovery and reintegration in {place}',
    summary: 'Former combatants, returnees and host communities rebuild livelihoods and trust together.',
    dimensions: ['economic', 'community', 'political', 'personal'],
    groups: ['youth', 'refugees', 'internally_displaced_persons'],
    sdgs: [8, 16],
    organizations: ['UNDP', 'ILO', 'UNHCR', 'FAO'],
  },
  {
    title: 'Combating trafficking in persons and protecting survivors in {place}',
    summary: 'Law enforcement, social services and communities identify, protect and reintegrate survivors.',
    dimensions: ['personal', 'economic'],
    groups: ['women_and_girls', 'children', 'migrants'],
    sdgs: [5, 8, 16],
    organizations: ['UNODC', 'IOM', 'UNICEF'],
  },
  {
    title: 'Disaster risk reduction and recovery for earthquake-affected communities of {place}',
    summary: 'Communities rebuild safer homes and schools and prepare for the next disaster.',
    dimensions: ['environmental', 'economic', 'health'],
    groups: ['children', 'older_persons', 'persons_with_disabilities'],
    sdgs: [11, 13],
    organizations: ['UN-Habitat', 'UNDP', 'UNESCO'],
  },
  {
    title: 'Indigenous peoples’ land, food and cultural security in {place}',
    summary: 'Indigenous communities secure land, traditional food systems and a voice in local governance.',
    dimensions: ['food', 'community', 'political', 'environmental'],
    groups: ['indigenous_peoples', 'women_and_girls'],
    sdgs: [2, 10, 15],
    organizations: ['FAO', 'UNDP', 'OHCHR'],
  },
];

/** Recipient countries (or groups of them, for regional projects), across every M49 region. */
const PLACES: { countries: string[]; name: string }[] = [
  { countries: ['KEN'], name: 'Kenya' },
  { countries: ['ETH'], name: 'Ethiopia' },
  { countries: ['UGA'], name: 'Uganda' },
  { countries: ['SSD'], name: 'South Sudan' },
  { countries: ['MLI', 'NER', 'BFA'], name: 'the Central Sahel' },
  { countries: ['TCD'], name: 'Chad' },
  { countries: ['MOZ'], name: 'Mozambique' },
  { countries: ['MWI'], name: 'Malawi' },
  { countries: ['SLE', 'LBR'], name: 'the Mano River countries' },
  { countries: ['COD'], name: 'the Democratic Republic of the Congo' },
  { countries: ['MAR'], name: 'Morocco' },
  { countries: ['EGY'], name: 'Egypt' },
  { countries: ['AFG'], name: 'Afghanistan' },
  { countries: ['BGD'], name: 'Bangladesh' },
  { countries: ['NPL'], name: 'Nepal' },
  { countries: ['MMR'], name: 'Myanmar' },
  { countries: ['KHM', 'LAO'], name: 'the Mekong region' },
  { countries: ['TLS'], name: 'Timor-Leste' },
  { countries: ['PHL'], name: 'the Philippines' },
  { countries: ['KGZ', 'TJK'], name: 'the Fergana Valley' },
  { countries: ['MNG'], name: 'Mongolia' },
  { countries: ['LBN'], name: 'Lebanon' },
  { countries: ['JOR'], name: 'Jordan' },
  { countries: ['TUV', 'KIR'], name: 'Tuvalu and Kiribati' },
  { countries: ['FJI'], name: 'Fiji' },
  { countries: ['PNG'], name: 'Papua New Guinea' },
  { countries: ['SLB', 'VUT'], name: 'Solomon Islands and Vanuatu' },
  { countries: ['HTI'], name: 'Haiti' },
  { countries: ['COL'], name: 'Colombia' },
  { countries: ['GTM', 'HND', 'SLV'], name: 'the Northern Triangle of Central America' },
  { countries: ['BOL'], name: 'Bolivia' },
  { countries: ['PER'], name: 'Peru' },
  { countries: ['MEX'], name: 'Mexico' },
  { countries: ['JAM'], name: 'Jamaica' },
  { countries: ['BIH'], name: 'Bosnia and Herzegovina' },
  { countries: ['UKR'], name: 'Ukraine' },
  { countries: ['MDA'], name: 'the Republic of Moldova' },
  { countries: ['ALB'], name: 'Albania' },
];

type Stage =
  | 'concept_note'
  | 'full_proposal'
  | 'under_review'
  | 'revision_requested'
  | 'approved'
  | 'active'
  | 'completed'
  | 'closed'
  | 'rejected'
  | 'withdrawn';

/** 60 projects: start year and stage, oldest first; the early years follow the Fund's history. */
const SCHEDULE: [number, Stage][] = [
  ...[1999, 2000, 2000, 2001, 2002, 2002, 2003, 2004, 2004, 2005, 2006, 2007, 2008, 2008, 2009].map(
    (year) => [year, 'closed'] as [number, Stage],
  ),
  ...[2010, 2010, 2011, 2011, 2012, 2013, 2014, 2015, 2016, 2016].map(
    (year) => [year, 'closed'] as [number, Stage],
  ),
  ...[2017, 2018, 2019, 2019, 2020, 2021].map((year) => [year, 'completed'] as [number, Stage]),
  ...[2022, 2022, 2023, 2023, 2024, 2024, 2025, 2025].map((year) => [year, 'active'] as [number, Stage]),
  [2025, 'approved'],
  [2026, 'approved'],
  [2026, 'approved'],
  [2025, 'rejected'],
  [2026, 'withdrawn'],
  [2026, 'under_review'],
  [2026, 'under_review'],
  [2026, 'under_review'],
  [2026, 'under_review'],
  [2026, 'revision_requested'],
  [2027, 'full_proposal'],
  [2027, 'full_proposal'],
  [2027, 'full_proposal'],
  [2027, 'concept_note'],
  [2027, 'concept_note'],
  [2023, 'active'],
  [2024, 'active'],
  [2021, 'completed'],
  [2026, 'under_review'],
  [2026, 'full_proposal'],
  [2027, 'concept_note'],
];

export interface DemoProject {
  code: string;
  title: string;
  summary: string;
  window: 'I' | 'II';
  stage: Stage;
  countries: string[];
  placeName: string;
  organizations: { acronym: string; share: string }[];
  requestedBudget: string;
  approvedBudget: string | null;
  coFunding: string;
  startDate: string;
  endDate: string;
  dimensions: string[];
  targetBeneficiaries: number;
  vulnerableGroups: string[];
  sdgs: number[];
  narratives: Record<
    'peopleCentred' | 'comprehensive' | 'contextSpecific' | 'preventionOriented' | 'protectionEmpowerment',
    string
  >;
  protectionMeasures: string;
  empowermentMeasures: string;
  consents: DemoConsent[];
  /** Countries whose alignment is recorded. */
  aligned: string[];
  transfers: { acronym: string; amount: string; on: string; tranche: number }[];
}

export interface DemoConsent {
  country: string;
  status: 'requested' | 'granted' | 'refused' | 'withdrawn' | 'expired';
  requestedOn: string;
  grantedOn: string | null;
  validUntil: string | null;
  withdrawnOn: string | null;
  withdrawalReason: string | null;
}

const APPROVED_OR_LATER: Stage[] = ['approved', 'active', 'completed', 'closed'];

function money(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** The same day `months` later (days 1–28 only, which is all the demo uses). */
function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  return date(Math.floor(index / 12), (index % 12) + 1, day);
}

function date(year: number, month: number, day = 1): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function demoProjects(): DemoProject[] {
  const next = random(1999);
  const serial = new Map<number, number>();
  // The first closed project spent less than approved: its lead received three quarters of its
  // share, and the rest went back to the Fund when the project completed (released in the ledger).
  let underspentShown = false;

  const projects = SCHEDULE.map(([year, stage], index): DemoProject => {
    const theme = THEMES[index % THEMES.length]!;
    const place = PLACES[(index * 7) % PLACES.length]!;
    const number = (serial.get(year) ?? 0) + 1;
    serial.set(year, number);
    const month = 1 + Math.floor(next() * 12);
    const years = 2 + Math.floor(next() * 2);
    // Budgets between US$0.5 and 3 million, in thousands.
    const requestedCents = (500 + Math.floor(next() * 2500)) * 1000 * 100;
    const leads = theme.organizations.slice(0, 2 + Math.floor(next() * (theme.organizations.length - 1)));
    const shares = leads.map((_, i) => (i === 0 ? 0.5 : 0.5 / (leads.length - 1)));
    let allocated = 0;
    const organizations = leads.map((acronym, i) => {
      const cents =
        i === leads.length - 1 ? requestedCents - allocated : Math.round(requestedCents * shares[i]!);
      allocated += cents;
      return { acronym, share: money(cents) };
    });
    const approved = APPROVED_OR_LATER.includes(stage);
    const startDate = date(year, month);
    const endDate = date(year + years, month);

    const consents: DemoConsent[] = place.countries.map((country) => ({
      country,
      status: approved ? 'granted' : 'requested',
      requestedOn: date(year - 1, month),
      grantedOn: approved ? date(year - 1, Math.min(month + 2, 12), 15) : null,
      validUntil: approved ? date(year + years, month) : null,
      withdrawnOn: null,
      withdrawalReason: null,
    }));
    const aligned = approved ? [...place.countries] : place.countries.slice(0, 1);
    const transfers: DemoProject['transfers'] = [];
    if (stage === 'active' || stage === 'completed' || stage === 'closed') {
      const underspent = stage === 'closed' && !underspentShown;
      if (underspent) underspentShown = true;
      organizations.forEach((organization, i) => {
        const share = stage === 'active' ? 0.4 : underspent && i === 0 ? 0.75 : 1;
        const cents = Math.round(Number(organization.share.replace('.', '')) * share);
        transfers.push({
          acronym: organization.acronym,
          amount: money(cents),
          on: date(year, month, 10 + i),
          tranche: i + 1,
        });
      });
    }
    const placeName = place.name;
    return {
      code: `HS-${year}-${String(number).padStart(4, '0')}`,
      title: theme.title.replace('{place}', placeName),
      summary: theme.summary,
      window: next() < 0.7 ? 'I' : 'II',
      stage,
      countries: place.countries,
      placeName,
      organizations,
      requestedBudget: money(requestedCents),
      approvedBudget: approved ? money(requestedCents) : null,
      coFunding: money(Math.floor(next() * 40) * 10000 * 100),
      startDate,
      endDate,
      dimensions: theme.dimensions,
      targetBeneficiaries: 2000 + Math.floor(next() * 80) * 500,
      vulnerableGroups: theme.groups,
      sdgs: theme.sdgs,
      narratives: {
        peopleCentred: `The people of ${placeName} most exposed to these threats, ${theme.groups.join(', ').replace(/_/g, ' ')}, take part in designing and running the project.`,
        comprehensive: `It addresses ${theme.dimensions.join(', ')} insecurity together, through ${leads.join(', ')} working as one programme.`,
        contextSpecific: `Grounded in an assessment of local capacities in ${placeName}, with the national and local authorities.`,
        preventionOriented:
          'It tackles root causes and sets up community early-warning and response mechanisms.',
        protectionEmpowerment:
          'Institutions are strengthened to protect, while communities are equipped to act for themselves.',
      },
      protectionMeasures:
        'Support to local institutions, early-warning systems and social protection schemes.',
      empowermentMeasures:
        'Community committees plan, implement and monitor the activities and manage small grants.',
      consents,
      aligned,
      transfers,
    };
  });
  return addVariety(projects);
}

/**
 * The situations staff must see in the demo: consent in every status, a multi-country proposal
 * compliant in one country and pending in the other, an approved project whose consent was later
 * withdrawn, and proposals still waiting on consent.
 */
function addVariety(projects: DemoProject[]): DemoProject[] {
  const withdrawnLater = projects.find((p) => p.stage === 'active' && p.countries.length === 1)!;
  const year = Number(withdrawnLater.startDate.slice(0, 4));
  withdrawnLater.consents[0] = {
    ...withdrawnLater.consents[0]!,
    status: 'withdrawn',
    withdrawnOn: date(year + 1, 3, 2),
    withdrawalReason: 'The Government asked to suspend activities pending a review of the project sites.',
  };

  const splitProposal = projects.find((p) => p.stage === 'under_review' && p.countries.length > 1)!;
  const [grantedCountry] = splitProposal.countries;
  splitProposal.consents = splitProposal.consents.map((consent) =>
    consent.country === grantedCountry
      ? {
          ...consent,
          status: 'granted',
          grantedOn: addMonths(consent.requestedOn, 2),
        }
      : consent,
  );
  splitProposal.aligned = [...splitProposal.countries];

  for (const project of projects.filter((p) => p.stage === 'rejected')) {
    project.consents = project.consents.map((consent, i) =>
      i === 0 ? { ...consent, status: 'refused' } : consent,
    );
  }
  for (const project of projects.filter((p) => p.stage === 'withdrawn')) {
    project.consents = project.consents.map((consent) => ({ ...consent, status: 'expired' }));
  }
  return projects;
}

export interface DemoContribution {
  donor: string;
  pledgedOn: string;
  receivedOn: string | null;
  amount: string;
  currency: string;
  usdAmount: string;
  rate: string;
  status: 'pledged' | 'received' | 'cancelled';
  reference: string;
  earmarking: string | null;
}

/** Yearly contributions: Japan from 1999, the four other donors from 2007. */
export function demoContributions(lastYear: number): DemoContribution[] {
  const next = random(2007);
  const contributions: DemoContribution[] = [];
  for (let year = 1999; year <= lastYear; year += 1) {
    // Japan's founding contribution of about US$5 million in 1999, then illustrative amounts.
    const japanUsd = year === 1999 ? 500_000_000 : (4_000 + Math.floor(next() * 6_000)) * 1000 * 100;
    contributions.push({
      donor: 'Japan',
      pledgedOn: date(year, 3, 1),
      receivedOn: year === lastYear ? null : date(year, 6, 30),
      amount: money(japanUsd),
      currency: 'USD',
      usdAmount: money(japanUsd),
      rate: '1.00000000',
      status: year === lastYear ? 'pledged' : 'received',
      reference: year === 1999 ? 'Founding contribution (about US$5 million)' : `JPN-${year}`,
      earmarking: null,
    });
    if (year < 2007) continue;
    // Rates are US dollars per unit of the currency (illustrative), as the API defines them.
    const others: [string, string, string, number][] = [
      ['Greece', 'EUR', '1.08695652', 150],
      ['Mexico', 'MXN', '0.05405405', 80],
      ['Slovenia', 'EUR', '1.08695652', 40],
      ['Thailand', 'THB', '0.02857143', 50],
    ];
    for (const [donor, currency, rate, thousands] of others) {
      if (next() < 0.35) continue;
      const amountCents = BigInt(Math.round(thousands * (0.5 + next()) * 1000) * 100);
      const cancelled = donor === 'Greece' && year === 2011;
      contributions.push({
        donor,
        pledgedOn: date(year, 4, 15),
        receivedOn: cancelled || year === lastYear ? null : date(year, 10, 1),
        amount: centsToMoney(amountCents),
        currency,
        usdAmount: usdAmountFor(centsToMoney(amountCents), rate),
        rate,
        status: cancelled ? 'cancelled' : year === lastYear ? 'pledged' : 'received',
        reference: `${donor.slice(0, 3).toUpperCase()}-${year}`,
        earmarking: donor === 'Thailand' && year % 3 === 0 ? 'For projects in South-East Asia' : null,
      });
    }
  }
  return contributions;
}

/** Three strategy periods per country, so every project start is covered by one. */
export const STRATEGY_PERIODS: { from: string; to: string; title: string; areas: string[] }[] = [
  {
    from: '1997-01-01',
    to: '2009-12-31',
    title: 'Poverty Reduction Strategy',
    areas: ['Poverty reduction', 'Food security', 'Basic services', 'Governance'],
  },
  {
    from: '2010-01-01',
    to: '2019-12-31',
    title: 'National Development Plan',
    areas: ['Resilience', 'Health and education', 'Peace and security', 'Gender equality'],
  },
  {
    from: '2020-01-01',
    to: '2030-12-31',
    title: 'National Strategy for Sustainable Development 2030',
    areas: ['Climate resilience', 'Social protection', 'Peace and social cohesion', 'Inclusive growth'],
  },
];
