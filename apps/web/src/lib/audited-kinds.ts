import type { components } from '@hstf/api-client';

export type AuditedEntity = components['schemas']['TimelineEventDto']['entity'];
export type AuditedAction = components['schemas']['TimelineEventDto']['action'];

/**
 * Every kind of record the API audits, in the order the audit log's filter offers them. Keyed by the
 * OpenAPI document's enum: a kind the API adds fails the type-check here until it is listed, and
 * the wording test then asks for its words in every language.
 */
const ENTITIES = {
  project: true,
  project_transition: true,
  consent_record: true,
  consent: true,
  consent_document: true,
  alignment: true,
  review: true,
  moderation_note: true,
  assessment_settings: true,
  transfer: true,
  tranche: true,
  contribution: true,
  receipt: true,
  donor: true,
  national_strategy: true,
  organization: true,
  revision: true,
  revision_document: true,
  lesson: true,
  report: true,
  report_results: true,
  report_document: true,
  reporting_settings: true,
  outcome: true,
  output: true,
  indicator: true,
  project_document: true,
  import: true,
  user: true,
  access_token: true,
  job: true,
  notification: true,
  notification_settings: true,
} as const satisfies Record<AuditedEntity, true>;

const ACTIONS = {
  create: true,
  update: true,
  delete: true,
  transition: true,
  reverse: true,
  approve: true,
  reject: true,
  revoke: true,
  retry: true,
  import: true,
  read_all: true,
} as const satisfies Record<AuditedAction, true>;

export const AUDITED_ENTITIES = Object.keys(ENTITIES) as AuditedEntity[];
export const AUDITED_ACTIONS = Object.keys(ACTIONS) as AuditedAction[];

export const isAuditedEntity = (value: string): value is AuditedEntity => Object.hasOwn(ENTITIES, value);
export const isAuditedAction = (value: string): value is AuditedAction => Object.hasOwn(ACTIONS, value);
