import { Client } from 'pg';
import { hashPassword } from '../users';
import { writeDemoHistory } from './demo-history';
import { writeDemoPortfolio } from './demo-portfolio-writer';
import { writeDemoReviews } from './demo-reviews';
import { writeDemoReviewRounds } from './demo-review-rounds';
import { writeDemoRevisionsAndLessons } from './demo-revisions';
import { writeDemoReports } from './demo-reports';
import { writeDemoTranches } from './demo-tranches';
import { writeDemoSuspension } from './demo-suspension';
import { writeDemoReceipts } from './demo-receipts';
import { writeDemoTranslations } from './demo-translations';
import { writeDemoDocuments } from './demo-documents';
import type { DocumentStore } from '../documents';

export const DEMO_PASSWORD = 'demo-password';

export const DEMO_SIGN_INS = [
  { email: 'admin@example.org', name: 'Alex Admin', role: 'admin' },
  { email: 'staff@example.org', name: 'Sara Staff', role: 'staff' },
  { email: 'reviewer1@example.org', name: 'Rafael Reviewer', role: 'reviewer' },
  { email: 'reviewer2@example.org', name: 'Ruth Reviewer', role: 'reviewer' },
  { email: 'reviewer3@example.org', name: 'Rahul Reviewer', role: 'reviewer' },
  { email: 'donor.japan@example.org', name: 'Japan Donor Liaison', role: 'donor', donor: 'Japan' },
] as const;

/**
 * Donors that are part of the Fund's public history: Japan founded it in 1999 and was its sole
 * donor until 2006; Greece, Mexico, Slovenia and Thailand have contributed since 2007.
 */
const DONORS = [
  { name: 'Japan', kind: 'member_state', country: 'JPN' },
  { name: 'Greece', kind: 'member_state', country: 'GRC' },
  { name: 'Mexico', kind: 'member_state', country: 'MEX' },
  { name: 'Slovenia', kind: 'member_state', country: 'SVN' },
  { name: 'Thailand', kind: 'member_state', country: 'THA' },
];

/** The UN entities that most often implement Trust Fund projects. */
const ORGANIZATIONS: { name: string; acronym: string | null; kind: string }[] = [
  { name: 'United Nations Development Programme', acronym: 'UNDP', kind: 'un_entity' },
  { name: "United Nations Children's Fund", acronym: 'UNICEF', kind: 'un_entity' },
  {
    name: 'Office of the United Nations High Commissioner for Refugees',
    acronym: 'UNHCR',
    kind: 'un_entity',
  },
  { name: 'World Food Programme', acronym: 'WFP', kind: 'un_entity' },
  { name: 'Food and Agriculture Organization of the United Nations', acronym: 'FAO', kind: 'un_entity' },
  { name: 'World Health Organization', acronym: 'WHO', kind: 'un_entity' },
  { name: 'United Nations Population Fund', acronym: 'UNFPA', kind: 'un_entity' },
  {
    name: 'United Nations Entity for Gender Equality and the Empowerment of Women',
    acronym: 'UN-Women',
    kind: 'un_entity',
  },
  {
    name: 'United Nations Educational, Scientific and Cultural Organization',
    acronym: 'UNESCO',
    kind: 'un_entity',
  },
  { name: 'International Labour Organization', acronym: 'ILO', kind: 'un_entity' },
  { name: 'International Organization for Migration', acronym: 'IOM', kind: 'un_entity' },
  { name: 'United Nations Human Settlements Programme', acronym: 'UN-Habitat', kind: 'un_entity' },
  { name: 'United Nations Office on Drugs and Crime', acronym: 'UNODC', kind: 'un_entity' },
  { name: 'Office for the Coordination of Humanitarian Affairs', acronym: 'OCHA', kind: 'un_entity' },
  { name: 'United Nations Industrial Development Organization', acronym: 'UNIDO', kind: 'un_entity' },
  { name: 'United Nations Environment Programme', acronym: 'UNEP', kind: 'un_entity' },
  {
    name: 'Office of the United Nations High Commissioner for Human Rights',
    acronym: 'OHCHR',
    kind: 'un_entity',
  },
];

const REQUEST_ID = 'demo-data';

async function insertAudited(
  client: Client,
  entity: string,
  sql: string,
  params: unknown[],
  toAudit: (row: Record<string, unknown>) => Record<string, unknown> = (row) => row,
): Promise<Record<string, unknown>> {
  const { rows } = await client.query<Record<string, unknown>>(sql, params);
  const row = rows[0]!;
  await client.query(
    `INSERT INTO audit_entries (action, entity, entity_id, after, request_id)
     VALUES ('create', $1, $2, $3::jsonb, $4)`,
    [entity, String(row.id), JSON.stringify(toAudit(row)), REQUEST_ID],
  );
  return row;
}

/**
 * Loads the demo dataset into an empty database (no users yet) and says whether it did.
 * Each record gets its audit entry, like any other change. With `documents` (the store the API
 * reads document content from), the portfolio also gets a few attached PDFs.
 */
export async function loadDemoDataIfEmpty(
  databaseUrl: string,
  options: { portfolio: boolean; documents?: DocumentStore } = { portfolio: true },
): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    // Two API replicas starting together must not both load the demo data.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('hstf-demo-data'))`);
    const { rows } = await client.query(`SELECT count(*)::int AS users FROM users`);
    if ((rows[0] as { users: number }).users > 0) {
      await client.query('ROLLBACK');
      return false;
    }

    const donorIds = new Map<string, string>();
    for (const donor of DONORS) {
      const row = await insertAudited(
        client,
        'donor',
        `INSERT INTO donors (name, kind, country_iso3) VALUES ($1, $2, $3) RETURNING *`,
        [donor.name, donor.kind, donor.country],
      );
      donorIds.set(donor.name, String(row.id));
    }
    for (const organization of ORGANIZATIONS) {
      await insertAudited(
        client,
        'organization',
        `INSERT INTO organizations (name, acronym, kind) VALUES ($1, $2, $3) RETURNING *`,
        [organization.name, organization.acronym, organization.kind],
      );
    }
    for (const user of DEMO_SIGN_INS) {
      await insertAudited(
        client,
        'user',
        `INSERT INTO users (email, name, role, donor_id, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [
          user.email,
          user.name,
          user.role,
          'donor' in user ? donorIds.get(user.donor) : null,
          await hashPassword(DEMO_PASSWORD),
        ],
        ({ password_hash: _omitted, ...rest }) => rest,
      );
    }
    if (options.portfolio) await writeDemoPortfolio(client, REQUEST_ID);
    if (options.portfolio) await writeDemoHistory(client, REQUEST_ID);
    if (options.portfolio) await writeDemoReviews(client, REQUEST_ID);
    if (options.portfolio) await writeDemoReviewRounds(client, REQUEST_ID);
    if (options.portfolio) await writeDemoRevisionsAndLessons(client, REQUEST_ID);
    if (options.portfolio) await writeDemoReports(client, REQUEST_ID);
    if (options.portfolio) await writeDemoTranslations(client, REQUEST_ID);
    if (options.portfolio) await writeDemoSuspension(client, REQUEST_ID);
    if (options.portfolio) await writeDemoReceipts(client, REQUEST_ID);
    if (options.portfolio) await writeDemoTranches(client, REQUEST_ID);
    if (options.portfolio && options.documents)
      await writeDemoDocuments(client, REQUEST_ID, options.documents);
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
