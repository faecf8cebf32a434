import {
  assessProposal,
  isPrincipleId,
  missingProposalFields,
  PRINCIPLE_IDS,
  reviewsOfCountingRound,
} from '@hstf/domain';
import type {
  ActivationFacts,
  ApprovalFacts,
  Assessment,
  AssessmentThresholds,
  ModerationNotes,
  ProposalContent,
  ResumptionFacts,
  ReviewInput,
  Stage,
  TransitionFacts,
} from '@hstf/domain';
import { EntityManager } from 'typeorm';
import { moneyOut } from '../common/money/money.decorators';
import { ComplianceService } from '../compliance';
import { availableBalance } from '../fund';
import type { LifecycleRepository, ProjectRow } from './lifecycle.repository';

// The gates' facts, assembled from what LifecycleRepository reads; the SQL lives there.

/** The gate sections and what is kept of them as the evidence of a decision. */
export interface GatheredFacts {
  facts: TransitionFacts;
  evidence: Record<string, unknown>;
}

/**
 * The assessment of the proposal (DESIGN.md §4.1), by libs/domain's assessProposal over the reviews
 * and the moderation notes of its latest review round (earlier rounds never count) and the thresholds
 * of assessment_settings, as the repository reads them.
 */
export async function assessmentOf(
  manager: EntityManager,
  reads: LifecycleRepository,
  projectId: string,
): Promise<Assessment> {
  const rounds = await reads.reviewRounds(manager, projectId);
  const reviews = reviewsOfCountingRound(await reads.reviews(manager, projectId), rounds);
  const notes = reviewsOfCountingRound(await reads.moderationNotes(manager, projectId), rounds);
  const settings = await reads.assessmentSettings(manager);
  const thresholds: Partial<AssessmentThresholds> = settings
    ? {
        minPrincipleMean: Number(settings.min_principle_mean),
        minOverallMean: Number(settings.min_overall_mean),
        minReviews: settings.min_reviews,
        disagreementSpread: settings.disagreement_spread,
      }
    : {};
  const moderationNotes: ModerationNotes = {};
  for (const { principle, note } of notes) if (isPrincipleId(principle)) moderationNotes[principle] = note;
  const inputs: ReviewInput[] = reviews.map((row) => ({
    reviewerId: row.reviewer_id,
    conflictDeclared: row.conflict_declared === true,
    status: row.status,
    scores: Object.fromEntries(PRINCIPLE_IDS.map((p) => [p, row[`score_${p}`] ?? null])),
    recommendation: row.recommendation,
  }));
  return assessProposal(inputs, { thresholds, moderationNotes });
}

function proposalContent(project: ProjectRow, countries: string[]): ProposalContent {
  return {
    title: project.title,
    summary: project.summary,
    window: project.window,
    // The column defaults to 0: a budget of nothing is a budget not yet given.
    requestedBudget: Number(project.requested_budget) > 0 ? moneyOut(project.requested_budget) : null,
    startDate: project.start_date,
    endDate: project.end_date,
    dimensions: project.dimensions,
    targetBeneficiaries: project.target_beneficiaries,
    vulnerableGroups: project.vulnerable_groups,
    narratives: {
      people_centred: project.narrative_people_centred,
      comprehensive: project.narrative_comprehensive,
      context_specific: project.narrative_context_specific,
      prevention_oriented: project.narrative_prevention_oriented,
      protection_empowerment: project.narrative_protection_empowerment,
    },
    recipientCountries: countries,
    leadOrganizationId: project.lead_organization_id,
  };
}

/**
 * Gathers what the gates of these target stages need, and nothing else: the proposal for
 * under_review, the approval facts (paragraph 6 on the decision date, the assessment, the approved
 * budget, the Fund's available balance) for approved, the transfers for active, the reason for
 * suspended, and for any move out of suspended the stage it was suspended from and paragraph 6 on
 * the decision date. The caller holds whatever locks make the facts stable (the project row; the
 * ledger lock for an approval).
 */
export async function gatherFacts(
  manager: EntityManager,
  reads: LifecycleRepository,
  compliance: ComplianceService,
  project: ProjectRow,
  targets: readonly Stage[],
  decidedOn: string,
  request: { reason?: string | null } = {},
): Promise<Partial<Record<Stage, GatheredFacts>>> {
  const gathered: Partial<Record<Stage, GatheredFacts>> = {};
  const paragraph6 = async () => {
    const [records] = await compliance.records(manager, [project.id]);
    return compliance.evaluate(records!, decidedOn);
  };
  for (const to of targets) {
    if (project.stage === 'suspended') {
      const resumption: ResumptionFacts = {
        suspendedFrom: await reads.suspendedFrom(manager, project.id),
        compliance: await paragraph6(),
      };
      gathered[to] = { facts: { resumption }, evidence: { ...resumption } };
    } else if (to === 'suspended') {
      const reason = request.reason?.trim() || null;
      gathered[to] = {
        facts: { suspension: { reason } },
        evidence: { reason, compliance: await paragraph6() },
      };
    } else if (to === 'under_review') {
      const proposal = proposalContent(project, await reads.recipientCountries(manager, project.id));
      gathered[to] = {
        facts: { proposal },
        evidence: {
          missingFields: missingProposalFields(proposal),
          recipientCountries: proposal.recipientCountries,
          leadOrganizationId: proposal.leadOrganizationId,
        },
      };
    } else if (to === 'approved') {
      const [records] = await compliance.records(manager, [project.id]);
      const approval: ApprovalFacts = {
        compliance: compliance.evaluate(records!, decidedOn),
        assessment: await assessmentOf(manager, reads, project.id),
        approvedBudget: moneyOut(project.approved_budget),
        availableBalance: await availableBalance(manager),
      };
      gathered[to] = { facts: { approval }, evidence: { ...approval } };
    } else if (to === 'active') {
      const transfers = await reads.transfers(manager, project.id);
      const activation: ActivationFacts = { transfersRecorded: transfers.length };
      const first = transfers[0];
      gathered[to] = {
        facts: { activation },
        evidence: {
          ...activation,
          firstTransfer: first
            ? { id: first.id, transferredOn: first.transferred_on, amountUsd: moneyOut(first.amount_usd) }
            : null,
        },
      };
    } else {
      gathered[to] = { facts: {}, evidence: {} };
    }
  }
  return gathered;
}
