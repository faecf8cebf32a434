import {
  assessProposal,
  isPrincipleId,
  isStage,
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
  Recommendation,
  ResumptionFacts,
  ReviewInput,
  ReviewStatus,
  Stage,
  TransitionFacts,
} from '@hstf/domain';
import { EntityManager } from 'typeorm';
import { moneyOut } from '../common/money/money.decorators';
import { ComplianceService } from '../compliance';
import { availableBalance } from '../fund';

/** The project row the gates read, as locked (or read) by the caller. */
export interface ProjectRow {
  id: string;
  code: string;
  stage: Stage;
  version: number;
  deleted_at: Date | null;
  title: string;
  summary: string;
  window: string | null;
  lead_organization_id: string | null;
  requested_budget: string;
  approved_budget: string | null;
  start_date: string | null;
  end_date: string | null;
  dimensions: string[];
  target_beneficiaries: number | null;
  vulnerable_groups: string[];
  narrative_people_centred: string;
  narrative_comprehensive: string;
  narrative_context_specific: string;
  narrative_prevention_oriented: string;
  narrative_protection_empowerment: string;
}

/** The gate sections and what is kept of them as the evidence of a decision. */
export interface GatheredFacts {
  facts: TransitionFacts;
  evidence: Record<string, unknown>;
}

interface ReviewRow {
  round: number;
  reviewer_id: string;
  status: ReviewStatus;
  conflict_declared: boolean | null;
  recommendation: Recommendation | null;
  [score: `score_${string}`]: number | null;
}

/**
 * The assessment of the proposal (DESIGN.md §4.1), by libs/domain's assessProposal over the reviews
 * and the moderation notes of its latest review round (earlier rounds never count) and the thresholds
 * of assessment_settings, read here from their tables.
 */
export async function assessmentOf(manager: EntityManager, projectId: string): Promise<Assessment> {
  const rounds = await manager.query<{ number: number; closedAt: string | null }[]>(
    `SELECT number, closed_at::text AS "closedAt" FROM review_rounds WHERE project_id = $1`,
    [projectId],
  );
  const reviews = reviewsOfCountingRound(
    await manager.query<ReviewRow[]>(
      `SELECT round, reviewer_id, status, conflict_declared, recommendation,
              ${PRINCIPLE_IDS.map((p) => `score_${p}`).join(', ')}
       FROM reviews WHERE project_id = $1 ORDER BY created_at, id`,
      [projectId],
    ),
    rounds,
  );
  const notes = reviewsOfCountingRound(
    await manager.query<{ round: number; principle: string; note: string }[]>(
      `SELECT round, principle, note FROM moderation_notes WHERE project_id = $1`,
      [projectId],
    ),
    rounds,
  );
  const [settings] = await manager.query<
    {
      min_principle_mean: string;
      min_overall_mean: string;
      min_reviews: number;
      disagreement_spread: number;
    }[]
  >(`SELECT min_principle_mean, min_overall_mean, min_reviews, disagreement_spread FROM assessment_settings`);
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

/** The stage of the project's latest move into suspended: where a resumption returns to. */
export async function suspendedFrom(manager: EntityManager, projectId: string): Promise<Stage | null> {
  const [last] = await manager.query<{ from_stage: string }[]>(
    `SELECT from_stage FROM project_transitions WHERE project_id = $1 AND to_stage = 'suspended'
     ORDER BY occurred_at DESC, id DESC LIMIT 1`,
    [projectId],
  );
  return last && isStage(last.from_stage) ? last.from_stage : null;
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
        suspendedFrom: await suspendedFrom(manager, project.id),
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
      const countries = await manager.query<{ iso3: string }[]>(
        `SELECT country_iso3::text AS iso3 FROM project_countries WHERE project_id = $1 ORDER BY 1`,
        [project.id],
      );
      const proposal = proposalContent(
        project,
        countries.map((c) => c.iso3),
      );
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
        assessment: await assessmentOf(manager, project.id),
        approvedBudget: moneyOut(project.approved_budget),
        availableBalance: await availableBalance(manager),
      };
      gathered[to] = { facts: { approval }, evidence: { ...approval } };
    } else if (to === 'active') {
      const transfers = await manager.query<{ id: string; transferred_on: string; amount_usd: string }[]>(
        `SELECT id, transferred_on::text, amount_usd::text FROM transfers
         WHERE project_id = $1 ORDER BY transferred_on, tranche, id`,
        [project.id],
      );
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
