import {
  addDays,
  CONSENT_EXPIRY_WARNING_DAYS,
  CONSENT_REQUEST_OVERDUE_DAYS,
  FUNDED_STAGES,
  PROPOSAL_STAGES,
} from '@hstf/domain';
import type { ReviewAlert, ReviewStatus, Stage } from '@hstf/domain';
import { Injectable } from '@nestjs/common';
import { MAX_LIMIT } from '../common/pagination/pagination';
import {
  ConsentRecords,
  consentCountsSql,
  consentsOfCandidatesSql,
  consentWithdrawnSql,
  readConsentRecords,
} from '../compliance';
import { ReadReplicas } from '../database/read-replicas';

/*
 * Each test ends in OFFSET 0, which keeps it a probe of the project's own records, row by row, as
 * written: pulled up into a semi-join, the planner judged from the statistics of consent_records
 * alone that about 3 % of concept notes have a request (it is most of them), and at 1,000,000
 * projects planned parallel workers for a few rows: 12 ms to start them, 15–18 ms a page.
 */

/** A funded project with a recipient country that has no consent counting beyond the warning window. */
const FUNDED_CANDIDATE = `EXISTS (
  SELECT 1 FROM project_countries pc
  WHERE pc.project_id = p.id AND NOT EXISTS (
    SELECT 1 FROM consent_records c
    WHERE c.project_id = pc.project_id AND c.country_iso3 = pc.country_iso3
      AND ${consentCountsSql('c', '$1::date')}
      AND (c.valid_until IS NULL OR c.valid_until > $2::date) OFFSET 0) OFFSET 0)`;

/** A proposal with a live request older than the overdue window. */
const PROPOSAL_CANDIDATE = `EXISTS (
  SELECT 1 FROM consent_records c
  WHERE c.project_id = p.id AND c.status = 'requested' AND NOT ${consentWithdrawnSql('c')}
    AND c.requested_on < $3::date OFFSET 0)`;

/**
 * The most candidates one batch reads: a page's limit plus one. A constant in the SQL, not the
 * page's limit, so that the statement has one generic plan: with the limit a parameter, PostgreSQL
 * planned each request anew (1–2 ms, more than the execution). The page's limit applies to the
 * records read after (consentsOfCandidatesSql), and the merge is read lazily, so a page of 50 still
 * reads about 51 candidates.
 */
const MOST_CANDIDATES = MAX_LIMIT + 1;

/**
 * The projects that may raise an alert on the date `$1`: a superset of what consentAlerts raises
 * (exactly it while a project has one consent record per country, as the schema holds), in keyset
 * order (code, id). One branch per stage, each walking ix_projects_stage (stage, code, id) and
 * stopping at MOST_CANDIDATES, merged in code order: a walk of the whole portfolio in code order would
 * pass 75,000 closed projects before the first funded one.
 */
function candidatesSql(keyset: string): string {
  const branch = (stage: string, condition: string) =>
    `(SELECT p.id, p.code FROM projects p
      WHERE p.deleted_at IS NULL AND p.stage = '${stage}' ${keyset} AND ${condition}
      ORDER BY p.code, p.id LIMIT ${MOST_CANDIDATES})`;
  const branches = [
    ...FUNDED_STAGES.map((stage) => branch(stage, FUNDED_CANDIDATE)),
    ...PROPOSAL_STAGES.map((stage) => branch(stage, PROPOSAL_CANDIDATE)),
  ];
  return `SELECT id, code FROM (${branches.join('\n UNION ALL ')}) candidates
    ORDER BY code, id LIMIT ${MOST_CANDIDATES}`;
}

export interface ReviewCandidateRow {
  code: ReviewAlert['code'];
  project_id: string;
  project_code: string;
  project_title: string;
  stage: Stage;
  round: number;
  review_id: string | null;
  reviewer_id: string | null;
  reviewer_name: string | null;
  status: ReviewStatus | null;
  /** The due date, or the day the round opened. */
  since: string;
  /** The key after the code: the review id, or '' for the proposal's own alert. */
  key: string;
}

/**
 * The candidates on `$1`, waiting beyond `$2` days: a superset of what libs/domain raises (exactly it,
 * as the conditions are the same), in keyset order (project code, project id, alert code, review).
 * The latest round is the one that counts; a proposal under review without a round is judged from
 * its last move into review.
 */
