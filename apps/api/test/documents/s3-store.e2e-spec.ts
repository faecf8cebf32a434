import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { S3DocumentStore } from '../../src/documents/document-store';
import { asRole } from '../support/builders';
import { aPdf, anAttachedDocument, binary } from '../support/document-builders';
import { aConsent } from '../support/lifecycle-builders';
import { aProject } from '../support/portfolio-builders';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

// s3rver ships no types: what these tests use of it.
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => S3rverInstance;

const BUCKET = 'hstf-documents';
/** The key pair s3rver checks request signatures against. */
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * The S3 store against a real S3-compatible server (s3rver, on loopback, checking signatures),
 * through the API: the same upload, dedup and download rules as on disk.
 */
describe('documents in S3-compatible storage', () => {
  let server: S3rverInstance;
  let directory: string;
  let endpoint: string;
  let t: TestApp;
  let s3: S3Client;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'hstf-s3rver-'));
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory,
      configureBuckets: [{ name: BUCKET }],
    });
    const address = await server.run();
    endpoint = `http://127.0.0.1:${address.port}`;
    t = await createTestApp({
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    });
    s3 = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: CREDENTIALS });
  });
  afterAll(async () => {
    s3?.destroy();
    await t?.close();
    await server?.close();
    await rm(directory, { recursive: true, force: true });
  });

  const objectKeys = async () =>
    ((await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map(
      (object) => object.Key,
    );

  it('keeps an attached letter in the bucket under its hash, once for the same content, and serves it back', async () => {
    expect(t.config.documents.store.kind).toBe('s3');
    const staff = (await asRole(t, 'staff')).auth;
    const donor = (await asRole(t, 'donor')).auth;
    const project = await aProject(t, { countries: ['KEN'] });
    const consentId = await aConsent(t, project.id, 'KEN', 'granted');
    const content = aPdf();
    const sha256 = createHash('sha256').update(content).digest('hex');
    const before = await objectKeys();

    const letter = await anAttachedDocument(
      t,
      staff,
      { recordKind: 'consent', recordId: consentId, documentKind: 'consent_letter' },
      content,
    );
    await anAttachedDocument(
      t,
      staff,
      { recordKind: 'project', recordId: project.id, documentKind: 'proposal' },
      content,
    );
    expect(letter.sha256).toBe(sha256);
    const after = await objectKeys();
    expect(after).toHaveLength(before.length + 1);
    expect(after).toContain(`${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`);

    const download = await t
      .http()
      .get(`/api/v1/documents/${letter.id}/content`)
      .set(staff)
      .buffer(true)
      .parse(binary);
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body as Buffer, content)).toBe(0);
    expectProblem(await t.http().get(`/api/v1/documents/${letter.id}/content`).set(donor), 404);
  });

  it('answers null for content the bucket does not hold', async () => {
    const store = new S3DocumentStore({
      kind: 's3',
      bucket: BUCKET,
      region: 'us-east-1',
      endpoint,
      forcePathStyle: true,
      ...CREDENTIALS,
    });
    try {
      expect(await store.get('0'.repeat(64))).toBeNull();
    } finally {
      store.destroy();
    }
  });
});
