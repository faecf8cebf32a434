import type { Role } from '@hstf/domain';

/**
 * Every kind of record the audit log holds, and who reads its entries besides admin (DESIGN.md §5):
 * staff every record of the portfolio and the Fund; admin alone the accounts, the queue and each
 * person's notifications. AuditService.record takes only these names, so a new kind of record does
 * not compile until someone decides here who reads its history.
 */
const AUDITED_ENTITIES = {
  project: 'staff',
  project_transition: 'staff',
  national_strategy: 'staff',
  alignment: 'staff',
  consent: 'staff',
  consent_record: 'staff',
  organization: 'staff',
  donor: 'staff',
  contribution: 'staff',
  receipt: 'staff',
  transfer: 'staff',
  tranche: 'staff',
  revision: 'staff',
  lesson: 'staff',
  report: 'staff',
  report_results: 'staff',
  reporting_settings: 'staff',
  outcome: 'staff',
  output: 'staff',
  indicator: 'staff',
  import: 'staff',
  review: 'staff',
  moderation_note: 'staff',
  assessment_settings: 'staff',
  // Documents attached to the records staff read.
  consent_document: 'staff',
  project_document: 'staff',
  report_document: 'staff',
  revision_document: 'staff',
  user: 'admin',
  // A person's credentials for scripts: account security, like the accounts themselves.
  access_token: 'admin',
  job: 'admin',
  notification: 'admin',
  notification_settings: 'admin',
} as const satisfies Record<string, 'staff' | 'admin'>;

export type AuditedEntity = keyof typeof AUDITED_ENTITIES;

/**
 * The audited kinds of record, as the OpenAPI document declares them: the dashboard words each
 * one, and its type-check fails on a kind added here until it has words for it.
 */
export const AUDITED_ENTITY_NAMES = Object.keys(AUDITED_ENTITIES) as AuditedEntity[];

/**
 * Every action an audit entry records besides the three of AuditService's helpers: named here so
 * a new one does not compile until the OpenAPI document, and so the dashboard, names it too.
 */
export const AUDITED_ACTIONS = [
  'create',
  'update',
  'delete',
  'transition',
  'reverse',
  'approve',
  'reject',
  'revoke',
  'retry',
  'import',
  'read_all',
] as const;

export type AuditedAction = (typeof AUDITED_ACTIONS)[number];

const STAFF_ENTITIES = (Object.keys(AUDITED_ENTITIES) as AuditedEntity[]).filter(
  (entity) => AUDITED_ENTITIES[entity] === 'staff',
);

/** The audited entities each role may read in the audit log. */
const READABLE_ENTITIES: Record<Role, readonly string[] | 'all'> = {
  admin: 'all',
  staff: STAFF_ENTITIES,
  reviewer: [],
  donor: [],
};

/** Null: every entity. */
export function readableAuditEntities(role: Role): readonly string[] | null {
  const entities = READABLE_ENTITIES[role];
  return entities === 'all' ? null : entities;
}

/**
 * The records of a project's timeline each role may read: the audit log's for admin and staff; for a
 * donor, what it reads of the portfolio (DESIGN.md §5): the project and its moves, its alignments and
 * the transfers to it, and the project's own documents. Never a consent's documents, a review or a
 * moderation note.
 */
const TIMELINE_ENTITIES: Record<Role, readonly string[] | 'all'> = {
  ...READABLE_ENTITIES,
  donor: ['project', 'project_transition', 'alignment', 'transfer', 'tranche', 'project_document'],
};

/** Null: every entity. */
export function timelineEntities(role: Role): readonly string[] | null {
  const entities = TIMELINE_ENTITIES[role];
  return entities === 'all' ? null : entities;
}

/** Whether the role reads what the audit log holds for staff: who decided, and why. */
export function readsStaffFields(role: Role): boolean {
  return role === 'admin' || role === 'staff';
}

/**
 * Staff and admin only, wherever they sit in a record: a decision's note, actor and evidence, and the
 * justification of a transfer made although paragraph 6 did not hold (as the API answers donors).
 */
const STAFF_ONLY_FIELDS = new Set([
  'note',
  'actorId',
  'actor_id',
  'actorName',
  'evidence',
  'overrideJustification',
  'override_justification',
]);

/** Never shown to anyone, whatever an entry holds. */
const SECRET_FIELDS = new Set([
  'password',
  'passwordHash',
  'password_hash',
  'token',
  'tokenHash',
  'token_hash',
]);

/** About a person, shown only to roles that may read users. */
const PERSONAL_FIELDS = new Set([
  'email',
  'lastSignInAt',
  'last_sign_in_at',
  'ip',
  'userAgent',
  'user_agent',
]);

export const REDACTED = '[redacted]';

/**
 * An entry's before / after as a role may read it: secrets removed for everyone and, for roles that
 * may not read users, personal fields replaced by a marker, at any depth. A person's name is
 * personal where it sits beside an email (a user, a contact), not where it names an organization.
 */
export function redactAuditRecord(value: unknown, role: Role): unknown {
  const personal = readableAuditEntities(role)?.includes('user') === false;
  const staffOnly = !readsStaffFields(role);
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const record = node as Record<string, unknown>;
    const isPerson = 'email' in record;
    const result: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(record)) {
      if (SECRET_FIELDS.has(key) || (staffOnly && STAFF_ONLY_FIELDS.has(key))) continue;
      if (personal && (PERSONAL_FIELDS.has(key) || (isPerson && key === 'name'))) {
        result[key] = field === null ? null : REDACTED;
      } else {
        result[key] = walk(field);
      }
    }
    return result;
  };
  return walk(value);
}
