import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { MIGRATIONS } from '../../src/database/migrations';
import { ReviewRounds1763880000300 } from '../../src/database/migrations/1763880000300-review-rounds';
import { typeormOptions } from '../../src/database/typeorm-options';
import { databaseUrl, serverUrl, withAdminClient } from '../support/test-database';

/**
 * The review-rounds migration places the reviews and moderation notes written before rounds existed:
 * from the project's history where it shows the moves in and out of review, round 1 otherwise.
 */
describe('the review rounds migration', () => {
  const name = `hstf_test_rounds_${randomBytes(6).toString('hex')}`;
  let db: DataSource;
  const stamp = (m: { name: string }) => Number(/(\d{13})$/.exec(m.name)?.[1]);
  const mine = stamp(new ReviewRounds1763880000300());

  beforeAll(async () => {
    await withAdminClient(serverUrl(), (client) => client.query(`CREATE DATABASE ${name}`));
    const options = typeormOptions(loadConfig({ NODE_ENV: 'test' }), databaseUrl(serverUrl(), name));
    const before = new DataSource({
      ...options,
      migrations: MIGRATIONS.filter((m) => stamp(new m()) < mine),
    });
    await before.initialize();
    await before.runMigrations({ transaction: 'each' });
    await before.destroy();
    db = new DataSource(options);
    await db.initialize();
  });

  afterAll(async () => {
    await db?.destroy();
    await withAdminClient(serverUrl(), (client) =>
      client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    );
  });

  let projects = 0;
  async function aProject(stage: string): Promise<string> {
    const [row] = await db.query<{ id: string }[]>(
      `INSERT INTO projects (code, title, summary, "window", stage) VALUES ($1, 'P', 'S', 'I', $2) RETURNING id`,
      [`HS-2024-${String((projects += 1)).padStart(4, '0')}`, stage],
    );
    return row!.id;
  }
  async function aReviewer(): Promise<string> {
    const [row] = await db.query<{ id: string }[]>(
      `INSERT INTO users (email, name, role, password_hash) VALUES ($1, 'R', 'reviewer', 'x') RETURNING id`,
      [`r-${randomBytes(4).toString('hex')}@example.org`],
    );
    return row!.id;
  }
  const move = (projectId: string, from: string, to: string, at: string) =>
    db.query(
      `INSERT INTO project_transitions (project_id, from_stage, to_stage, note, decided_on, occurred_at)
       VALUES ($1, $2, $3, 'Decided', $4::date, $4::timestamptz)`,
      [projectId, from, to, at],
    );
  const aReview = async (projectId: string, reviewerId: string, at: string) => {
    const [row] = await db.query<{ id: string }[]>(
      `INSERT INTO reviews (project_id, reviewer_id, created_at) VALUES ($1, $2, $3) RETURNING id`,
      [projectId, reviewerId, at],
    );
    return row!.id;
  };

  it('places each review in the round its history shows, round 1 without history, with a due date', async () => {
    const resubmitted = await aProject('under_review');
    await move(resubmitted, 'full_proposal', 'under_review', '2025-01-10T09:00:00Z');
    await move(resubmitted, 'under_review', 'revision_requested', '2025-03-01T09:00:00Z');
    await move(resubmitted, 'revision_requested', 'full_proposal', '2025-03-20T09:00:00Z');
    await move(resubmitted, 'full_proposal', 'under_review', '2025-04-01T09:00:00Z');
    const reviewer = await aReviewer();
    const first = await aReview(resubmitted, reviewer, '2025-01-15T09:00:00Z');
    const other = await aReviewer();
    const second = await aReview(resubmitted, other, '2025-04-02T09:00:00Z');
    await db.query(
      `INSERT INTO moderation_notes (project_id, principle, note, created_at)
       VALUES ($1, 'comprehensive', 'Moderated in the first round', '2025-02-01T09:00:00Z')`,
      [resubmitted],
    );
    const approved = await aProject('approved');
    const old = await aReview(approved, reviewer, '2024-06-01T09:00:00Z');

    await db.runMigrations({ transaction: 'each' });

    const rounds = await db.query<
      { project_id: string; number: number; opened: string; closed: string | null }[]
    >(
      `SELECT project_id, number, to_char(opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS opened,
              to_char(closed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS closed
       FROM review_rounds WHERE project_id = ANY($1) ORDER BY project_id = $2 DESC, number`,
      [[resubmitted, approved], resubmitted],
    );
    expect(rounds.map(({ project_id: _p, ...round }) => round)).toEqual([
      { number: 1, opened: '2025-01-10', closed: '2025-03-01' },
      { number: 2, opened: '2025-04-01', closed: null },
      { number: 1, opened: '2024-06-01', closed: expect.any(String) },
    ]);
    const reviews = await db.query<{ id: string; round: number; due_on: string }[]>(
      `SELECT id, round, due_on::text FROM reviews WHERE id = ANY($1)`,
      [[first, second, old]],
    );
    const byId = Object.fromEntries(reviews.map((r) => [r.id, r]));
    expect(byId[first]).toMatchObject({ round: 1, due_on: '2025-02-05' });
    expect(byId[second]).toMatchObject({ round: 2, due_on: '2025-04-23' });
    expect(byId[old]).toMatchObject({ round: 1, due_on: '2024-06-22' });
    await expect(
      db.query(`SELECT round FROM moderation_notes WHERE project_id = $1`, [resubmitted]),
    ).resolves.toEqual([{ round: 1 }]);

    // The first reviewer may now be assigned again in round 2; twice in one round stays refused.
    await db.query(`INSERT INTO reviews (project_id, round, reviewer_id) VALUES ($1, 2, $2)`, [
      resubmitted,
      reviewer,
    ]);
    await expect(
      db.query(`INSERT INTO reviews (project_id, round, reviewer_id) VALUES ($1, 2, $2)`, [
        resubmitted,
        reviewer,
      ]),
    ).rejects.toThrow(/uq_reviews_round_reviewer/);
  });
});
