import { MigrationInterface, QueryRunner } from 'typeorm';
import { JOBS_SCHEMA, QUEUES, queueOptions, RETIRED_QUEUES } from '../../jobs/reference/job-queues';

const KINDS_BEFORE = `'review_assigned', 'consent_expiring', 'consent_withdrawn', 'paragraph6_lost', 'receipt_recorded'`;
const KINDS = `${KINDS_BEFORE}, 'review_reminder', 'review_overdue', 'proposal_waiting', 'consent_request_overdue',
  'report_due', 'report_overdue', 'revision_decided'`;
/** The entities the retired collector read: their entries not yet read are handed to the new queue. */
const NOTIFYING_ENTITIES = `'review', 'consent_record', 'contribution'`;

/**
 * Notifications follow each change as it commits rather than a collector reading the audit log
 * every minute: the queue of one job per change, sent in the change's transaction. The collector's
 * queue, schedule and cursor go; the entries it had not read yet (and the two minutes it read
 * again) become jobs of the new queue, so nothing committed before the upgrade is left untold (a
 * notification already made is not made twice: its key is unique). The kinds told of grow with
 * reminders, overdue reviews and reports, waiting proposals and consent requests, and decisions on
 * revisions.
 */
export class NotificationsAtCommit1763890000400 implements MigrationInterface {
  name = 'NotificationsAtCommit1763890000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SELECT ${JOBS_SCHEMA}.create_queue($1, $2)`, [
      QUEUES.change.name,
      JSON.stringify(queueOptions(QUEUES.change)),
    ]);
    await q.query(
      `INSERT INTO ${JOBS_SCHEMA}.job (name, data, retry_limit, retry_delay, retry_backoff, expire_in)
       SELECT $1, jsonb_build_object('entryId', a.id), $2, $3, true, make_interval(secs => $4)
       FROM audit_entries a
       WHERE a.entity IN (${NOTIFYING_ENTITIES})
         AND a.occurred_at > (SELECT read_until FROM notification_cursor WHERE id = 1) - interval '2 minutes'`,
      [QUEUES.change.name, QUEUES.change.retryLimit, QUEUES.change.retryDelay, QUEUES.change.expireInSeconds],
    );
    await q.query(`DELETE FROM ${JOBS_SCHEMA}.schedule WHERE name = $1`, [RETIRED_QUEUES.collect.name]);
    await q.query(`SELECT ${JOBS_SCHEMA}.delete_queue($1)`, [RETIRED_QUEUES.collect.name]);
    await q.query(`DROP TABLE notification_cursor`);

    for (const [table, constraint] of [
      ['notification_preferences', 'ck_notification_preferences_kind'],
      ['notifications', 'ck_notifications_kind'],
    ]) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${constraint}`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${constraint} CHECK (kind IN (${KINDS}))`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, constraint] of [
      ['notification_preferences', 'ck_notification_preferences_kind'],
      ['notifications', 'ck_notifications_kind'],
    ]) {
      await q.query(`DELETE FROM ${table} WHERE kind NOT IN (${KINDS_BEFORE})`);
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${constraint}`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${constraint} CHECK (kind IN (${KINDS_BEFORE}))`);
    }
    await q.query(`
      CREATE TABLE notification_cursor (
        id integer NOT NULL DEFAULT 1,
        read_until timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_notification_cursor PRIMARY KEY (id),
        CONSTRAINT ck_notification_cursor_one CHECK (id = 1)
      )`);
    await q.query(`INSERT INTO notification_cursor (id) VALUES (1)`);
    await q.query(`SELECT ${JOBS_SCHEMA}.create_queue($1, $2)`, [
      RETIRED_QUEUES.collect.name,
      JSON.stringify(queueOptions(RETIRED_QUEUES.collect)),
    ]);
    await q.query(`SELECT ${JOBS_SCHEMA}.delete_queue($1)`, [QUEUES.change.name]);
  }
}
