import { PROPOSAL_STAGES } from '@hstf/domain';
import type { ComplianceStatus } from '@hstf/domain';

/**
 * Resolution 66/290 paragraph 6 (DESIGN.md §4.2) in SQL, written once, for the queries that must
 * judge many projects in one statement (the compliance list, the alerts pre-filter). It restates
 * `evaluateParagraph6` of libs/domain, which stays the definition: the detail endpoint and the
 * lifecycle gates call the domain itself, and test/compliance/paragraph-6-sql.e2e-spec.ts checks this
 * SQL against the domain on every kind of record, on both sides of every date boundary.
 *
 * Each builder takes the SQL alias of the row it reads and the SQL expression of the date (a
 * `date`-typed parameter such as `$2::date`), and returns a fragment to splice into a query.
 */

/**
 * The characters String.prototype.trim() removes (ECMAScript WhiteSpace and LineTerminator), as a
 * regular-expression bracket body: PostgreSQL's btrim() and [[:space:]] (C locale) know fewer.
 */
const JS_TRIMMED = String.raw` \t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff`;

/** true when the text holds something besides whitespace, as `value.trim().length > 0` in TypeScript. */
export function hasTextSql(column: string): string {
  return `coalesce(${column} ~ '[^${JS_TRIMMED}]', false)`;
}

/**
 * The record as it is now was withdrawn: by its status, or by a withdrawal date on a record still
 * marked otherwise. (For today's alerts; a date is judged on the record as it stood, consentOnSql.)
 */
export function consentWithdrawnSql(c: string): string {
  return `(${c}.status = 'withdrawn' OR ${c}.withdrawn_on IS NOT NULL)`;
}

/** The consent record `c`, as it is now, counts on the date (for today's alerts; see consentOnSql). */
export function consentCountsSql(c: string, on: string): string {
  return `(${c}.status = 'granted' AND ${c}.withdrawn_on IS NULL
    AND ${c}.granted_on IS NOT NULL AND ${c}.granted_on <= ${on}
    AND (${c}.valid_until IS NULL OR ${c}.valid_until >= ${on})
    AND ${hasTextSql(`${c}.issuing_office`)} AND ${hasTextSql(`${c}.signatory`)}
    AND ${hasTextSql(`${c}.document_reference`)})`;
}

/** The alignment `a`, to the strategy `s`, counts for a project starting on `start` (`evaluateAlignment`). */
export function alignmentCountsSql(a: string, s: string, start: string): string {
  return `(${start} IS NOT NULL AND ${s}.period_from <= ${start}
    AND (${s}.period_to IS NULL OR ${start} <= ${s}.period_to)
    AND ${hasTextSql(`${a}.justification`)})`;
}

/** The proposal stages (PROPOSAL_STAGES), as an SQL list. */
const PROPOSALS = PROPOSAL_STAGES.map((stage) => `'${stage}'`).join(', ');

/**
 * The status of one version `v` of a consent record on the date, from the dates it carries
 * (`consentStatusOn`): null when nothing of it was on file yet. `v` has the record's columns and
 * `recorded_on`, the day (UTC) the version was recorded.
 */
function consentStatusOnSql(v: string, on: string): string {
  const before = `CASE WHEN ${v}.status NOT IN ('requested', 'refused') AND ${v}.granted_on <= ${on} THEN 'granted'
                       WHEN ${v}.requested_on <= ${on} THEN 'requested' END`;
  return `CASE
    WHEN ${v}.status = 'withdrawn' OR ${v}.withdrawn_on IS NOT NULL
      THEN CASE WHEN coalesce(${v}.withdrawn_on, ${v}.recorded_on) <= ${on} THEN 'withdrawn' ELSE ${before} END
    WHEN ${v}.status = 'expired'
      THEN CASE WHEN ${v}.recorded_on <= ${on} OR ${v}.valid_until + 1 <= ${on} THEN 'expired' ELSE ${before} END
    WHEN ${v}.status = 'refused' THEN CASE WHEN ${v}.recorded_on <= ${on} THEN 'refused' ELSE ${before} END
    WHEN ${v}.status = 'granted'
      THEN CASE WHEN coalesce(${v}.granted_on, ${v}.recorded_on) <= ${on} THEN 'granted' ELSE ${before} END
    WHEN ${v}.status = 'requested'
      THEN CASE WHEN coalesce(${v}.requested_on, ${v}.recorded_on) <= ${on} THEN 'requested' END
  END`;
}

