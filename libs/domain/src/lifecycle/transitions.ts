import type { Assessment, AssessmentFailure } from '../assessment/assessment';
import { describeAssessmentFailure } from '../assessment/assessment';
import type { IsoDate } from '../calendar/iso-date';
import type { ComplianceReason, ComplianceStatus, Paragraph6Result } from '../compliance/paragraph-6';
import { describeComplianceReason } from '../compliance/paragraph-6';
import type { MoneyString } from '../money/money';
import { compareMoney, formatMoney, subtractMoney } from '../money/money';
import type { PrincipleId } from '../principles/principles';
import { PRINCIPLE_IDS, principle } from '../principles/principles';
import type { Stage } from './stages';
import {
  STAGE_LABELS,
  SUSPENDABLE_STAGES,
  allowedTransitions,
  isStageIn,
  isTransitionAllowed,
} from './stages';

export const REQUIRED_PROPOSAL_FIELDS = [
  'title',
  'summary',
  'window',
  'requestedBudget',
  'startDate',
  'endDate',
  'dimensions',
  'targetBeneficiaries',
  'vulnerableGroups',
  ...PRINCIPLE_IDS.map((p) => `narratives.${p}` as const),
] as const;

export type RequiredProposalField = (typeof REQUIRED_PROPOSAL_FIELDS)[number];

/** What a proposal must hold before it goes to reviewers. */
export interface ProposalContent {
  title: string | null;
  summary: string | null;
  window: string | null;
  requestedBudget: MoneyString | null;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  dimensions: readonly string[];
  targetBeneficiaries: number | null;
  vulnerableGroups: readonly string[];
  /** One narrative per principle. */
  narratives: Partial<Record<PrincipleId, string | null>>;
  recipientCountries: readonly string[];
  leadOrganizationId: string | null;
}

export interface ApprovalFacts {
  /** Paragraph 6 evaluated on the decision date: its `on` is the decision date. */
  compliance: Paragraph6Result;
  assessment: Assessment;
  approvedBudget: MoneyString | null;
  /** The Fund's available balance before this approval, read under the lock that approves. */
  availableBalance: MoneyString;
}

export interface ActivationFacts {
  transfersRecorded: number;
}

export interface SuspensionFacts {
  /** Why the project is suspended: kept with the decision and shown in its history. */
  reason: string | null;
}

export interface ResumptionFacts {
  /** The stage the project was suspended from (the latest move into suspended); null when unknown. */
  suspendedFrom: Stage | null;
  /** Paragraph 6 evaluated on the decision date: a project resumes only once it holds again. */
  compliance: Paragraph6Result;
}

/**
 * The facts each gate needs. Only the section of the target stage is read; a gated transition whose
 * section is absent is refused, never waved through.
 */
export interface TransitionFacts {
  proposal?: ProposalContent;
  approval?: ApprovalFacts;
  activation?: ActivationFacts;
  suspension?: SuspensionFacts;
  /** Read for a move out of suspended, whatever its target. */
  resumption?: ResumptionFacts;
}

export type GateSection = keyof TransitionFacts;

export type TransitionFailure =
  | { code: 'transition_not_allowed'; facts: { from: Stage; to: Stage; allowed: Stage[] } }
  | { code: 'gate_facts_missing'; facts: { to: Stage; section: GateSection } }
  | { code: 'required_fields_missing'; facts: { fields: RequiredProposalField[] } }
  | { code: 'recipient_country_missing'; facts: Record<string, never> }
  | { code: 'lead_organization_missing'; facts: Record<string, never> }
  | {
      code: 'paragraph_6_not_compliant';
      facts: {
        on: IsoDate;
        status: ComplianceStatus;
        countries: { country: string; status: ComplianceStatus; reasons: ComplianceReason[] }[];
        reasons: ComplianceReason[];
      };
    }
  | { code: 'assessment_not_passing'; facts: { failures: AssessmentFailure[] } }
  | { code: 'disagreement_not_moderated'; facts: { principles: PrincipleId[] } }
  | { code: 'approved_budget_missing'; facts: Record<string, never> }
  | { code: 'approved_budget_not_positive'; facts: { approvedBudget: MoneyString } }
  | {
      code: 'approved_budget_exceeds_available_balance';
      facts: { approvedBudget: MoneyString; availableBalance: MoneyString; shortfall: MoneyString };
    }
  | { code: 'first_transfer_missing'; facts: Record<string, never> }
  | { code: 'suspension_reason_missing'; facts: Record<string, never> }
  | { code: 'resumption_to_other_stage'; facts: { suspendedFrom: Stage | null; to: Stage } };

export interface TransitionCheck {
  from: Stage;
  to: Stage;
  allowed: boolean;
  /** Every gate that fails, each with its reason; empty when allowed. */
  failures: TransitionFailure[];
}

function hasText(value: string | null | undefined): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

