import type { Type } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context/request-context';
import { ConsentsService, CreateConsentRequest } from '../consents';
import { ContributionsService, CreateContributionRequest, UpdateContributionRequest } from '../contributions';
import { CreateProjectRequest, ProjectsService, UpdateProjectRequest } from '../projects';
import {
  CreateNationalStrategyRequest,
  StrategiesService,
  UpdateNationalStrategyRequest,
} from '../strategies';
import type { ImportLabelKey } from './import-labels';

export const IMPORT_KINDS = ['projects', 'contributions', 'consents', 'strategies'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** A record named by what staff know it by; resolved to its id before the request is checked. */
export type ReferenceKind = 'donor' | 'organization' | 'project';

export interface ImportColumn {
  /** The field of the create request the cell fills (for a reference, the id field it resolves to). */
  field: string;
  label: ImportLabelKey;
  /**
   * list: several values in one cell, separated by semicolons; integer(s): whole numbers; shares:
   * "organization = amount" pairs separated by semicolons, each organization by name, acronym or id.
   */
  cell: 'text' | 'list' | 'integer' | 'integers' | 'shares';
  required?: boolean;
  /** The cell names a record by name, code or id. */
  reference?: ReferenceKind;
  /** The cell is not a field of the request but an argument of the creation (the consent's project). */
  argument?: boolean;
  /** Read in capitals, as the record keeps it (a project's code written hs-2026-0042 is HS-2026-0042). */
  upper?: boolean;
}

/** The services that create each kind, bound to the import's transaction. */
export interface ImportServices {
  projects: ProjectsService;
  contributions: ContributionsService;
  consents: ConsentsService;
  strategies: StrategiesService;
}

/** A record a row names by its kind's stable key: the row changes it instead of creating one. */
export interface ExistingRecord {
  id: string;
  version: number;
}

export interface ImportKindDefinition {
  columns: readonly ImportColumn[];
  /** The request a row becomes, checked by the same DTO as the single-record route. */
  request: Type<object>;
  /** Fills what a flat row cannot say from what it does (before the DTO checks it), for a new record. */
  prepare?: (plain: Record<string, unknown>) => void;
  /**
   * The record the row names by its stable key (the key is stated in the template's notes), null
   * when the row creates one; a sentence when the key names several records.
   */
  existing(
    manager: EntityManager,
    plain: Record<string, unknown>,
    args: Record<string, string>,
  ): Promise<ExistingRecord | string | null>;
  /**
   * Changes the record through its feature's service (changeVersioned: the version checked, only
   * what differs written, one audit entry, nothing at all when nothing differs); the filled cells
   * only, so a blank cell leaves the field as it is.
   */
  update(
    services: ImportServices,
    ctx: RequestContext,
    manager: EntityManager,
    existing: ExistingRecord,
    request: object,
    args: Record<string, string>,
  ): Promise<{ summary: string }>;
  /** The fields a row can change, as text, read from the record as the API answers it (and audits it). */
  shown(record: Record<string, unknown>): Record<string, string>;
  /** Creates the record through its feature's service (rules, audit entry and all); a line saying what. */
  create(
    services: ImportServices,
    ctx: RequestContext,
    request: object,
    args: Record<string, string>,
  ): Promise<{ id: string; summary: string }>;
}

export const IMPORT_DEFINITIONS: Record<ImportKind, ImportKindDefinition> = {
  projects: {
    request: CreateProjectRequest,
    columns: [
      { field: 'code', label: 'code', cell: 'text', upper: true },
      { field: 'title', label: 'title', cell: 'text', required: true },
      { field: 'window', label: 'window', cell: 'text', required: true },
      { field: 'summary', label: 'summary', cell: 'text' },
      {
        field: 'leadOrganizationId',
        label: 'leadOrganization',
        cell: 'text',
        reference: 'organization',
      },
      { field: 'recipientCountries', label: 'countries', cell: 'list' },
      { field: 'requestedBudget', label: 'requestedBudget', cell: 'text' },
      { field: 'coFunding', label: 'coFunding', cell: 'text' },
      { field: 'startDate', label: 'startDate', cell: 'text' },
      { field: 'endDate', label: 'endDate', cell: 'text' },
      { field: 'dimensions', label: 'dimensions', cell: 'list' },
      { field: 'targetBeneficiaries', label: 'targetBeneficiaries', cell: 'integer' },
      { field: 'vulnerableGroups', label: 'vulnerableGroups', cell: 'list' },
      { field: 'sdgs', label: 'sdgs', cell: 'integers' },
      { field: 'organizations', label: 'budgetShares', cell: 'shares', reference: 'organization' },
    ],
    prepare(plain) {
      // The lead is a participating organization: a row that names only the lead (no shares) puts
      // the whole requested budget on it.
      if (typeof plain.leadOrganizationId === 'string' && plain.organizations === undefined) {
        plain.organizations = [
          { organizationId: plain.leadOrganizationId, budgetShare: plain.requestedBudget ?? '0.00' },
        ];
      }
    },
    async create(services, ctx, request) {
      const created = await services.projects.create(ctx, request as CreateProjectRequest);
      return { id: created.id, summary: `${created.code} ${created.title}` };
    },
    async existing(manager, plain) {
      if (typeof plain.code !== 'string') return null;
      return one(manager, `SELECT id, version FROM projects WHERE code = $1 AND deleted_at IS NULL`, [
        plain.code,
      ]);
    },
    async update(services, ctx, manager, existing, request) {
      const { code: _code, ...fields } = request as CreateProjectRequest;
      const change: UpdateProjectRequest = fields;
      if (change.organizations === undefined && change.requestedBudget !== undefined) {
        // A project whose lead is its only organization keeps the whole budget on the lead, as a
        // new one does; other shares change only with the row's shares column.
        const before = await services.projects.get(existing.id, manager);
        const [only] = before.organizations;
        const lead = change.leadOrganizationId ?? before.leadOrganizationId;
        if (before.organizations.length === 1 && only!.organizationId === lead) {
          change.organizations = [{ organizationId: lead, budgetShare: change.requestedBudget }];
        }
      }
      const updated = await services.projects.update(ctx, existing.id, existing.version, change);
      return { summary: `${updated.code} ${updated.title}` };
    },
    shown(record) {
      const organizations = (record.organizations ?? []) as {
        organizationId: string;
        name: string;
        acronym: string | null;
        budgetShare: string;
      }[];
      const lead = organizations.find((o) => o.organizationId === record.leadOrganizationId);
      return {
        ...texts(record, ['title', 'window', 'summary', 'requestedBudget', 'coFunding', 'startDate']),
        ...texts(record, ['endDate', 'dimensions', 'targetBeneficiaries', 'vulnerableGroups', 'sdgs']),
        leadOrganizationId: lead ? (lead.acronym ?? lead.name) : '',
        recipientCountries: ((record.recipientCountries ?? []) as { iso3: string }[])
          .map((country) => country.iso3)
          .join('; '),
        organizations: organizations
          .map((o) => `${o.acronym ?? o.name} = ${o.budgetShare}`)
          .sort()
          .join('; '),
      };
    },
  },
  contributions: {
    request: CreateContributionRequest,
    columns: [
      { field: 'donorId', label: 'donor', cell: 'text', required: true, reference: 'donor' },
      { field: 'pledgedOn', label: 'pledgedOn', cell: 'text', required: true },
      { field: 'receivedOn', label: 'receivedOn', cell: 'text' },
      { field: 'amount', label: 'amount', cell: 'text', required: true },
      { field: 'currency', label: 'currency', cell: 'text', required: true },
      { field: 'usdAmount', label: 'usdAmount', cell: 'text', required: true },
      { field: 'exchangeRate', label: 'exchangeRate', cell: 'text', required: true },
      { field: 'status', label: 'status', cell: 'text', required: true },
      { field: 'earmarking', label: 'earmarking', cell: 'text' },
      { field: 'reference', label: 'reference', cell: 'text' },
    ],
    async create(services, ctx, request) {
      const created = await services.contributions.create(ctx, request as CreateContributionRequest);
      return { id: created.id, summary: contributionSummary(created) };
    },
    async existing(manager, plain) {
      if (typeof plain.donorId !== 'string' || typeof plain.reference !== 'string') return null;
      return one(
        manager,
        `SELECT id, version FROM contributions WHERE donor_id = $1 AND reference = $2`,
        [plain.donorId, plain.reference],
        'names several contributions of this donor with this reference; give each a reference of its own',
      );
    },
    async update(services, ctx, _manager, existing, request) {
      const change: UpdateContributionRequest = request;
      const updated = await services.contributions.update(ctx, existing.id, existing.version, change);
      return { summary: contributionSummary(updated) };
    },
    shown(record) {
      return {
        ...texts(record, ['pledgedOn', 'receivedOn', 'amount', 'currency', 'usdAmount', 'exchangeRate']),
        ...texts(record, ['status', 'earmarking', 'reference']),
        donorId: typeof record.donorName === 'string' ? record.donorName : '',
      };
    },
  },
  consents: {
    request: CreateConsentRequest,
    columns: [
      {
        field: 'projectId',
        label: 'project',
        cell: 'text',
        required: true,
        reference: 'project',
        argument: true,
      },
      { field: 'countryIso3', label: 'country', cell: 'text', required: true },
      { field: 'status', label: 'status', cell: 'text', required: true },
      { field: 'requestedOn', label: 'requestedOn', cell: 'text' },
      { field: 'grantedOn', label: 'grantedOn', cell: 'text' },
      { field: 'validUntil', label: 'validUntil', cell: 'text' },
      { field: 'issuingOffice', label: 'issuingOffice', cell: 'text' },
      { field: 'signatory', label: 'signatory', cell: 'text' },
      { field: 'documentReference', label: 'documentReference', cell: 'text' },
      { field: 'scope', label: 'scope', cell: 'text' },
    ],
    async create(services, ctx, request, args) {
      const created = await services.consents.create(ctx, args.projectId!, request as CreateConsentRequest);
      return { id: created.id, summary: `${created.countryIso3}: ${created.status}` };
    },
    async existing(manager, plain, args) {
      if (!args.projectId || typeof plain.countryIso3 !== 'string') return null;
      return one(
        manager,
        `SELECT id, version FROM consent_records WHERE project_id = $1 AND country_iso3 = upper($2)`,
        [args.projectId, plain.countryIso3],
      );
    },
    async update(services, ctx, _manager, existing, request, args) {
      // The project and the country are the record's key: what the row changes is the rest.
      const { countryIso3: _country, ...change } = request as CreateConsentRequest;
      const updated = await services.consents.update(
        ctx,
        args.projectId!,
        existing.id,
        existing.version,
        change,
      );
      return { summary: `${updated.countryIso3}: ${updated.status}` };
    },
    shown(record) {
      return texts(record, [
        'status',
        'requestedOn',
        'grantedOn',
        'validUntil',
        'issuingOffice',
        'signatory',
        'documentReference',
        'scope',
      ]);
    },
  },
  strategies: {
    request: CreateNationalStrategyRequest,
    columns: [
      { field: 'countryIso3', label: 'country', cell: 'text', required: true },
      { field: 'title', label: 'title', cell: 'text', required: true },
      { field: 'periodFrom', label: 'periodFrom', cell: 'text', required: true },
      { field: 'periodTo', label: 'periodTo', cell: 'text', required: true },
      { field: 'priorityAreas', label: 'priorityAreas', cell: 'list' },
      { field: 'reference', label: 'reference', cell: 'text' },
    ],
    async create(services, ctx, request) {
      const created = await services.strategies.create(ctx, request as CreateNationalStrategyRequest);
      return { id: created.id, summary: `${created.countryIso3}: ${created.title}` };
    },
    async existing(manager, plain) {
      if (typeof plain.countryIso3 !== 'string' || typeof plain.title !== 'string') return null;
      return one(
        manager,
        `SELECT id, version FROM national_strategies WHERE country_iso3 = upper($1) AND lower(title) = lower($2)`,
        [plain.countryIso3, plain.title.trim()],
        'names several national strategies of this country with this title',
      );
    },
    async update(services, ctx, _manager, existing, request) {
      const change: UpdateNationalStrategyRequest = request;
      const updated = await services.strategies.update(ctx, existing.id, existing.version, change);
      return { summary: `${updated.countryIso3}: ${updated.title}` };
    },
    shown(record) {
      return texts(record, ['countryIso3', 'title', 'periodFrom', 'periodTo', 'priorityAreas', 'reference']);
    },
  },
};

function contributionSummary(record: {
  donorName: string;
  amount: string;
  currency: string;
  status: string;
}) {
  return `${record.donorName}: ${record.amount} ${record.currency} (${record.status})`;
}

/** The one record a key names; a sentence when it names several. */
async function one(
  manager: EntityManager,
  sql: string,
  params: unknown[],
  several = 'names several records',
): Promise<ExistingRecord | string | null> {
  const rows: ExistingRecord[] = await manager.query(`${sql} LIMIT 2`, params);
  if (rows.length > 1) return several;
  return rows[0] ?? null;
}

/** Fields as the text a cell holds: lists joined by semicolons, nothing as an empty cell. */
function texts(record: Record<string, unknown>, fields: string[]): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const field of fields) {
    shown[field] = textOf(record[field]);
  }
  return shown;
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(textOf).join('; ');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The id of the record a cell names (an id, a project's code, a donor's name, an organization's
 * name or acronym), in the import's transaction; null when none or several match.
 */
export async function resolveReference(
  manager: EntityManager,
  kind: ReferenceKind,
  text: string,
): Promise<string | null> {
  const byId = UUID.test(text);
  const sql = {
    donor: byId
      ? `SELECT id FROM donors WHERE id = $1`
      : `SELECT id FROM donors WHERE lower(name) = lower($1) LIMIT 2`,
    organization: byId
      ? `SELECT id FROM organizations WHERE id = $1`
      : `SELECT id FROM organizations WHERE lower(name) = lower($1) OR lower(acronym) = lower($1) LIMIT 2`,
    project: byId
      ? `SELECT id FROM projects WHERE id = $1`
      : `SELECT id FROM projects WHERE code = upper($1) LIMIT 2`,
  }[kind];
  const rows: { id: string }[] = await manager.query(sql, [text]);
  return rows.length === 1 ? rows[0]!.id : null;
}

export const REFERENCE_MESSAGES: Record<ReferenceKind, string> = {
  donor: 'names no known donor (give its name exactly as recorded, or its id)',
  organization: 'names no single known organization (give its name, acronym or id)',
  project: 'names no known project (give its code, such as HS-2026-0042, or its id)',
};