/** One version per row: the record `c` itself first, then its history (consent_events), newest first. */
function consentVersionsSql(c: string): string {
  return `SELECT 0 AS k, NULL::timestamptz AS at, NULL::uuid AS event_id, ${c}.status, ${c}.requested_on,
                 ${c}.granted_on, ${c}.valid_until, ${c}.withdrawn_on,
                 (${c}.updated_at AT TIME ZONE 'UTC')::date AS recorded_on,
                 ${c}.issuing_office, ${c}.signatory, ${c}.document_reference
          UNION ALL
          SELECT 1, e.occurred_at, e.id, e.record->>'status', (e.record->>'requestedOn')::date,
                 (e.record->>'grantedOn')::date, (e.record->>'validUntil')::date, (e.record->>'withdrawnOn')::date,
                 (e.occurred_at AT TIME ZONE 'UTC')::date,
                 e.record->>'issuingOffice', e.record->>'signatory', e.record->>'documentReference'
          FROM consent_events e WHERE e.consent_id = ${c}.id`;
}

/**
 * The consent record `c` as it stood on the date (`consentOn`), for a LEFT JOIN LATERAL: one row
 * with `status` (as it stood; no row when the record was not on file yet) and `counts`, whether it
 * counts on the date (`evaluateConsentRecord(...).counts`).
 */
export function consentOnSql(c: string, on: string): string {
  return `(SELECT x.status,
            (x.status = 'granted' AND x.granted_on IS NOT NULL AND x.granted_on <= ${on}
             AND (x.valid_until IS NULL OR x.valid_until >= ${on})
             AND ${hasTextSql('x.issuing_office')} AND ${hasTextSql('x.signatory')}
             AND ${hasTextSql('x.document_reference')}) AS counts
          FROM (SELECT ${consentStatusOnSql('v', on)} AS status, v.k, v.at, v.event_id, v.granted_on,
                       v.valid_until, v.issuing_office, v.signatory, v.document_reference
                FROM (${consentVersionsSql(c)}) v) x
          WHERE x.status IS NOT NULL
          ORDER BY x.k, x.at DESC, x.event_id DESC
          LIMIT 1)`;
}

/**
 * One row per recipient country of the project `p`: `country_iso3` and `status` (compliant, pending,
 * not_requested, non_compliant), as `evaluateParagraph6(...).countries`. Usable after FROM or in a
 * LATERAL join.
 */
export function countryStatusesSql(p: string, on: string): string {
  return `(SELECT pc.country_iso3,
            CASE WHEN cs.holds AND EXISTS (
                   SELECT 1 FROM alignments a JOIN national_strategies s ON s.id = a.strategy_id
                   WHERE a.project_id = pc.project_id AND a.country_iso3 = pc.country_iso3
                     AND ${alignmentCountsSql('a', 's', `${p}.start_date`)})
                 THEN 'compliant'
                 WHEN cs.requested AND NOT cs.refused_or_withdrawn THEN 'pending'
                 WHEN NOT cs.on_file AND ${p}.stage IN (${PROPOSALS}) THEN 'not_requested'
                 ELSE 'non_compliant' END AS status
          FROM project_countries pc
          CROSS JOIN LATERAL (
            SELECT coalesce(bool_or(v.counts), false) AS holds,
                   coalesce(bool_or(v.status = 'requested'), false) AS requested,
                   coalesce(bool_or(v.status IN ('refused', 'withdrawn')), false) AS refused_or_withdrawn,
                   count(v.status) > 0 AS on_file
            FROM consent_records c
            CROSS JOIN LATERAL ${consentOnSql('c', on)} v
            WHERE c.project_id = pc.project_id AND c.country_iso3 = pc.country_iso3) cs
          WHERE pc.project_id = ${p}.id)`;
}

