import type { QueryResultRow } from 'pg';
import type {
  AlignmentInput,
  ConsentRecordInput,
  Paragraph3Declarations,
  Paragraph6Input,
  ProjectDecisions,
  Stage,
} from '@hstf/domain';
import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { hasTextSql } from './paragraph-6.sql';

/** A consent record as the rules read it, with what only staff and admin may see beside it. */
export interface ConsentRecordFacts extends ConsentRecordInput {
  staffOnly: {
    issuingOffice: string | null;
    signatory: string | null;
    documentReference: string | null;
    withdrawalReason: string | null;
    scope: string | null;
  };
}

export interface AlignmentFacts extends AlignmentInput {
  priorityArea: string | null;
}

/**
 * A project's consents, by recipient country: what the consent alerts are raised from (the rules'
 * input alone, without what only staff see), or, for compliance, ConsentRecordFacts.
 */
export interface ConsentRecords<C extends ConsentRecordInput = ConsentRecordInput> {
  projectId: string;
  code: string;
  title: string;
  stage: Stage;
  /** ISO 3166-1 alpha-3 → English short name, in name order. */
  countries: { iso3: string; name: string }[];
  consents: C[];
}

/** Everything paragraphs 6 and 3 are judged on, for one project. */
export interface ComplianceRecords extends ConsentRecords<ConsentRecordFacts> {
  startDate: string | null;
  alignments: AlignmentFacts[];
  declarations: Paragraph3Declarations;
  decisions: ProjectDecisions;
}

interface ConsentsRow<C extends ConsentRecordInput = ConsentRecordInput> extends QueryResultRow {
  id: string;
  code: string;
  title: string;
  stage: Stage;
  countries: { iso3: string; name: string }[];
  consents: C[];
}

export interface RecordsRow extends ConsentsRow<ConsentRecordFacts> {
  start_date: string | null;
  declares_no_coercion: boolean;
  declares_distinct_from_r2p: boolean;
  alignments: AlignmentFacts[];
  approved_on: string | null;
  last_decision_on: string | null;
}

/**
 * The columns of one project's consents, for a query over `projects p`: the project, its recipient
 * countries and consent records, with what only staff see (`staffOnly`) or without it. Whether an
 * authority, a signatory or a document reference is recorded is decided by the same SQL the
 * compliance list uses (hasTextSql), so the detail and the list cannot read "present" differently.
 */
const consentsColumns = (staffOnly: boolean) => `
  p.id, p.code, p.title, p.stage,
    coalesce((SELECT json_agg(json_build_object('iso3', c.iso3, 'name', c.name) ORDER BY c.name)
      FROM countries c
      -- By key: as a join, PostgreSQL scans all 249 countries once per project (4 ms for 50 projects).
      WHERE c.iso3 = ANY(ARRAY(SELECT pc.country_iso3 FROM project_countries pc WHERE pc.project_id = p.id))), '[]') AS countries,
    coalesce((SELECT json_agg(json_build_object(
        'id', c.id, 'country', c.country_iso3, 'status', c.status, 'requestedOn', c.requested_on,
        'grantedOn', c.granted_on, 'validUntil', c.valid_until, 'withdrawnOn', c.withdrawn_on,
        'hasIssuingOffice', ${hasTextSql('c.issuing_office')},
        'hasSignatory', ${hasTextSql('c.signatory')},
        'hasDocumentReference', ${hasTextSql('c.document_reference')},
        'recordedOn', (c.updated_at AT TIME ZONE 'UTC')::date,
        -- The earlier versions as they were recorded (consent_events), oldest first: a date is judged
        -- on the record as it stood then.
        'history', coalesce((SELECT json_agg(json_build_object(
            'status', e.record->>'status', 'requestedOn', e.record->>'requestedOn',
            'grantedOn', e.record->>'grantedOn', 'validUntil', e.record->>'validUntil',
            'withdrawnOn', e.record->>'withdrawnOn',
            'hasIssuingOffice', ${hasTextSql(`e.record->>'issuingOffice'`)},
            'hasSignatory', ${hasTextSql(`e.record->>'signatory'`)},
            'hasDocumentReference', ${hasTextSql(`e.record->>'documentReference'`)},
            'recordedOn', (e.occurred_at AT TIME ZONE 'UTC')::date)
          ORDER BY e.occurred_at, e.id) FROM consent_events e WHERE e.consent_id = c.id), '[]')${
            staffOnly
              ? `,
        'staffOnly', json_build_object('issuingOffice', c.issuing_office, 'signatory', c.signatory,
          'documentReference', c.document_reference, 'withdrawalReason', c.withdrawal_reason, 'scope', c.scope)`
              : ''
          })
        ORDER BY c.country_iso3, c.created_at, c.id)
      FROM consent_records c WHERE c.project_id = p.id), '[]') AS consents`;

