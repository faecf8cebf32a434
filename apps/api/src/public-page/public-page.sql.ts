import { PRINCIPLE_IDS } from '@hstf/domain';
import { ledgerMovementsSql, receivedByDonorSql } from '../fund';

/** Stages from approval on: what the Fund publishes (as its IATI file). */
export const PUBLISHED_STAGES = ['approved', 'active', 'suspended', 'completed', 'closed'];
export const PUBLIC_PROJECT_LIMIT = 100;

const money = (sum: string) => `round(coalesce(${sum}, 0), 2)::text`;
const principleMeans = PRINCIPLE_IDS.map((p) => `'${p}', round(avg(r.score_${p}), 2)::float8`).join(', ');

/**
 * The public page in one statement (one snapshot), written as JSON by PostgreSQL. The figures use
 * the ledger's own movements (fund/ledger.sql.ts); the scores only as the panel's means, as in the
 * IATI file.
 */
export const PUBLIC_FUND_SQL = `
  WITH movements AS (${ledgerMovementsSql(true)}),
  published AS (
    SELECT p.* FROM projects p WHERE p.deleted_at IS NULL AND p.stage = ANY ($1::text[])
  )
  SELECT json_build_object(
    'overall', (SELECT json_build_object('received', ${money('sum(received)')},
                  'committed', ${money('sum(committed)')}, 'transferred', ${money('sum(transferred)')})
                FROM movements),
    'byYear', coalesce((SELECT json_agg(json_build_object('year', year, 'received', ${money('r')},
                  'committed', ${money('c')}, 'transferred', ${money('t')}) ORDER BY year)
                FROM (SELECT year, sum(received) AS r, sum(committed) AS c, sum(transferred) AS t
                      FROM movements WHERE year IS NOT NULL GROUP BY year
                      HAVING sum(received) <> 0 OR sum(committed) <> 0 OR sum(transferred) <> 0) y), '[]'),
    'byDonor', coalesce((SELECT json_agg(json_build_object('name', d.name, 'countryIso3', d.country_iso3, 'received', ${money('s.r')})
                  ORDER BY s.r DESC, d.name)
                FROM (SELECT donor_id, received AS r FROM (${receivedByDonorSql('NULL::date')}) x) s
                JOIN donors d ON d.id = s.donor_id), '[]'),
    'byCountry', coalesce((SELECT json_agg(json_build_object('iso3', c.iso3, 'iso2', c.iso2, 'numeric', c.numeric,
                  'name', c.name, 'projects', x.n, 'approved', ${money('x.approved')})
                  ORDER BY c.name)
                FROM (SELECT pc.country_iso3, count(*)::int AS n,
                             -- A project in several countries counts its budget in equal shares, as the overview's map does.
                             sum(p.approved_budget / cardinality(p.country_codes)) AS approved
                      FROM project_countries pc
                      JOIN published p ON p.id = pc.project_id GROUP BY pc.country_iso3) x
                JOIN countries c ON c.iso3 = x.country_iso3), '[]'),
    'projectCount', (SELECT count(*)::int FROM published),
    'projects', coalesce((SELECT json_agg(json_build_object(
                  'code', p.code, 'title', p.title, 'titleTranslations', p.title_translations, 'stage', p.stage, 'countries', p.country_codes,
                  'approvedBudget', p.approved_budget::text,
                  'principles', (SELECT json_build_object(${principleMeans})
                                 FROM reviews r
                                 WHERE r.project_id = p.id AND r.status = 'submitted' AND r.conflict_declared IS FALSE
                                   AND r.round = (SELECT max(rr.number) FROM review_rounds rr WHERE rr.project_id = p.id)))
                  ORDER BY p.code DESC)
                FROM (SELECT * FROM published ORDER BY code DESC LIMIT ${PUBLIC_PROJECT_LIMIT}) p), '[]')
  )::text AS page`;
