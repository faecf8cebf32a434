import { randomBytes, randomUUID } from 'node:crypto';
import { asRole } from '../support/builders';
import { aProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

interface Seeded {
  id: string;
  occurredAt: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
}

/** The audit log is append-only in the database and readable, filtered and paged, by admin and staff. */
describe('audit log', () => {
  let t: TestApp;
  let admin: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await asRole(t, 'admin')).auth;
  });
  afterAll(() => t.close());

  /** Entries inserted directly, so each test controls exactly what exists. */
  async function seed(
    entries: {
      occurredAt: string;
      actorId?: string | null;
      action?: string;
      entity: string;
      entityId?: string;
    }[],
  ): Promise<Seeded[]> {
    const seeded: Seeded[] = [];
    for (const entry of entries) {
      const { rows } = await t.db.query<{ id: string }>(
        `INSERT INTO audit_entries (occurred_at, actor_id, actor_email, action, entity, entity_id, after, request_id)
         VALUES ($1, $2, 'seed@example.org', $3, $4, $5, '{"seeded": true}', 'seed') RETURNING id`,
        [
          entry.occurredAt,
          entry.actorId ?? null,
          entry.action ?? 'update',
          entry.entity,
          entry.entityId ?? randomUUID(),
        ],
      );
      seeded.push({
        id: rows[0]!.id,
        occurredAt: entry.occurredAt,
        actorId: entry.actorId ?? null,
        action: entry.action ?? 'update',
        entity: entry.entity,
        entityId: entry.entityId ?? '',
      });
    }
    return seeded;
  }
  const anEntity = () => `test_entity_${randomBytes(4).toString('hex')}`;

  async function list(query: Record<string, string | number>) {
    const response = await t.http().get('/api/v1/audit').query(query).set(admin);
    expect(response.status).toBe(200);
    return response.body as { items: { id: string }[]; nextCursor: string | null };
  }
  async function listAll(query: Record<string, string | number>, limit: number): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const body = await list({ ...query, limit, ...(cursor ? { cursor } : {}) });
      expect(body.items.length).toBeLessThanOrEqual(limit);
      ids.push(...body.items.map((item) => item.id));
      cursor = body.nextCursor;
      if (!cursor) return ids;
    }
    throw new Error('the cursor never ended');
  }
  const idsOf = (entries: Seeded[]) => entries.map((e) => e.id).sort();

  describe('is append-only in SQL', () => {
    let entryId: string;
    beforeAll(async () => {
      [{ id: entryId }] = (await seed([{ occurredAt: '2020-01-01T00:00:00Z', entity: anEntity() }])) as [
        Seeded,
      ];
    });

    it.each([
      ['UPDATE', `UPDATE audit_entries SET action = 'tampered'`],
      ['DELETE', `DELETE FROM audit_entries`],
      ['TRUNCATE', `TRUNCATE audit_entries`],
    ])('refuses %s', async (_, sql) => {
      const before = await count(t.db, 'audit_entries');
      await expect(t.db.query(sql)).rejects.toThrow(/append-only/);
      await expect(count(t.db, 'audit_entries')).resolves.toBe(before);
      await expect(count(t.db, 'audit_entries', `id = $1 AND action = 'update'`, [entryId])).resolves.toBe(1);
    });
  });

  describe('GET /api/v1/audit filters', () => {
    const actorA = randomUUID();
    const actorB = randomUUID();
    const entity = anEntity();
    const otherEntity = anEntity();
    const recordId = randomUUID();
    let entries: Seeded[];

    beforeAll(async () => {
      entries = await seed([
        { occurredAt: '2001-01-01T10:00:00Z', actorId: actorA, action: 'create', entity, entityId: recordId },
        { occurredAt: '2001-01-02T10:00:00Z', actorId: actorA, action: 'update', entity, entityId: recordId },
        { occurredAt: '2001-01-03T10:00:00Z', actorId: actorB, action: 'update', entity },
        {
          occurredAt: '2001-01-04T10:00:00Z',
          actorId: actorB,
          action: 'delete',
          entity: otherEntity,
          entityId: recordId,
        },
        { occurredAt: '2001-01-05T10:00:00Z', actorId: null, action: 'approve', entity: otherEntity },
      ]);
    });
    const pick = (...indexes: number[]) => idsOf(indexes.map((i) => entries[i]!));

    it('by entity', async () => {
      await expect(listAll({ entity }, 50).then((ids) => ids.sort())).resolves.toEqual(pick(0, 1, 2));
    });

    it('by entity and entity id', async () => {
      await expect(listAll({ entity, entityId: recordId }, 50).then((ids) => ids.sort())).resolves.toEqual(
        pick(0, 1),
      );
    });

    it('by entity id alone, across entities', async () => {
      await expect(listAll({ entityId: recordId }, 50).then((ids) => ids.sort())).resolves.toEqual(
        pick(0, 1, 3),
      );
    });

    it('by actor', async () => {
      await expect(listAll({ actorId: actorB }, 50).then((ids) => ids.sort())).resolves.toEqual(pick(2, 3));
    });

    it('by action', async () => {
      await expect(listAll({ action: 'approve' }, 50).then((ids) => ids.sort())).resolves.toEqual(pick(4));
      await expect(listAll({ action: 'update', actorId: actorA }, 50)).resolves.toEqual(pick(1));
    });

    it('by time: from is inclusive, to is exclusive', async () => {
      await expect(
        listAll({ from: '2001-01-02T10:00:00Z', to: '2001-01-04T10:00:00Z' }, 50).then((ids) => ids.sort()),
      ).resolves.toEqual(pick(1, 2));
    });

    it('newest first', async () => {
      await expect(list({ entity })).resolves.toMatchObject({
        items: [{ id: entries[2]!.id }, { id: entries[1]!.id }, { id: entries[0]!.id }],
        nextCursor: null,
      });
    });

    it('answers each entry with its recorded fields', async () => {
      const body = await list({ entity: otherEntity, action: 'delete' });
      expect(body.items).toEqual([
        {
          id: entries[3]!.id,
          occurredAt: '2001-01-04T10:00:00.000Z',
          actorId: actorB,
          actorEmail: 'seed@example.org',
          actorName: null,
          action: 'delete',
          entity: otherEntity,
          entityId: recordId,
          projectId: null,
          projectCode: null,
          projectTitle: null,
          before: null,
          after: { seeded: true },
          requestId: 'seed',
        },
      ]);
    });

    it('names who made a change and the project its record belongs to, for a reader', async () => {
      const { user, auth } = await asRole(t, 'staff');
      const project = await aProject(t, { title: 'Safe water for Turkana' });
      await t
        .http()
        .patch(`/api/v1/projects/${project.id}`)
        .set(auth)
        .send({ version: 1, summary: 'A new summary' })
        .expect(200);
      const body = await list({ entity: 'project', entityId: project.id });
      const { rows } = await t.db.query<{ name: string }>(`SELECT name FROM users WHERE id = $1`, [user.id]);
      expect(body.items).toEqual([
        expect.objectContaining({
          actorId: user.id,
          actorName: rows[0]!.name,
          projectId: project.id,
          projectCode: project.code,
          projectTitle: 'Safe water for Turkana',
        }),
      ]);
    });

    it('refuses a malformed actor id or date with 400', async () => {
      expectProblem(await t.http().get('/api/v1/audit').query({ actorId: 'someone' }).set(admin), 400);
      expectProblem(await t.http().get('/api/v1/audit').query({ from: 'yesterday' }).set(admin), 400);
    });

    it('refuses an expanded-year date that PostgreSQL would read as a time zone with 400, not 500', async () => {
      expectProblem(await t.http().get('/api/v1/audit').query({ to: '-73231119' }).set(admin), 400);
      expectProblem(await t.http().get('/api/v1/audit').query({ from: '+002001-01-01' }).set(admin), 400);
    });

    it('takes a date with an offset written without a colon', async () => {
      const response = await t
        .http()
        .get('/api/v1/audit')
        .query({ entity, from: '2001-01-03T10:00:00+0000' })
        .set(admin);
      expect(response.status).toBe(200);
    });
  });

  describe('cursor paging returns each entry exactly once', () => {
    it('across distinct instants', async () => {
      const entity = anEntity();
      const entries = await seed(
        Array.from({ length: 7 }, (_, i) => ({ occurredAt: `2002-03-0${i + 1}T00:00:00Z`, entity })),
      );
      const ids = await listAll({ entity }, 2);
      expect(ids).toHaveLength(7);
      expect([...ids].sort()).toEqual(idsOf(entries));
    });

    it('when entries share the same instant', async () => {
      const entity = anEntity();
      const entries = await seed(
        Array.from({ length: 7 }, () => ({ occurredAt: '2003-01-01T00:00:00Z', entity })),
      );
      const ids = await listAll({ entity }, 3);
      expect(ids).toHaveLength(7);
      expect([...ids].sort()).toEqual(idsOf(entries));
    });

    it('when entries fall within the same millisecond', async () => {
      const entity = anEntity();
      const entries = await seed(
        Array.from({ length: 6 }, (_, i) => ({ occurredAt: `2004-01-01T00:00:00.123${i}00Z`, entity })),
      );
      const ids = await listAll({ entity }, 2);
      expect(ids).toHaveLength(6);
      expect([...ids].sort()).toEqual(idsOf(entries));
    });

    it('for the entries the API itself wrote in quick succession', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await t
          .http()
          .post('/api/v1/organizations')
          .set(admin)
          .send({ name: `Paged organization ${i} ${anEntity()}`, kind: 'other' });
        ids.push(response.body.id);
      }
      const listed = await listAll({ entity: 'organization', action: 'create' }, 2);
      const audited = await t.db.query<{ id: string }>(
        `SELECT id FROM audit_entries WHERE entity = 'organization' AND action = 'create'`,
      );
      expect(listed).toHaveLength(audited.rows.length);
      expect([...listed].sort()).toEqual(audited.rows.map((r) => r.id).sort());
    });
  });

  describe('access', () => {
    it.each(['admin', 'staff'] as const)('lets %s read it', async (role) => {
      const { auth } = await asRole(t, role);
      await expect(t.http().get('/api/v1/audit').set(auth)).resolves.toMatchObject({ status: 200 });
    });

    it.each(['reviewer', 'donor'] as const)('refuses %s with 403', async (role) => {
      const { auth } = await asRole(t, role);
      expectProblem(await t.http().get('/api/v1/audit').set(auth), 403);
    });

    it('refuses a caller without a session with 401', async () => {
      expectProblem(await t.http().get('/api/v1/audit'), 401);
    });
  });
});