export function missingProposalFields(proposal: ProposalContent): RequiredProposalField[] {
  const present: Record<RequiredProposalField, boolean> = {
    title: hasText(proposal.title),
    summary: hasText(proposal.summary),
    window: hasText(proposal.window),
    requestedBudget: hasText(proposal.requestedBudget),
    startDate: hasText(proposal.startDate),
    endDate: hasText(proposal.endDate),
    dimensions: proposal.dimensions.length > 0,
    targetBeneficiaries: proposal.targetBeneficiaries !== null,
    vulnerableGroups: proposal.vulnerableGroups.length > 0,
    'narratives.people_centred': hasText(proposal.narratives.people_centred),
    'narratives.comprehensive': hasText(proposal.narratives.comprehensive),
    'narratives.context_specific': hasText(proposal.narratives.context_specific),
    'narratives.prevention_oriented': hasText(proposal.narratives.prevention_oriented),
    'narratives.protection_empowerment': hasText(proposal.narratives.protection_empowerment),
  };
  return REQUIRED_PROPOSAL_FIELDS.filter((field) => !present[field]);
}

function proposalGate(proposal: ProposalContent): TransitionFailure[] {
  const failures: TransitionFailure[] = [];
  const fields = missingProposalFields(proposal);
  if (fields.length > 0) failures.push({ code: 'required_fields_missing', facts: { fields } });
  if (proposal.recipientCountries.length === 0)
    failures.push({ code: 'recipient_country_missing', facts: {} });
  if (!hasText(proposal.leadOrganizationId)) failures.push({ code: 'lead_organization_missing', facts: {} });
  return failures;
}

function paragraph6Gate(compliance: Paragraph6Result): TransitionFailure[] {
  if (compliance.status === 'compliant') return [];
  return [
    {
      code: 'paragraph_6_not_compliant',
      facts: {
        on: compliance.on,
        status: compliance.status,
        countries: compliance.countries
          .filter((c) => c.status !== 'compliant')
          .map((c) => ({ country: c.country, status: c.status, reasons: c.reasons })),
        reasons: compliance.reasons,
      },
    },
  ];
}

function approvalGate(approval: ApprovalFacts): TransitionFailure[] {
  const { compliance, assessment } = approval;
  const failures: TransitionFailure[] = paragraph6Gate(compliance);
  if (!assessment.passes) {
    failures.push({ code: 'assessment_not_passing', facts: { failures: assessment.failures } });
  }
  if (assessment.unmoderatedDisagreements.length > 0) {
    failures.push({
      code: 'disagreement_not_moderated',
      facts: { principles: [...assessment.unmoderatedDisagreements] },
    });
  }
  const budget = approval.approvedBudget;
  if (budget === null || !hasText(budget)) {
    failures.push({ code: 'approved_budget_missing', facts: {} });
  } else if (compareMoney(budget, '0') <= 0) {
    failures.push({ code: 'approved_budget_not_positive', facts: { approvedBudget: budget } });
  } else if (compareMoney(budget, approval.availableBalance) > 0) {
    // Equal is allowed: approving the last dollar of the Fund leaves it at zero, not below.
    failures.push({
      code: 'approved_budget_exceeds_available_balance',
      facts: {
        approvedBudget: budget,
        availableBalance: approval.availableBalance,
        shortfall: subtractMoney(budget, approval.availableBalance),
      },
    });
  }
  return failures;
}

function activationGate(activation: ActivationFacts): TransitionFailure[] {
  return activation.transfersRecorded > 0 ? [] : [{ code: 'first_transfer_missing', facts: {} }];
}

function suspensionGate(suspension: SuspensionFacts): TransitionFailure[] {
  return hasText(suspension.reason) ? [] : [{ code: 'suspension_reason_missing', facts: {} }];
}

/**
 * A suspended project goes back to the stage it was suspended from, and only once paragraph 6 holds
 * again on the decision date. Activation is not re-checked: a project suspended while active had
 * its first transfer, and one suspended while approved resumes as approved.
 */
function resumptionGate(to: Stage, resumption: ResumptionFacts): TransitionFailure[] {
  const failures: TransitionFailure[] = [];
  if (resumption.suspendedFrom !== to) {
    failures.push({
      code: 'resumption_to_other_stage',
      facts: { suspendedFrom: resumption.suspendedFrom, to },
    });
  }
  return [...failures, ...paragraph6Gate(resumption.compliance)];
}

/** The stage a suspended project may resume to, when its suspension is on file. */
export function resumptionTargets(suspendedFrom: Stage | null): Stage[] {
  return suspendedFrom !== null && isStageIn(suspendedFrom, SUSPENDABLE_STAGES) ? [suspendedFrom] : [];
}

