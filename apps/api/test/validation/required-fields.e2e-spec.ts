import { buildOpenApiDocument } from '../../src/app.setup';
import { asRole } from '../support/builders';
import { expectProblem } from '../support/problems';
import { count, createTestApp, TestApp } from '../support/test-app';

interface SchemaObject {
  required?: string[];
  properties?: Record<string, { maxLength?: number; minLength?: number; example?: unknown }>;
}

/** A request without its required fields is refused field by field, as the OpenAPI document says. */
describe('required fields', () => {
  let t: TestApp;
  let staff: { Authorization: string };
  let schemas: Record<string, SchemaObject>;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await asRole(t, 'staff')).auth;
    schemas = (buildOpenApiDocument(t.app).components?.schemas ?? {}) as Record<string, SchemaObject>;
  });
  afterAll(() => t.close());

  it('refuses an empty project with 400 naming the title and the window, writing nothing', async () => {
    const projects = await count(t.db, 'projects');
    const audit = await count(t.db, 'audit_entries');
    const problem = expectProblem(await t.http().post('/api/v1/projects').set(staff).send({}), 400);
    expect(problem.errors).toEqual([
      { field: 'title', message: 'must be shorter than or equal to 300 characters' },
      { field: 'title', message: 'must be at least 3 characters long' },
      { field: 'title', message: 'must be a string' },
      { field: 'window', message: 'must be I or II' },
    ]);
    await expect(count(t.db, 'projects')).resolves.toBe(projects);
    await expect(count(t.db, 'audit_entries')).resolves.toBe(audit);
  });

  it('refuses a blank project title once trimmed', async () => {
    const problem = expectProblem(
      await t.http().post('/api/v1/projects').set(staff).send({ title: '   ', window: 'I' }),
      400,
    );
    expect(problem.errors).toEqual([{ field: 'title', message: 'must be at least 3 characters long' }]);
  });

  it('marks the fields a create needs as required in the OpenAPI document, and only those', () => {
    expect(schemas.CreateProjectRequest?.required?.sort()).toEqual(['title', 'window']);
    expect(schemas.CreateOrganizationRequest?.required?.sort()).toEqual(['kind', 'name']);
    expect(schemas.CreateTransferRequest?.required?.sort()).toEqual([
      'amountUsd',
      'organizationId',
      'projectId',
      'transferredOn',
    ]);
    expect(schemas.UpdateProjectRequest?.required ?? []).toEqual([]);
  });

  it('describes a text field by its bounds and example', () => {
    expect(schemas.CreateOrganizationRequest?.properties?.name).toMatchObject({
      minLength: 2,
      maxLength: 300,
      example: 'United Nations Development Programme',
    });
    expect(schemas.CreateProjectRequest?.properties?.title).toMatchObject({ minLength: 3, maxLength: 300 });
  });
});