const CANDIDATES = `
  WITH latest AS (
    SELECT p.id, p.code, p.title, p.stage, rr.number AS round,
           coalesce((rr.opened_at AT TIME ZONE 'UTC')::date,
                    (SELECT max(t.decided_on) FROM project_transitions t
                      WHERE t.project_id = p.id AND t.to_stage = 'under_review')) AS opened_on
    FROM projects p
    LEFT JOIN LATERAL (SELECT number, opened_at FROM review_rounds
                       WHERE project_id = p.id ORDER BY number DESC LIMIT 1) rr ON true
    WHERE p.deleted_at IS NULL AND p.stage = 'under_review'
  ), raised AS (
    SELECT 'proposal_review_waiting' AS code, l.id AS project_id, l.code AS project_code,
           l.title AS project_title, l.stage, coalesce(l.round, 1) AS round, NULL::uuid AS review_id,
           NULL::uuid AS reviewer_id, NULL::text AS reviewer_name, NULL::text AS status,
           l.opened_on::text AS since, '' AS key
    FROM latest l WHERE l.opened_on < $1::date - $2::int
    UNION ALL
    SELECT 'review_overdue', l.id, l.code, l.title, l.stage, r.round, r.id, r.reviewer_id, u.name,
           r.status, r.due_on::text, r.id::text
    FROM latest l
    JOIN reviews r ON r.project_id = l.id AND r.round = l.round
    JOIN users u ON u.id = r.reviewer_id
    WHERE r.status IN ('assigned', 'draft') AND r.due_on < $1::date
  )
  SELECT * FROM raised`;

/**
 * The statement of a batch of candidates' consents: from the first candidate, or after a key
 * (`$4`, `$5`), including it or not. Written once: building its 7 KB of text, and hashing it to
 * name the prepared statement, took 1.5 % of a page's CPU.
 */
const CONSENT_CANDIDATES = {
  first: consentsOfCandidatesSql(candidatesSql(''), '$4'),
  from: consentsOfCandidatesSql(candidatesSql('AND (p.code, p.id) >= ($4, $5::uuid)'), '$6'),
  after: consentsOfCandidatesSql(candidatesSql('AND (p.code, p.id) > ($4, $5::uuid)'), '$6'),
};

/**
 * The SQL of the alerts: it narrows the portfolio to the candidates; the services decide with
 * libs/domain. The alerts are a dashboard read, so a fresh read replica may answer them.
 */
@Injectable()
export class AlertsRepository {
  constructor(private readonly reads: ReadReplicas) {}

  /** The consents of the next candidates, in (code, id) order. */
  consentCandidates(
    on: string,
    after: { code: string; id: string; inclusive: boolean } | null,
    limit: number,
  ): Promise<ConsentRecords[]> {
    if (limit > MOST_CANDIDATES) throw new RangeError(`At most ${MOST_CANDIDATES} candidates a batch`);
    return readConsentRecords(
      this.reads,
      CONSENT_CANDIDATES[after ? (after.inclusive ? 'from' : 'after') : 'first'],
      [
        on,
        addDays(on, CONSENT_EXPIRY_WARNING_DAYS),
        addDays(on, -CONSENT_REQUEST_OVERDUE_DAYS),
        ...(after ? [after.code, after.id] : []),
        limit,
      ],
    );
  }

  async reviewWaitingDays(): Promise<number> {
    const [settings] = await this.reads.query<{ review_waiting_days: number }>(
      `SELECT review_waiting_days FROM assessment_settings WHERE id`,
    );
    return settings!.review_waiting_days;
  }

  /** One more row than `limit` after the cursor's key, for the next page's cursor. */
  reviewCandidates(
    on: string,
    waitingDays: number,
    cursor: unknown[] | null,
    limit: number,
  ): Promise<ReviewCandidateRow[]> {
    const params: unknown[] = [on, waitingDays];
    const param = (value: unknown) => `$${params.push(value)}`;
    const keyset = cursor
      ? `WHERE (project_code, project_id, code, key) > (${param(cursor[0])}, ${param(cursor[1])}::uuid, ${param(cursor[2])}, ${param(cursor[3])})`
      : '';
    return this.reads.query<ReviewCandidateRow>(
      `SELECT * FROM (${CANDIDATES}) c ${keyset}
       ORDER BY project_code, project_id, code, key LIMIT ${param(limit + 1)}`,
      params,
    );
  }
}
