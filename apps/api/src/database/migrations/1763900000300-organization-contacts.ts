import { MigrationInterface, QueryRunner } from 'typeorm';
import { JOBS_SCHEMA, QUEUES, queueOptions } from '../../jobs/reference/job-queues';

const LANGUAGES = `'ar', 'zh', 'en', 'fr', 'ru', 'es'`;

/**
 * A participating organization's contact (name, email, the language to write to them in), and the
 * notices mailed to the lead organization's contact: one row per event and address, by a key the
 * database keeps unique, so a scan run twice or by two workers mails nobody twice. The contact has
 * no account, so these are kept apart from the users' notifications.
 */
export class OrganizationContacts1763900000300 implements MigrationInterface {
  name = 'OrganizationContacts1763900000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organizations
        ADD COLUMN contact_name text,
        ADD COLUMN contact_email text,
        ADD COLUMN contact_language text,
        ADD CONSTRAINT ck_organizations_contact_email CHECK (contact_email ~ '^[^@\\s]+@[^@\\s]+$'),
        ADD CONSTRAINT ck_organizations_contact_language CHECK (contact_language IN (${LANGUAGES}))`);
    await q.query(`
      CREATE TABLE contact_notices (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        idempotency_key text NOT NULL,
        kind text NOT NULL,
        organization_id uuid NOT NULL,
        project_id uuid NOT NULL,
        email text NOT NULL,
        language text NOT NULL,
        facts jsonb NOT NULL,
        mailed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_contact_notices PRIMARY KEY (id),
        CONSTRAINT uq_contact_notices_key UNIQUE (idempotency_key),
        CONSTRAINT fk_contact_notices_organization FOREIGN KEY (organization_id)
          REFERENCES organizations (id) ON DELETE CASCADE,
        CONSTRAINT fk_contact_notices_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
        CONSTRAINT ck_contact_notices_kind CHECK (kind IN ('report_due', 'report_overdue')),
        CONSTRAINT ck_contact_notices_language CHECK (language IN (${LANGUAGES}))
      )`);
    await q.query(`SELECT ${JOBS_SCHEMA}.create_queue($1, $2)`, [
      QUEUES.contactMail.name,
      JSON.stringify(queueOptions(QUEUES.contactMail)),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SELECT ${JOBS_SCHEMA}.delete_queue($1)`, [QUEUES.contactMail.name]);
    await q.query(`DROP TABLE contact_notices`);
    await q.query(`
      ALTER TABLE organizations
        DROP CONSTRAINT ck_organizations_contact_language, DROP CONSTRAINT ck_organizations_contact_email,
        DROP COLUMN contact_language, DROP COLUMN contact_email, DROP COLUMN contact_name`);
  }
}