/**
 * The overall status of the project `p` on the date, a scalar expression: the worst of its
 * countries' (non_compliant, pending, not_requested, compliant); without a recipient country,
 * not_requested for a proposal and non_compliant otherwise.
 */
export function projectStatusSql(p: string, on: string): string {
  return `(SELECT CASE WHEN count(*) = 0
                        THEN CASE WHEN ${p}.stage IN (${PROPOSALS}) THEN 'not_requested' ELSE 'non_compliant' END
                      WHEN bool_or(k.status = 'non_compliant') THEN 'non_compliant'
                      WHEN bool_or(k.status = 'pending') THEN 'pending'
                      WHEN bool_or(k.status = 'not_requested') THEN 'not_requested'
                      ELSE 'compliant' END
          FROM ${countryStatusesSql(p, on)} k)`;
}

/** The latest decision of the project `p` (to `stage` when given), its decided_on; null when none. */
function lastDecisionSql(p: string, stage: string | null): string {
  return `(SELECT t.decided_on FROM project_transitions t
           WHERE t.project_id = ${p}.id ${stage ? `AND t.to_stage = '${stage}'` : ''}
           ORDER BY t.occurred_at DESC, t.id DESC LIMIT 1)`;
}

/**
 * The date the project `p` is judged on when no date is asked, and why (`paragraph6Date`), a
 * subquery of one row (`on`, `basis`) for a LATERAL join: completed and closed projects on their
 * approval, rejected and withdrawn ones on their last decision, the others (and any without that
 * decision on file) on `today`.
 */
export function paragraph6DateSql(p: string, today: string): string {
  return `(SELECT coalesce(x.decided, ${today}) AS on,
                  CASE WHEN x.decided IS NULL THEN 'today' ELSE x.basis END AS basis
           FROM (SELECT CASE WHEN ${p}.stage IN ('completed', 'closed') THEN ${lastDecisionSql(p, 'approved')}
                             WHEN ${p}.stage IN ('rejected', 'withdrawn') THEN ${lastDecisionSql(p, null)} END AS decided,
                        CASE WHEN ${p}.stage IN ('completed', 'closed') THEN 'approval' ELSE 'last_decision' END AS basis) x)`;
}

/**
 * A condition every project of that status meets, cheaper than judging each project: a compliant
 * project has a consent granted by the date (in the record or an earlier version of it), a pending
 * one a request made by the date, a not-requested one is a proposal. null where no such shortcut
 * exists. It only narrows what the exact status (projectStatusSql) is then computed for.
 */
export function statusCandidateSql(status: ComplianceStatus, p: string, on: string): string | null {
  switch (status) {
    case 'compliant':
      return `${p}.id IN (SELECT c.project_id FROM consent_records c WHERE c.granted_on <= ${on}
                          UNION SELECT c.project_id FROM consent_events e JOIN consent_records c ON c.id = e.consent_id
                                WHERE (e.record->>'grantedOn')::date <= ${on})`;
    case 'pending':
      return `${p}.id IN (SELECT c.project_id FROM consent_records c
                          WHERE c.requested_on <= ${on} OR (c.status = 'requested' AND c.requested_on IS NULL)
                          UNION SELECT c.project_id FROM consent_events e JOIN consent_records c ON c.id = e.consent_id
                                WHERE (e.record->>'requestedOn')::date <= ${on}
                                   OR (e.record->>'status' = 'requested' AND e.record->>'requestedOn' IS NULL))`;
    case 'not_requested':
      return `${p}.stage IN (${PROPOSALS})`;
    case 'non_compliant':
      return null;
  }
}
