import { MigrationInterface, QueryRunner } from 'typeorm';

const LANGUAGES = `'ar', 'zh', 'en', 'fr', 'ru', 'es'`;
const KINDS = `'review_assigned', 'consent_expiring', 'consent_withdrawn', 'paragraph6_lost', 'receipt_recorded'`;

/**
 * What the product tells people: each user's language and delivery choices, the notifications
 * themselves (one per event and recipient, by a key the database keeps unique, so a job run twice
 * or by two workers tells nobody twice), and the outbox that keeps mail when no SMTP server is set.
 */
export class Notifications1763880000501 implements MigrationInterface {
  name = 'Notifications1763880000501';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN language text NOT NULL DEFAULT 'en',
        ADD CONSTRAINT ck_users_language CHECK (language IN (${LANGUAGES}))`);

    await q.query(`
      CREATE TABLE notification_preferences (
        user_id uuid NOT NULL,
        kind text NOT NULL,
        mode text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_notification_preferences PRIMARY KEY (user_id, kind),
        CONSTRAINT fk_notification_preferences_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT ck_notification_preferences_kind CHECK (kind IN (${KINDS})),
        CONSTRAINT ck_notification_preferences_mode CHECK (mode IN ('immediate', 'digest', 'off'))
      )`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        kind text NOT NULL,
        idempotency_key text NOT NULL,
        mode text NOT NULL,
        project_id uuid,
        link text NOT NULL,
        facts jsonb NOT NULL DEFAULT '{}',
        read_at timestamptz,
        mailed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_notifications PRIMARY KEY (id),
        CONSTRAINT fk_notifications_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT uq_notifications_key UNIQUE (idempotency_key),
        CONSTRAINT ck_notifications_kind CHECK (kind IN (${KINDS})),
        CONSTRAINT ck_notifications_mode CHECK (mode IN ('immediate', 'digest')),
        CONSTRAINT ck_notifications_link CHECK (link LIKE '/%')
      )`);
    await q.query(`CREATE INDEX ix_notifications_user ON notifications (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX ix_notifications_unread ON notifications (user_id) WHERE read_at IS NULL`);
    await q.query(
      `CREATE INDEX ix_notifications_digest ON notifications (user_id) WHERE mode = 'digest' AND mailed_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE mail_outbox (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        recipient text NOT NULL,
        language text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_mail_outbox PRIMARY KEY (id),
        CONSTRAINT ck_mail_outbox_language CHECK (language IN (${LANGUAGES}))
      )`);
    await q.query(`CREATE INDEX ix_mail_outbox_time ON mail_outbox (created_at DESC, id DESC)`);

    // Where the collector has read the audit log up to, and each funded project's paragraph 6 loss.
    await q.query(`
      CREATE TABLE notification_cursor (
        id integer NOT NULL DEFAULT 1,
        read_until timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_notification_cursor PRIMARY KEY (id),
        CONSTRAINT ck_notification_cursor_one CHECK (id = 1)
      )`);
    await q.query(`INSERT INTO notification_cursor (id) VALUES (1)`);
    await q.query(`
      CREATE TABLE paragraph6_losses (
        project_id uuid NOT NULL,
        lost_on date NOT NULL,
        CONSTRAINT pk_paragraph6_losses PRIMARY KEY (project_id)
      )`);

    for (const table of ['notification_preferences', 'notifications']) {
      await q.query(
        `CREATE TRIGGER tg_${table}_updated_at BEFORE UPDATE ON ${table}
           FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE paragraph6_losses`);
    await q.query(`DROP TABLE notification_cursor`);
    await q.query(`DROP TABLE mail_outbox`);
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE notification_preferences`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT ck_users_language, DROP COLUMN language`);
  }
}
