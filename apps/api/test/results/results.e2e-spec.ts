import { asRole } from '../support/builders';
import { expectProblem } from '../support/problems';
import { anApprovedProject, Auth, reportsOf, reviewed, submitted } from '../support/report-builders';
import { count, createTestApp, TestApp } from '../support/test-app';

/** Outcomes, outputs and indicators of a project; the actuals its reports record; people reached. */
describe('results', () => {
  let t: TestApp;
  let staff: Auth;
  let colleague: Auth;
  let donor: Auth;

  beforeAll(async () => {
    t = await createTestApp();
    ({ auth: staff } = await asRole(t, 'staff'));
    ({ auth: colleague } = await asRole(t, 'staff'));
    ({ auth: donor } = await asRole(t, 'donor'));
  });
  afterAll(() => t.close());

  const audits = () => count(t.db, 'audit_entries');

  /** An outcome with an output, an indicator on each (the output's broken down by sex and age). */
  async function aFramework(project: { id: string }) {
    const outcome = await t
      .http()
      .post(`/api/v1/projects/${project.id}/outcomes`)
      .set(staff)
      .send({ title: 'Communities anticipate drought', principle: 'prevention_oriented' });
    expect(outcome.status).toBe(201);
    const output = await t
      .http()
      .post(`/api/v1/projects/${project.id}/outputs`)
      .set(staff)
      .send({ outcomeId: outcome.body.id, title: 'Early-warning committees trained' });
    expect(output.status).toBe(201);
    const households = await t.http().post(`/api/v1/projects/${project.id}/indicators`).set(staff).send({
      outcomeId: outcome.body.id,
      name: 'Households with an early-warning plan',
      unit: 'households',
      baseline: 100,
      target: 2000,
    });
    const trained = await t
      .http()
      .post(`/api/v1/projects/${project.id}/indicators`)
      .set(staff)
      .send({
        outputId: output.body.id,
        name: 'Committee members trained',
        unit: 'people',
        target: 400,
        breakdown: { bySex: true, ageGroups: ['18-35', '36+'] },
      });
    expect([households.status, trained.status]).toEqual([201, 201]);
    return {
      outcomeId: outcome.body.id as string,
      outputId: output.body.id as string,
      households: households.body.id as string,
      trained: trained.body.id as string,
    };
  }

  const record = (report: { id: string; version: number }, body: Record<string, unknown>) =>
    t
      .http()
      .patch(`/api/v1/reports/${report.id}/results`)
      .set(staff)
      .send({ version: report.version, beneficiaries: [], actuals: [], ...body });

  it('builds a framework with one audit entry per record, each carrying its project', async () => {
    const project = await anApprovedProject(t, staff);
    const before = await audits();
    const framework = await aFramework(project);
    await expect(audits()).resolves.toBe(before + 4);
    const { rows } = await t.db.query<{ entity: string; project: string }>(
      `SELECT entity, after->>'projectId' AS project FROM audit_entries ORDER BY occurred_at DESC, id LIMIT 4`,
    );
    expect(rows.map((r) => r.project)).toEqual([project.id, project.id, project.id, project.id]);
    expect(rows.map((r) => r.entity).sort()).toEqual(['indicator', 'indicator', 'outcome', 'output']);

    const results = await t.http().get(`/api/v1/projects/${project.id}/results`).set(donor);
    expect(results.status).toBe(200);
    expect(results.body.outcomes).toEqual([
      expect.objectContaining({
        id: framework.outcomeId,
        principle: 'prevention_oriented',
        indicators: [expect.objectContaining({ baseline: 100, target: 2000, actual: null })],
        outputs: [
          expect.objectContaining({
            indicators: [
              expect.objectContaining({
                target: 400,
                breakdown: { bySex: true, ageGroups: ['18-35', '36+'] },
              }),
            ],
          }),
        ],
      }),
    ]);
  });

  it('refuses an output under another project’s outcome and an indicator with two parents', async () => {
    const project = await anApprovedProject(t, staff);
    const other = await anApprovedProject(t, staff);
    const theirs = await aFramework(other);
    const before = { audit: await audits(), outputs: await count(t.db, 'outputs') };
    const output = await t
      .http()
      .post(`/api/v1/projects/${project.id}/outputs`)
      .set(staff)
      .send({ outcomeId: theirs.outcomeId, title: 'Borrowed' });
    expect(expectProblem(output, 400).errors).toEqual([expect.objectContaining({ field: 'outcomeId' })]);
    const both = await t.http().post(`/api/v1/projects/${other.id}/indicators`).set(staff).send({
      outcomeId: theirs.outcomeId,
      outputId: theirs.outputId,
      name: 'Both',
      unit: 'x',
      target: 1,
    });
    expectProblem(both, 400);
    await expect(audits()).resolves.toBe(before.audit);
    await expect(count(t.db, 'outputs')).resolves.toBe(before.outputs);
  });

  it('records the actuals of a report, shown against the targets once it is handed in', async () => {
    const project = await anApprovedProject(t, staff);
    const framework = await aFramework(project);
    const report = project.reports[0]!;
    const before = await audits();
    const recorded = await record(report, {
      peopleReached: 1500,
      beneficiaries: [
        { group: 'women_and_girls', reached: 800 },
        { group: 'youth', reached: 300 },
      ],
      actuals: [
        { indicatorId: framework.households, value: 650 },
        {
          indicatorId: framework.trained,
          value: 180,
          breakdown: [
            { sex: 'female', ageGroup: '18-35', value: 70 },
            { sex: 'male', ageGroup: '36+', value: 40 },
          ],
        },
      ],
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({
      projectId: project.id,
      peopleReached: 1500,
      version: report.version + 1,
    });
    await expect(audits()).resolves.toBe(before + 1);
    const [entry] = (
      await t.db.query(`SELECT entity, after FROM audit_entries ORDER BY occurred_at DESC, id LIMIT 1`)
    ).rows;
    expect(entry).toMatchObject({
      entity: 'report_results',
      after: { projectId: project.id, reportId: report.id },
    });

    // Due, the report is not yet evidence: no actual is shown.
    const draft = await t.http().get(`/api/v1/projects/${project.id}/results`).set(staff);
    expect(draft.body.outcomes[0].indicators[0].actual).toBeNull();

    await submitted(t, staff, { id: report.id, version: recorded.body.version });
    const results = await t.http().get(`/api/v1/projects/${project.id}/results`).set(staff);
    expect(results.body).toMatchObject({
      targetBeneficiaries: 12000,
      peopleReached: 1500,
      groups: [
        { group: 'women_and_girls', targeted: true, reached: 800 },
        { group: 'youth', targeted: true, reached: 300 },
      ],
    });
    expect(results.body.outcomes[0].indicators[0]).toMatchObject({
      target: 2000,
      actual: { reportId: report.id, reportStatus: 'submitted', value: 650 },
    });
    expect(results.body.outcomes[0].outputs[0].indicators[0].actual.breakdown).toHaveLength(2);

    // Handed in, what it records no longer changes.
    const [current] = await reportsOf(t, staff, project.id);
    const late = await record(current!, { actuals: [{ indicatorId: framework.households, value: 1 }] });
    expect(expectProblem(late, 422)).toMatchObject({ code: 'report_not_open' });
  });

  it('refuses actuals for an indicator of another project, writing nothing', async () => {
    const project = await anApprovedProject(t, staff);
    const mine = await aFramework(project);
    const other = await anApprovedProject(t, staff);
    const theirs = await aFramework(other);
    const report = project.reports[0]!;
    const before = { audit: await audits(), actuals: await count(t.db, 'indicator_actuals') };
    const response = await record(report, {
      actuals: [
        { indicatorId: mine.households, value: 10 },
        { indicatorId: theirs.households, value: 10 },
      ],
    });
    expect(expectProblem(response, 400).errors).toEqual([
      { field: 'actuals[1].indicatorId', message: "is not an indicator of the report's project" },
    ]);
    await expect(audits()).resolves.toBe(before.audit);
    await expect(count(t.db, 'indicator_actuals')).resolves.toBe(before.actuals);
    const [row] = (await t.db.query(`SELECT version FROM reports WHERE id = $1`, [report.id])).rows;
    expect(row.version).toBe(report.version);
  });

  it('refuses a breakdown that does not fit the indicator, a group above the people reached, and a stale version', async () => {
    const project = await anApprovedProject(t, staff);
    const framework = await aFramework(project);
    const report = project.reports[0]!;
    const before = await audits();
    const misfit = await record(report, {
      actuals: [{ indicatorId: framework.trained, value: 5, breakdown: [{ ageGroup: '60+', value: 5 }] }],
    });
    expect(expectProblem(misfit, 400).errors!.map((e) => e.field)).toEqual([
      'actuals[0].breakdown[0]',
      'actuals[0].breakdown[0]',
    ]);
    const above = await record(report, {
      peopleReached: 10,
      beneficiaries: [{ group: 'refugees', reached: 11 }],
    });
    expect(expectProblem(above, 400).errors).toEqual([
      expect.objectContaining({ field: 'beneficiaries[0].reached' }),
    ]);
    const financial = project.reports.find((r) => r.kind === 'final_financial')!;
    expectProblem(await record(financial, { peopleReached: 1 }), 422);
    expectProblem(await record({ ...report, version: report.version + 1 }, { peopleReached: 1 }), 409);
    await expect(audits()).resolves.toBe(before);
    await expect(count(t.db, 'report_reach', 'report_id = $1', [report.id])).resolves.toBe(0);
  });

  it('aggregates people reached in accepted reports by dimension, principle, country and year', async () => {
    type Overview = Record<
      'byDimension' | 'byPrinciple' | 'byCountry' | 'byYear',
      { key: string; people: number }[]
    > & {
      peopleReached: number;
    };
    const overview = async () => (await t.http().get('/api/v1/results/overview').set(donor)).body as Overview;
    const before = await overview();
    const project = await anApprovedProject(t, staff, { countries: ['KEN', 'UGA'] });
    await aFramework(project);
    const report = project.reports[0]!;
    const recorded = await record(report, { peopleReached: 700 });
    const handedIn = await submitted(t, staff, { id: report.id, version: recorded.body.version });
    // Submitted only: not yet counted.
    expect((await overview()).peopleReached).toBe(before.peopleReached);
    await reviewed(t, colleague, handedIn);
    const after = await overview();
    const figure = (list: { key: string; people: number }[], key: string) =>
      list.find((f) => f.key === key)?.people ?? 0;
    expect(after.peopleReached).toBe(before.peopleReached + 700);
    for (const dimension of ['food', 'economic']) {
      expect(figure(after.byDimension, dimension)).toBe(figure(before.byDimension, dimension) + 700);
    }
    expect(figure(after.byPrinciple, 'prevention_oriented')).toBe(
      figure(before.byPrinciple, 'prevention_oriented') + 700,
    );
    expect(figure(after.byPrinciple, 'people_centred')).toBe(figure(before.byPrinciple, 'people_centred'));
    for (const country of ['KEN', 'UGA']) {
      expect(figure(after.byCountry, country)).toBe(figure(before.byCountry, country) + 700);
    }
    expect(figure(after.byYear, '2026')).toBe(figure(before.byYear, '2026') + 700);
  });

  const remove = (path: string, version: number, auth: Auth = staff) =>
    t.http().delete(`/api/v1/${path}`).set(auth).set('If-Match', `"${version}"`);

  it('deletes an indicator with the actuals of a report not yet accepted, one audit entry carrying its project', async () => {
    const project = await anApprovedProject(t, staff);
    const framework = await aFramework(project);
    const report = project.reports[0]!;
    await record(report, { actuals: [{ indicatorId: framework.households, value: 650 }] });
    expectProblem(await remove(`indicators/${framework.households}`, 2), 409);
    expectProblem(await remove(`indicators/${framework.households}`, 1, donor), 403);
    const before = await audits();
    const response = await remove(`indicators/${framework.households}`, 1);
    expect(response.status).toBe(204);
    await expect(audits()).resolves.toBe(before + 1);
    const [entry] = (
      await t.db.query(
        `SELECT entity, action, before->>'projectId' AS project FROM audit_entries ORDER BY occurred_at DESC, id LIMIT 1`,
      )
    ).rows;
    expect(entry).toEqual({ entity: 'indicator', action: 'delete', project: project.id });
    const actuals = await t.db.query(`SELECT 1 FROM indicator_actuals WHERE indicator_id = $1`, [
      framework.households,
    ]);
    expect(actuals.rowCount).toBe(0);
    expectProblem(await remove(`indicators/${framework.households}`, 1), 404);
  });

  it('refuses in words to delete an indicator an accepted report records, writing nothing', async () => {
    const project = await anApprovedProject(t, staff);
    const framework = await aFramework(project);
    const report = project.reports[0]!;
    const recorded = await record(report, { actuals: [{ indicatorId: framework.households, value: 650 }] });
    const handedIn = await submitted(t, staff, { id: report.id, version: recorded.body.version });
    await reviewed(t, colleague, handedIn);
    const before = await audits();
    const refused = await remove(`indicators/${framework.households}`, 1);
    expect(expectProblem(refused, 422)).toMatchObject({
      code: 'indicator_reported',
      detail: 'The indicator cannot be deleted: an accepted report records its actual value.',
    });
    await expect(audits()).resolves.toBe(before);
    const kept = await t.db.query(`SELECT 1 FROM indicators WHERE id = $1`, [framework.households]);
    expect(kept.rowCount).toBe(1);
  });

  it('deletes an outcome or an output only once it holds nothing', async () => {
    const project = await anApprovedProject(t, staff);
    const framework = await aFramework(project);
    const before = await audits();
    expect(expectProblem(await remove(`outputs/${framework.outputId}`, 1), 422)).toMatchObject({
      code: 'output_not_empty',
    });
    expect(expectProblem(await remove(`outcomes/${framework.outcomeId}`, 1), 422)).toMatchObject({
      code: 'outcome_not_empty',
      facts: { outputs: 1, indicators: 2 },
    });
    await expect(audits()).resolves.toBe(before);
    expect((await remove(`indicators/${framework.trained}`, 1)).status).toBe(204);
    expect((await remove(`outputs/${framework.outputId}`, 1)).status).toBe(204);
    expect((await remove(`indicators/${framework.households}`, 1)).status).toBe(204);
    expect((await remove(`outcomes/${framework.outcomeId}`, 1)).status).toBe(204);
    await expect(audits()).resolves.toBe(before + 4);
    const results = await t.http().get(`/api/v1/projects/${project.id}/results`).set(staff);
    expect(results.body.outcomes).toEqual([]);
  });
});
