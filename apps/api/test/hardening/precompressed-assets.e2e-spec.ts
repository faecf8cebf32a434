import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Response } from 'supertest';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The dashboard's assets leave as the build compressed them. Each form holds a different script, so
 * the answer shows which file was sent, not only that something was compressed on the way.
 */
describe("the dashboard's assets", () => {
  let t: TestApp;
  let webDist: string;
  const compressed = { br: brotliCompressSync('console.log("br");'), gzip: gzipSync('console.log("gzip");') };

  beforeAll(async () => {
    webDist = mkdtempSync(path.join(os.tmpdir(), 'hstf-web-'));
    mkdirSync(path.join(webDist, 'assets'));
    writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>HSTF</title>');
    writeFileSync(path.join(webDist, 'assets', 'app-1234.js'), 'console.log("plain");');
    writeFileSync(path.join(webDist, 'assets', 'app-1234.js.br'), compressed.br);
    writeFileSync(path.join(webDist, 'assets', 'app-1234.js.gz'), compressed.gzip);
    writeFileSync(path.join(webDist, 'assets', 'only-plain-5678.js'), 'console.log("only plain");');
    t = await createTestApp({ WEB_DIST_DIR: webDist });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  const asset = (file: string, acceptEncoding: string) =>
    t.http().get(`/assets/${file}`).set('Accept-Encoding', acceptEncoding).buffer(true);

  function expectCachedScript(response: Response) {
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['vary']).toMatch(/Accept-Encoding/i);
  }

  it('sends the brotli file to a browser that accepts brotli, before gzip', async () => {
    const response = await asset('app-1234.js', 'gzip, deflate, br');
    expectCachedScript(response);
    expect(response.headers['content-encoding']).toBe('br');
    expect(Number(response.headers['content-length'])).toBe(compressed.br.length);
  });

  it('sends the gzip file to a browser that accepts only gzip', async () => {
    const response = await asset('app-1234.js', 'gzip');
    expectCachedScript(response);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(Number(response.headers['content-length'])).toBe(compressed.gzip.length);
    expect(response.text).toBe('console.log("gzip");');
  });

  it('sends the file itself to a client that accepts no compression', async () => {
    const response = await asset('app-1234.js', 'identity');
    expectCachedScript(response);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.text).toBe('console.log("plain");');
  });

  it('still answers for an asset built without compressed forms', async () => {
    const response = await asset('only-plain-5678.js', 'br');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers 404 for an asset that does not exist, without serving the dashboard page', async () => {
    const response = await asset('missing-0000.js', 'br, gzip');
    expect(response.status).toBe(404);
  });
});