/** The consents' columns with what staff see, the declarations, the alignments and the dates of the decisions. */
const RECORDS_COLUMNS = `${consentsColumns(true)},
    p.start_date, p.declares_no_coercion, p.declares_distinct_from_r2p,
    coalesce((SELECT json_agg(json_build_object(
        'id', a.id, 'country', a.country_iso3, 'strategyId', s.id, 'strategyTitle', s.title,
        'periodFrom', s.period_from, 'periodTo', s.period_to, 'justification', a.justification,
        'priorityArea', a.priority_area)
        ORDER BY a.country_iso3, s.period_from, a.id)
      FROM alignments a JOIN national_strategies s ON s.id = a.strategy_id
      WHERE a.project_id = p.id), '[]') AS alignments,
    (SELECT t.decided_on::text FROM project_transitions t WHERE t.project_id = p.id AND t.to_stage = 'approved'
     ORDER BY t.occurred_at DESC, t.id DESC LIMIT 1) AS approved_on,
    (SELECT t.decided_on::text FROM project_transitions t WHERE t.project_id = p.id
     ORDER BY t.occurred_at DESC, t.id DESC LIMIT 1) AS last_decision_on`;

/**
 * By ids; `$2`, when not null, is a reviewer who sees only the projects assigned to them and not
 * declined for a conflict, so a request's visibility check and its read are one statement.
 */
const RECORDS_SQL = `
  SELECT ${RECORDS_COLUMNS}
  FROM projects p
  WHERE p.id = ANY($1::uuid[]) AND p.deleted_at IS NULL
    AND ($2::uuid IS NULL OR EXISTS (
      SELECT 1 FROM reviews r
      WHERE r.project_id = p.id AND r.reviewer_id = $2 AND r.status <> 'declined_conflict'))`;

/**
 * The consents (ConsentRecords) of the first `limit` (a placeholder) projects a query selects, in
 * its order: `candidates` returns (id, code) rows, and their consents come back in (code, id) order,
 * so a feature can pick and read in one statement.
 */
export function consentsOfCandidatesSql(candidates: string, limit: string): string {
  return `WITH candidates AS (${candidates})
    SELECT ${consentsColumns(false)}
    FROM candidates k JOIN projects p ON p.id = k.id
    ORDER BY k.code, k.id LIMIT ${limit}`;
}

/**
 * The records of these projects (soft-deleted ones left out), in the order of the ids given;
 * with `visibleTo`, only those that reviewer may see.
 */
export async function loadComplianceRecords(
  source: EntityManager | DataSource,
  projectIds: readonly string[],
  visibleTo: string | null = null,
): Promise<ComplianceRecords[]> {
  if (!projectIds.length) return [];
  const rows = await preparedQuery<RecordsRow>(source, RECORDS_SQL, [projectIds, visibleTo]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return projectIds.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toComplianceRecords(row)] : [];
  });
}

/** The rows of consentsOfCandidatesSql, read through any runner of prepared reads (a read replica's). */
export async function readConsentRecords(
  reads: { query<T extends ConsentsRow>(text: string, values: readonly unknown[]): Promise<T[]> },
  text: string,
  values: readonly unknown[],
): Promise<ConsentRecords[]> {
  return (await reads.query<ConsentsRow>(text, values)).map(toConsentRecords);
}

function toConsentRecords<C extends ConsentRecordInput>(row: ConsentsRow<C>): ConsentRecords<C> {
  return {
    projectId: row.id,
    code: row.code,
    title: row.title,
    stage: row.stage,
    countries: row.countries,
    consents: row.consents,
  };
}

function toComplianceRecords(row: RecordsRow): ComplianceRecords {
  return {
    ...toConsentRecords(row),
    startDate: row.start_date,
    alignments: row.alignments,
    // The columns default to false: "not declared (yet)", which the screening reads as unanswered.
    declarations: {
      noThreatOrUseOfForce: row.declares_no_coercion ? true : null,
      distinctFromResponsibilityToProtect: row.declares_distinct_from_r2p ? true : null,
    },
    decisions: { approvedOn: row.approved_on, lastDecisionOn: row.last_decision_on },
  };
}

/** The input of the domain's evaluateParagraph6: nothing is decided here. */
export function paragraph6Input(records: ComplianceRecords): Paragraph6Input {
  return {
    recipientCountries: records.countries.map((c) => c.iso3),
    consents: records.consents.map(({ staffOnly: _staffOnly, ...consent }) => consent),
    alignments: records.alignments.map(({ priorityArea: _priorityArea, ...alignment }) => alignment),
    projectStart: records.startDate,
    stage: records.stage,
  };
}
