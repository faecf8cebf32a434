import path from 'node:path';
import { ConfigError, loadConfig } from './app-config';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted the configuration');
}

describe('loadConfig', () => {
  it('names every wrong variable in one ConfigError', () => {
    const error = configError({ PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(error.problems).toHaveLength(2);
    expect(error.message).toMatch(/PORT must be an integer from 0 to 65535 \(got "eighty"\)/);
    expect(error.message).toMatch(
      /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent \(got "loud"\)/,
    );
  });

  it.each(['-1', '65536', '3000.5'])('refuses PORT=%s', (port) => {
    expect(configError({ PORT: port }).problems).toEqual([expect.stringMatching(/^PORT /)]);
  });

  it("publishes IATI files under the Fund's organisation identifier, a placeholder unless one is given", () => {
    expect(loadConfig({}).iatiOrganisationId).toBe('XI-IATI-UNTFHS');
    expect(loadConfig({ IATI_ORGANISATION_ID: ' XM-DAC-41127 ' }).iatiOrganisationId).toBe('XM-DAC-41127');
    for (const bad of ['UNTFHS', 'XM DAC 41127', 'XM-DAC/41127', '-XM']) {
      expect(configError({ IATI_ORGANISATION_ID: bad }).problems).toEqual([
        expect.stringMatching(/^IATI_ORGANISATION_ID must be an IATI organisation identifier/),
      ]);
    }
  });

  it('requires DATABASE_URL in production', () => {
    expect(configError({ NODE_ENV: 'production' }).problems).toEqual([
      expect.stringMatching(/^DATABASE_URL is required when NODE_ENV=production/),
    ]);
  });

  it('accepts production with a DATABASE_URL, or with the embedded database explicitly allowed', () => {
    expect(
      loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db:5432/hstf' }).databaseUrl,
    ).toBe('postgres://u:p@db:5432/hstf');
    expect(loadConfig({ NODE_ENV: 'production', ALLOW_EMBEDDED_DB: '1' }).databaseUrl).toBeNull();
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL', () => {
    expect(configError({ DATABASE_URL: 'mysql://db/hstf' }).problems).toEqual([
      expect.stringMatching(/^DATABASE_URL must be a postgres/),
    ]);
  });

  it('refuses a boolean that is not one', () => {
    expect(configError({ COOKIE_SECURE: 'sometimes' }).problems).toEqual([
      expect.stringMatching(/^COOKIE_SECURE /),
    ]);
  });

  it('has working defaults for development', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      databaseUrl: null,
      seedDemo: true,
      sessionTtlHours: 12,
      sessionIdleMinutes: 60,
      cookieSecure: false,
      logLevel: 'warn',
      logFormat: 'pretty',
      db: { poolMax: 10, connectTimeoutMs: 5000, statementTimeoutMs: 15000 },
      login: { maxFailures: 5, windowMinutes: 15 },
    });
    expect(path.isAbsolute(config.dataDir)).toBe(true);
    expect(config.webDistDir).toMatch(/apps[/\\]web[/\\]dist$/);
  });

  it('secures cookies in production and keeps tests silent by default', () => {
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/hstf' })).toMatchObject({
      cookieSecure: true,
      seedDemo: false,
    });
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('silent');
  });

  it('logs readable warnings on the embedded default, and JSON from info up in production or on a given database', () => {
    expect(loadConfig({})).toMatchObject({ logFormat: 'pretty', logLevel: 'warn' });
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/hstf' })).toMatchObject({
      logFormat: 'json',
      logLevel: 'info',
    });
    expect(loadConfig({ NODE_ENV: 'production', ALLOW_EMBEDDED_DB: '1' })).toMatchObject({
      logFormat: 'json',
      logLevel: 'info',
    });
    expect(loadConfig({ DATABASE_URL: 'postgres://db/hstf' })).toMatchObject({
      logFormat: 'json',
      logLevel: 'info',
    });
    expect(loadConfig({ LOG_FORMAT: 'json' })).toMatchObject({ logFormat: 'json', logLevel: 'info' });
    expect(loadConfig({ LOG_LEVEL: 'info' })).toMatchObject({ logFormat: 'pretty', logLevel: 'info' });
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT must be one of json, pretty/);
  });

  it('reads the values it is given', () => {
    expect(
      loadConfig({
        PORT: '8080',
        LOG_LEVEL: 'debug',
        SESSION_IDLE_MINUTES: '5',
        LOGIN_MAX_FAILURES: '3',
        SEED_DEMO: 'no',
        WEB_DIST_DIR: '',
      }),
    ).toMatchObject({
      port: 8080,
      logLevel: 'debug',
      sessionIdleMinutes: 5,
      login: { maxFailures: 3 },
      seedDemo: false,
      webDistDir: null,
    });
  });

  it('bounds every query on the client just above the server-side statement timeout, unless told', () => {
    expect(loadConfig({}).db).toMatchObject({ statementTimeoutMs: 15000, queryTimeoutMs: 16000 });
    expect(loadConfig({ DB_STATEMENT_TIMEOUT_MS: '2000' }).db.queryTimeoutMs).toBe(3000);
    expect(loadConfig({ DB_QUERY_TIMEOUT_MS: '20000' }).db.queryTimeoutMs).toBe(20000);
    expect(configError({ DB_STATEMENT_TIMEOUT_MS: '5000', DB_QUERY_TIMEOUT_MS: '5000' }).problems).toEqual([
      expect.stringMatching(/^DB_QUERY_TIMEOUT_MS must be greater than DB_STATEMENT_TIMEOUT_MS/),
    ]);
  });

  it('gives in-flight requests 10 s to finish on shutdown by default', () => {
    expect(loadConfig({}).shutdownGraceSeconds).toBe(10);
    expect(loadConfig({ SHUTDOWN_GRACE_SECONDS: '30' }).shutdownGraceSeconds).toBe(30);
  });

  it('runs migrations as the owner role when one is given, beside the role that serves requests', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://hstf_app:p@db/hstf',
      DATABASE_OWNER_URL: 'postgres://hstf:q@db/hstf',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://hstf_app:p@db/hstf',
      databaseOwnerUrl: 'postgres://hstf:q@db/hstf',
    });
    expect(configError({ DATABASE_OWNER_URL: 'postgres://hstf:q@db/hstf' }).problems).toEqual([
      expect.stringMatching(/^DATABASE_OWNER_URL needs DATABASE_URL/),
    ]);
  });

  it('trusts no proxy unless TRUST_PROXY names one', () => {
    expect(loadConfig({}).trustProxy).toBeNull();
    expect(loadConfig({ TRUST_PROXY: ' 10.0.0.0/8, loopback ,2001:db8::1 ' }).trustProxy).toEqual([
      '10.0.0.0/8',
      'loopback',
      '2001:db8::1',
    ]);
  });

  it.each(['true', '1', '2', 'proxy.internal', '10.0.0.0/99'])('refuses TRUST_PROXY=%s', (value) => {
    expect(configError({ TRUST_PROXY: value }).problems).toEqual([expect.stringMatching(/^TRUST_PROXY /)]);
  });
});
