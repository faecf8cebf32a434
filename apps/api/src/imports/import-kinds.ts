import type { Type } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context/request-context';
import { ConsentsService, CreateConsentRequest } from '../consents';
import { ContributionsService, CreateContributionRequest } from '../contributions';
import { CreateProjectRequest, ProjectsService } from '../projects';
import { CreateNationalStrategyRequest, StrategiesService } from '../strategies';
import type { ImportLabelKey } from './import-labels';

export const IMPORT_KINDS = ['projects', 'contributions', 'consents', 'strategies'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** A record named by what staff know it by; resolved to its id before the request is checked. */
export type ReferenceKind = 'donor' | 'organization' | 'project';

export interface ImportColumn {
  /** The field of the create request the cell fills (for a reference, the id field it resolves to). */
  field: string;
  label: ImportLabelKey;
  /** list: several values in one cell, separated by semicolons; integer(s): whole numbers. */
  cell: 'text' | 'list' | 'integer' | 'integers';
  required?: boolean;
  /** The cell names a record by name, code or id. */
  reference?: ReferenceKind;
  /** The cell is not a field of the request but an argument of the creation (the consent's project). */
  argument?: boolean;
}

/** The services that create each kind, bound to the import's transaction. */
export interface ImportServices {
  projects: ProjectsService;
  contributions: ContributionsService;
  consents: ConsentsService;
  strategies: StrategiesService;
}

export interface ImportKindDefinition {
  columns: readonly ImportColumn[];
  /** The request a row becomes, checked by the same DTO as the single-record route. */
  request: Type<object>;
  /** Fills what a flat row cannot say from what it does (before the DTO checks it). */
  prepare?: (plain: Record<string, unknown>) => void;
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
      { field: 'code', label: 'code', cell: 'text' },
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
    ],
    prepare(plain) {
      // The lead is a participating organization; one row names only the lead, which then holds
      // the whole requested budget (other organizations and shares are added on the project).
      if (typeof plain.leadOrganizationId === 'string') {
        plain.organizations = [
          { organizationId: plain.leadOrganizationId, budgetShare: plain.requestedBudget ?? '0.00' },
        ];
      }
    },
    async create(services, ctx, request) {
      const created = await services.projects.create(ctx, request as CreateProjectRequest);
      return { id: created.id, summary: `${created.code} ${created.title}` };
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
      return {
        id: created.id,
        summary: `${created.donorName}: ${created.amount} ${created.currency} (${created.status})`,
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
  },
};

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
