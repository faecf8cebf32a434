import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app';

const unique = () => randomBytes(4).toString('hex');

export interface BuiltProject {
  id: string;
  code: string;
  countries: string[];
  organizationIds: string[];
  leadOrganizationId: string;
}

/** An organization inserted directly; returns its id. */
export async function anOrganization(t: TestApp, kind = 'un_entity'): Promise<string> {
  const id = unique();
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO organizations (name, acronym, kind) VALUES ($1, $2, $3) RETURNING id`,
    [`Organization ${id}`, `O-${id}`, kind],
  );
  return rows[0]!.id;
}

/**
 * A project inserted directly (not through the projects API), with its recipient countries and
 * participating organizations; the first organization leads. Budget shares split the requested
 * budget evenly (the last one takes the remainder).
 */
let projectsBuilt = 0;

/**
 * A code no other project of the test's database has: years 2000–2019 from serial 5000 up, clear of
 * the codes the API gives (this year's, from 0001), the demo's and the scale seed's (small serials).
 * Random codes collided now and then in files that build a hundred projects.
 */
function nextProjectCode(): string {
  const n = projectsBuilt++;
  return `HS-${2000 + (n % 20)}-${String(5000 + Math.floor(n / 20)).padStart(4, '0')}`;
}

export async function aProject(
  t: TestApp,
  overrides: {
    stage?: string;
    countries?: string[];
    organizationIds?: string[];
    requestedBudget?: string;
    approvedBudget?: string | null;
    startDate?: string;
    endDate?: string;
    title?: string;
    summary?: string;
    window?: 'I' | 'II';
    dimensions?: string[];
    vulnerableGroups?: string[];
    sdgs?: number[];
  } = {},
): Promise<BuiltProject> {
  const countries = overrides.countries ?? ['KEN'];
  const organizationIds = overrides.organizationIds ?? [await anOrganization(t), await anOrganization(t)];
  const requested = overrides.requestedBudget ?? '1000000.00';
  const code = nextProjectCode();
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO projects (code, title, summary, "window", stage, lead_organization_id, requested_budget,
                           approved_budget, start_date, end_date, dimensions, vulnerable_groups, sdgs,
                           target_beneficiaries)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 5000) RETURNING id`,
    [
      code,
      overrides.title ?? `Project ${unique()}`,
      overrides.summary ?? 'Community resilience in the face of recurrent drought',
      overrides.window ?? 'I',
      overrides.stage ?? 'concept_note',
      organizationIds[0],
      requested,
      overrides.approvedBudget ?? null,
      overrides.startDate ?? '2026-01-01',
      overrides.endDate ?? '2028-12-31',
      overrides.dimensions ?? ['food', 'economic'],
      overrides.vulnerableGroups ?? ['women_and_girls'],
      overrides.sdgs ?? [2, 5],
    ],
  );
  const id = rows[0]!.id;
  for (const iso3 of countries) {
    await t.db.query(`INSERT INTO project_countries (project_id, country_iso3) VALUES ($1, $2)`, [id, iso3]);
  }
  // Split in cents so the shares always sum exactly to the requested budget.
  const cents = BigInt(requested.replace('.', ''));
  const each = cents / BigInt(organizationIds.length);
  for (const [index, organizationId] of organizationIds.entries()) {
    const share = index === organizationIds.length - 1 ? cents - each * BigInt(index) : each;
    await t.db.query(
      `INSERT INTO project_organizations (project_id, organization_id, budget_share) VALUES ($1, $2, $3)`,
      [id, organizationId, `${share / 100n}.${String(share % 100n).padStart(2, '0')}`],
    );
  }
  return { id, code, countries, organizationIds, leadOrganizationId: organizationIds[0]! };
}