export function checkTransition(from: Stage, to: Stage, facts: TransitionFacts = {}): TransitionCheck {
  if (!isTransitionAllowed(from, to)) {
    return {
      from,
      to,
      allowed: false,
      failures: [
        { code: 'transition_not_allowed', facts: { from, to, allowed: [...allowedTransitions(from)] } },
      ],
    };
  }
  const missing = (section: GateSection): TransitionFailure[] => [
    { code: 'gate_facts_missing', facts: { to, section } },
  ];
  // Leaving a suspension is a resumption whatever the target: the approval and activation gates were
  // passed before the suspension and are not taken again.
  const gate = (): TransitionFailure[] => {
    if (from === 'suspended')
      return facts.resumption ? resumptionGate(to, facts.resumption) : missing('resumption');
    if (to === 'suspended')
      return facts.suspension ? suspensionGate(facts.suspension) : missing('suspension');
    if (to === 'under_review') return facts.proposal ? proposalGate(facts.proposal) : missing('proposal');
    if (to === 'approved') return facts.approval ? approvalGate(facts.approval) : missing('approval');
    if (to === 'active') return facts.activation ? activationGate(facts.activation) : missing('activation');
    return [];
  };
  const failures = gate();
  return { from, to, allowed: failures.length === 0, failures };
}

const FIELD_LABELS: Record<RequiredProposalField, string> = {
  title: 'title',
  summary: 'summary',
  window: 'funding window',
  requestedBudget: 'requested budget',
  startDate: 'start date',
  endDate: 'end date',
  dimensions: 'human-security dimensions',
  targetBeneficiaries: 'number of target beneficiaries',
  vulnerableGroups: 'vulnerable groups',
  'narratives.people_centred': `${principle('people_centred').title} narrative`,
  'narratives.comprehensive': `${principle('comprehensive').title} narrative`,
  'narratives.context_specific': `${principle('context_specific').title} narrative`,
  'narratives.prevention_oriented': `${principle('prevention_oriented').title} narrative`,
  'narratives.protection_empowerment': `${principle('protection_empowerment').title} narrative`,
};

const COMPLIANCE_WORDS: Record<ComplianceStatus, string> = {
  compliant: 'compliant',
  pending: 'pending',
  not_requested: 'not requested yet',
  non_compliant: 'non-compliant',
};

export function describeTransitionFailure(failure: TransitionFailure): string {
  switch (failure.code) {
    case 'transition_not_allowed': {
      const { from, to, allowed } = failure.facts;
      const options = allowed.map((s) => STAGE_LABELS[s].toLowerCase()).join(', ');
      return `A project cannot move from ${STAGE_LABELS[from].toLowerCase()} to ${STAGE_LABELS[to].toLowerCase()}; ${options ? `it can move to: ${options}` : 'this stage is final'}.`;
    }
    case 'gate_facts_missing':
      return `The ${failure.facts.section} facts needed to check a move to ${STAGE_LABELS[failure.facts.to].toLowerCase()} were not provided.`;
    case 'required_fields_missing':
      return `Required fields are missing: ${failure.facts.fields.map((f) => FIELD_LABELS[f]).join(', ')}.`;
    case 'recipient_country_missing':
      return 'At least one recipient country is required.';
    case 'lead_organization_missing':
      return 'A lead organization is required.';
    case 'paragraph_6_not_compliant': {
      const reasons = [...failure.facts.reasons, ...failure.facts.countries.flatMap((c) => c.reasons)];
      return `Resolution 66/290 paragraph 6 is ${COMPLIANCE_WORDS[failure.facts.status]} on ${failure.facts.on}. ${reasons.map(describeComplianceReason).join(' ')}`.trim();
    }
    case 'assessment_not_passing':
      return `The assessment does not pass. ${failure.facts.failures.map(describeAssessmentFailure).join(' ')}`.trim();
    case 'disagreement_not_moderated':
      return `Reviewers disagree on ${failure.facts.principles.map((p) => principle(p).title).join(', ')} and no moderation note is recorded.`;
    case 'approved_budget_missing':
      return 'An approved budget is required.';
    case 'approved_budget_not_positive':
      return `The approved budget must be more than zero (it is ${formatMoney(failure.facts.approvedBudget)}).`;
    case 'approved_budget_exceeds_available_balance':
      return `The approved budget of ${formatMoney(failure.facts.approvedBudget)} exceeds the Fund's available balance of ${formatMoney(failure.facts.availableBalance)} by ${formatMoney(failure.facts.shortfall)}.`;
    case 'first_transfer_missing':
      return 'A project becomes active with its first transfer; none is recorded.';
    case 'suspension_reason_missing':
      return 'A suspension needs a reason.';
    case 'resumption_to_other_stage': {
      const { suspendedFrom, to } = failure.facts;
      return suspendedFrom === null
        ? `The stage this project was suspended from is not on file, so it cannot resume to ${STAGE_LABELS[to].toLowerCase()}.`
        : `A suspended project resumes to the stage it was suspended from (${STAGE_LABELS[suspendedFrom].toLowerCase()}), not to ${STAGE_LABELS[to].toLowerCase()}.`;
    }
  }
}
