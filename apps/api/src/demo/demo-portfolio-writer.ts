import type { Client } from 'pg';
import { demoContributions, demoProjects, STRATEGY_PERIODS } from './demo-portfolio';

const AUTHORITIES: Record<string, string> = {
  default: 'Ministry of Foreign Affairs',
};

/** One audit entry per inserted row of `table` whose id is in `ids`, as any change would leave. */
async function auditInserts(client: Client, table: string, entity: string, ids: string[], requestId: string) {
  await client.query(
    `INSERT INTO audit_entries (action, entity, entity_id, after, request_id)
     SELECT 'create', $1, t.id::text, to_jsonb(t) - 'search', $3 FROM ${table} t WHERE t.id = ANY($2::uuid[])`,
    [entity, ids, requestId],
  );
}

async function insertRecords<T>(client: Client, sql: string, rows: T[]): Promise<string[]> {
  if (!rows.length) return [];
  const result = await client.query<{ id: string }>(sql, [JSON.stringify(rows)]);
  return result.rows.map((row) => row.id);
}

/** Writes the illustrative portfolio (see demo-portfolio.ts) inside the caller's transaction. */
export async function writeDemoPortfolio(client: Client, requestId: string): Promise<void> {
  const projects = demoProjects();
  const lastYear = new Date().getUTCFullYear();

  const { rows: organizations } = await client.query<{ id: string; acronym: string }>(
    `SELECT id, acronym FROM organizations WHERE acronym IS NOT NULL`,
  );
  const organizationId = new Map(organizations.map((o) => [o.acronym, o.id]));
  const { rows: donors } = await client.query<{ id: string; name: string }>(`SELECT id, name FROM donors`);
  const donorId = new Map(donors.map((d) => [d.name, d.id]));

  // National strategies: three periods for every recipient country.
  const countries = [...new Set(projects.flatMap((p) => p.countries))].sort();
  const strategyIds = await insertRecords(
    client,
    `INSERT INTO national_strategies (country_iso3, title, period_from, period_to, priority_areas, reference, illustrative)
     SELECT r.country, r.title, r.period_from, r.period_to, r.areas, r.reference, true
     FROM jsonb_to_recordset($1::jsonb) AS r(country text, title text, period_from date, period_to date,
                                            areas text[], reference text)
     RETURNING id`,
    countries.flatMap((country) =>
      STRATEGY_PERIODS.map((period) => ({
        country,
        title: `${period.title} ${period.from.slice(0, 4)}–${period.to.slice(0, 4)}`,
        period_from: period.from,
        period_to: period.to,
        areas: period.areas,
        reference: 'Illustrative record (demo data)',
      })),
    ),
  );
  await auditInserts(client, 'national_strategies', 'national_strategy', strategyIds, requestId);

  const projectIds = await insertRecords(
    client,
    `INSERT INTO projects (code, title, summary, "window", stage, lead_organization_id, requested_budget, approved_budget,
                           co_funding, start_date, end_date, dimensions, target_beneficiaries, vulnerable_groups, sdgs,
                           narrative_people_centred, narrative_comprehensive, narrative_context_specific,
                           narrative_prevention_oriented, narrative_protection_empowerment, protection_measures,
                           empowerment_measures, declares_no_coercion, declares_distinct_from_r2p, illustrative)
     SELECT r.code, r.title, r.summary, r."window", r.stage, r.lead, r.requested, r.approved, r.co_funding, r.start_date,
            r.end_date, r.dimensions, r.beneficiaries, r.groups, r.sdgs, r.people, r.comprehensive, r.context,
            r.prevention, r.protection_empowerment, r.protection, r.empowerment, true, true, true
     FROM jsonb_to_recordset($1::jsonb) AS r(code text, title text, summary text, "window" text, stage text, lead uuid,
       requested numeric, approved numeric, co_funding numeric, start_date date, end_date date, dimensions text[],
       beneficiaries int, groups text[], sdgs smallint[], people text, comprehensive text, context text,
       prevention text, protection_empowerment text, protection text, empowerment text)
     RETURNING id`,
    projects.map((p) => ({
      code: p.code,
      title: p.title,
      summary: p.summary,
      window: p.window,
      stage: p.stage,
      lead: organizationId.get(p.organizations[0]!.acronym),
      requested: p.requestedBudget,
      approved: p.approvedBudget,
      co_funding: p.coFunding,
      start_date: p.startDate,
      end_date: p.endDate,
      dimensions: p.dimensions,
      beneficiaries: p.targetBeneficiaries,
      groups: p.vulnerableGroups,
      sdgs: p.sdgs,
      people: p.narratives.peopleCentred,
      comprehensive: p.narratives.comprehensive,
      context: p.narratives.contextSpecific,
      prevention: p.narratives.preventionOriented,
      protection_empowerment: p.narratives.protectionEmpowerment,
      protection: p.protectionMeasures,
      empowerment: p.empowermentMeasures,
    })),
  );
  const idOf = new Map(projects.map((p, i) => [p.code, projectIds[i]!]));

  await client.query(
    `INSERT INTO project_countries (project_id, country_iso3)
     SELECT r.project, r.country FROM jsonb_to_recordset($1::jsonb) AS r(project uuid, country text)`,
    [
      JSON.stringify(
        projects.flatMap((p) => p.countries.map((country) => ({ project: idOf.get(p.code), country }))),
      ),
    ],
  );
  await client.query(
    `INSERT INTO project_organizations (project_id, organization_id, budget_share)
     SELECT r.project, r.organization, r.share FROM jsonb_to_recordset($1::jsonb) AS r(project uuid, organization uuid, share numeric)`,
    [
      JSON.stringify(
        projects.flatMap((p) =>
          p.organizations.map((o) => ({
            project: idOf.get(p.code),
            organization: organizationId.get(o.acronym),
            share: o.share,
          })),
        ),
      ),
    ],
  );
  await auditInserts(client, 'projects', 'project', projectIds, requestId);

  const consentIds = await insertRecords(
    client,
    `INSERT INTO consent_records (project_id, country_iso3, status, requested_on, granted_on, valid_until, withdrawn_on,
                                  withdrawal_reason, issuing_office, signatory, document_reference, scope)
     SELECT r.project, r.country, r.status, r.requested_on, r.granted_on, r.valid_until, r.withdrawn_on, r.reason,
            r.office, r.signatory, r.document, r.scope
     FROM jsonb_to_recordset($1::jsonb) AS r(project uuid, country text, status text, requested_on date, granted_on date,
       valid_until date, withdrawn_on date, reason text, office text, signatory text, document text, scope text)
     RETURNING id`,
    projects.flatMap((p) =>
      p.consents.map((consent) => {
        const documented = consent.grantedOn !== null;
        return {
          project: idOf.get(p.code),
          country: consent.country,
          status: consent.status,
          requested_on: consent.requestedOn,
          granted_on: consent.grantedOn,
          valid_until: consent.validUntil,
          withdrawn_on: consent.withdrawnOn,
          reason: consent.withdrawalReason,
          office: documented ? (AUTHORITIES[consent.country] ?? AUTHORITIES.default) : null,
          signatory: documented ? 'Permanent Secretary (illustrative)' : null,
          document: documented ? `NV/${consent.country}/${p.code}` : null,
          scope: documented ? 'All activities and sites described in the proposal' : null,
        };
      }),
    ),
  );
  await client.query(
    // The record as the API writes it (a ConsentDto), so every reader of the history finds its fields.
    `INSERT INTO consent_events (consent_id, status, record)
     SELECT c.id, c.status, jsonb_build_object(
       'id', c.id, 'countryIso3', c.country_iso3, 'status', c.status, 'requestedOn', c.requested_on,
       'grantedOn', c.granted_on, 'validUntil', c.valid_until, 'projectId', c.project_id,
       'withdrawnOn', c.withdrawn_on, 'withdrawalReason', c.withdrawal_reason,
       'issuingOffice', c.issuing_office, 'signatory', c.signatory, 'documentReference', c.document_reference,
       'scope', c.scope, 'version', c.version,
       'createdAt', to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
       'updatedAt', to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
     FROM consent_records c WHERE c.id = ANY($1::uuid[])`,
    [consentIds],
  );
  await auditInserts(client, 'consent_records', 'consent', consentIds, requestId);

  // Each aligned country points at the strategy whose period covers the project's start.
  const alignmentIds = await insertRecords(
    client,
    `INSERT INTO alignments (project_id, country_iso3, strategy_id, priority_area, justification)
     SELECT r.project, r.country, s.id, s.priority_areas[1 + (r.area % array_length(s.priority_areas, 1))], r.justification
     FROM jsonb_to_recordset($1::jsonb) AS r(project uuid, country text, start_date date, area int, justification text)
     JOIN national_strategies s ON s.country_iso3 = r.country AND r.start_date BETWEEN s.period_from AND s.period_to
     RETURNING id`,
    projects.flatMap((p, i) =>
      p.aligned.map((country) => ({
        project: idOf.get(p.code),
        country,
        start_date: p.startDate,
        area: i,
        justification: `The project delivers on the national priorities for ${p.dimensions.join(' and ')} security set by the Government.`,
      })),
    ),
  );
  await auditInserts(client, 'alignments', 'alignment', alignmentIds, requestId);

  const contributionIds = await insertRecords(
    client,
    `INSERT INTO contributions (donor_id, pledged_on, received_on, amount, currency, usd_amount, exchange_rate, status,
                                earmarking, reference, illustrative)
     SELECT r.donor, r.pledged_on, r.received_on, r.amount, r.currency, r.usd, r.rate, r.status, r.earmarking, r.reference, true
     FROM jsonb_to_recordset($1::jsonb) AS r(donor uuid, pledged_on date, received_on date, amount numeric, currency text,
       usd numeric, rate numeric, status text, earmarking text, reference text)
     RETURNING id`,
    demoContributions(lastYear).map((c) => ({
      donor: donorId.get(c.donor),
      pledged_on: c.pledgedOn,
      received_on: c.receivedOn,
      amount: c.amount,
      currency: c.currency,
      usd: c.usdAmount,
      rate: c.rate,
      status: c.status,
      earmarking: c.earmarking,
      reference: c.reference,
    })),
  );
  await auditInserts(client, 'contributions', 'contribution', contributionIds, requestId);

  const transferIds = await insertRecords(
    client,
    `INSERT INTO transfers (project_id, organization_id, amount_usd, transferred_on, tranche, reference)
     SELECT r.project, r.organization, r.amount, r.transferred_on, r.tranche, r.reference
     FROM jsonb_to_recordset($1::jsonb) AS r(project uuid, organization uuid, amount numeric, transferred_on date,
       tranche int, reference text)
     RETURNING id`,
    projects.flatMap((p) =>
      p.transfers.map((transfer) => ({
        project: idOf.get(p.code),
        organization: organizationId.get(transfer.acronym),
        amount: transfer.amount,
        transferred_on: transfer.on,
        tranche: transfer.tranche,
        reference: `${p.code}/T${transfer.tranche}`,
      })),
    ),
  );
  await auditInserts(client, 'transfers', 'transfer', transferIds, requestId);
  await writeDemoCorrection(client, requestId);
}

