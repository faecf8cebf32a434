import { createTestApp, TestApp } from '../support/test-app';

describe('health', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers 200 with status ok and the database up, without a session', async () => {
    const response = await t.http().get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('is never cached', async () => {
    const response = await t.http().get('/api/health');
    expect(response.headers['cache-control']).toBe('no-store');
  });
});
