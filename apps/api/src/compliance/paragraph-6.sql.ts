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

/** The record was withdrawn: by its status, or by a withdrawal date on a record still marked otherwise. */
export function consentWithdrawnSql(c: string): string {
  return `(${c}.status = 'withdrawn' OR ${c}.withdrawn_on IS NOT NULL)`;
}

/** The consent record `c` counts on the date (`evaluateConsentRecord(...).counts`). */
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

/**
 * One row per recipient country of the project `p`: `country_iso3` and `status` (compliant, pending,
 * non_compliant), as `evaluateParagraph6(...).countries`. Usable after FROM or in a LATERAL join.
 */
export function countryStatusesSql(p: string, on: string): string {
  return `(SELECT pc.country_iso3,
            CASE WHEN cs.holds AND EXISTS (
                   SELECT 1 FROM alignments a JOIN national_strategies s ON s.id = a.strategy_id
                   WHERE a.project_id = pc.project_id AND a.country_iso3 = pc.country_iso3
                     AND ${alignmentCountsSql('a', 's', `${p}.start_date`)})
                 THEN 'compliant'
                 WHEN cs.requested AND NOT cs.refused_or_withdrawn THEN 'pending'
                 ELSE 'non_compliant' END AS status
          FROM project_countries pc
          CROSS JOIN LATERAL (
            SELECT coalesce(bool_or(${consentCountsSql('c', on)}), false) AS holds,
                   coalesce(bool_or(c.status = 'requested' AND NOT ${consentWithdrawnSql('c')}), false) AS requested,
                   coalesce(bool_or(c.status = 'refused' OR ${consentWithdrawnSql('c')}), false) AS refused_or_withdrawn
            FROM consent_records c
            WHERE c.project_id = pc.project_id AND c.country_iso3 = pc.country_iso3) cs
          WHERE pc.project_id = ${p}.id)`;
}

/**
 * The overall status of the project `p` on the date, a scalar expression: non_compliant without a
 * recipient country or when any country is; else pending when any is; else compliant.
 */
export function projectStatusSql(p: string, on: string): string {
  return `(SELECT CASE WHEN count(*) = 0 OR bool_or(k.status = 'non_compliant') THEN 'non_compliant'
                      WHEN bool_or(k.status = 'pending') THEN 'pending'
                      ELSE 'compliant' END
          FROM ${countryStatusesSql(p, on)} k)`;
}

/**
 * A condition every project of that status meets, which an index on consent_records can find
 * without judging each project: a compliant project has a consent that counts (every country has
 * one), a pending one a live request (some country is pending). null where no such shortcut exists.
 * It only narrows what the exact status (projectStatusSql) is then computed for.
 */
export function statusCandidateSql(
  status: 'compliant' | 'pending' | 'non_compliant',
  p: string,
  on: string,
): string | null {
  switch (status) {
    case 'compliant':
      return `${p}.id IN (SELECT c.project_id FROM consent_records c WHERE ${consentCountsSql('c', on)})`;
    case 'pending':
      return `${p}.id IN (SELECT c.project_id FROM consent_records c
                          WHERE c.status = 'requested' AND NOT ${consentWithdrawnSql('c')})`;
    case 'non_compliant':
      return null;
  }
}