/**
 * A correction as the ledger keeps it: the first tranche of the first active project went to the
 * wrong bank account and came back, so it is reversed (the entry stays, with the reversal naming
 * it) and sent again as a new tranche.
 */
async function writeDemoCorrection(client: Client, requestId: string): Promise<void> {
  const { rows } = await client.query<{
    id: string;
    project_id: string;
    organization_id: string;
    amount: string;
    code: string;
  }>(
    `SELECT t.id, t.project_id, t.organization_id, t.amount_usd::text AS amount, p.code
     FROM transfers t JOIN projects p ON p.id = t.project_id
     WHERE p.stage = 'active' AND t.tranche = 1 AND t.transferred_on <= current_date - 30
     ORDER BY p.code LIMIT 1`,
  );
  const wrong = rows[0];
  if (!wrong) return;
  const reversal = await client.query<{ id: string }>(
    `INSERT INTO transfers (project_id, organization_id, kind, amount_usd, transferred_on, reverses_id, reason, reference)
     SELECT project_id, organization_id, 'reversal', amount_usd, transferred_on + 7, id,
            'Sent to a closed bank account; the bank returned it.', $2
     FROM transfers WHERE id = $1 RETURNING id`,
    [wrong.id, `${wrong.code}/R1`],
  );
  await auditInserts(client, 'transfers', 'transfer', [reversal.rows[0]!.id], requestId);
  const again = await client.query<{ id: string; tranche: number }>(
    `INSERT INTO transfers (project_id, organization_id, amount_usd, transferred_on, tranche, reference)
     SELECT project_id, organization_id, amount_usd, transferred_on + 10,
            (SELECT max(tranche) + 1 FROM transfers x WHERE x.project_id = t.project_id), $2
     FROM transfers t WHERE id = $1 RETURNING id, tranche`,
    [wrong.id, `${wrong.code}/T-resent`],
  );
  await auditInserts(client, 'transfers', 'transfer', [again.rows[0]!.id], requestId);
}
