import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Controller, Get, Module } from '@nestjs/common';
import { Public } from '../../src/common/access/access.decorators';
import { asRole, aUser, TEST_PASSWORD } from '../support/builders';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

interface LogLine {
  level: number;
  msg?: string;
  context?: string;
  event?: string;
  req?: { id?: string; method?: string; url?: string; remoteAddress?: string; userAgent?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { message?: string; stack?: string };
}

/** A log destination that keeps every line, parsed. */
function logLines(): { write: (line: string) => void; lines: LogLine[] } {
  const lines: LogLine[] = [];
  return { write: (line: string) => lines.push(JSON.parse(line) as LogLine), lines };
}

@Controller('v1/failing')
class FailingController {
  @Public()
  @Get()
  fail(): never {
    throw new Error('a defect in the route');
  }
}

/** Answers after a while: long enough for a client to give up waiting. */
@Controller('v1/slow')
class SlowController {
  @Public()
  @Get()
  async slow(): Promise<{ done: boolean }> {
    await new Promise((resolve) => setTimeout(resolve, 400));
    return { done: true };
  }
}

@Module({ controllers: [FailingController, SlowController] })
class FailingModule {}

/** The lines naming a request, once there is one (a hook writes it after the test's own await). */
async function linesOf(log: { lines: LogLine[] }, id: string): Promise<LogLine[]> {
  for (let waited = 0; waited < 3000; waited += 20) {
    const lines = log.lines.filter((line) => line.req?.id === id);
    if (lines.length) return lines;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return [];
}

/** Sends a request and hangs up before the answer, as a client that gave up does. */
function abandon(port: number, path: string, requestId: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: ${requestId}\r\n\r\n`);
      setTimeout(() => socket.destroy(), 100);
    });
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });
}

describe('the request log', () => {
  let t: TestApp;
  const log = logLines();
  const answered = (id: string) => log.lines.filter((line) => line.req?.id === id && line.res);

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'info' }, undefined, {
      imports: [FailingModule],
      logDestination: log,
    });
  });
  afterAll(() => t.close());

  it('writes one line per answer: method, path, status and time, named by the X-Request-Id', async () => {
    const { auth } = await asRole(t, 'staff');
    const response = await t.http().get('/api/v1/organizations').set(auth).set('X-Request-Id', 'trace-42');
    expect(response.status).toBe(200);
    const lines = answered('trace-42');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { id: 'trace-42', method: 'GET', url: '/api/v1/organizations' },
      res: { statusCode: 200 },
    });
    expect(lines[0]!.responseTime).toEqual(expect.any(Number));
  });

  it('keeps credentials and headers out of the line', async () => {
    const { auth } = await asRole(t, 'staff');
    await t
      .http()
      .get('/api/v1/organizations')
      .set(auth)
      .set('X-Request-Id', 'trace-secret')
      .set('User-Agent', 'a-script/1.0');
    const [line] = answered('trace-secret');
    expect(line!.req!.userAgent).toBe('a-script/1.0');
    expect(Object.keys(line!.req!).sort()).toEqual(['id', 'method', 'remoteAddress', 'url', 'userAgent']);
    expect(JSON.stringify(line)).not.toContain(auth.Authorization.slice('Bearer '.length));
  });

  it('names the request in the lines logged on its behalf, across its awaits', async () => {
    const user = await aUser(t);
    const response = await t
      .http()
      .post('/api/v1/auth/login')
      .set('X-Request-Id', 'trace-sign-in')
      .send({ email: user.email, password: `${TEST_PASSWORD}-wrong` });
    expect(response.status).toBe(401);
    const failed = log.lines.find(
      (line) => line.event === 'sign_in_failed' && line.req?.id === 'trace-sign-in',
    );
    expect(failed).toMatchObject({
      level: 40,
      context: 'Auth',
      req: { method: 'POST', url: '/api/v1/auth/login' },
    });
  });

  it("logs a defect's error with its stack, naming the request, and says the answer errored", async () => {
    expectProblem(await t.http().get('/api/v1/failing').set('X-Request-Id', 'trace-500'), 500);
    const unhandled = log.lines.find(
      (line) => line.msg === 'Unhandled error' && line.req?.id === 'trace-500',
    );
    expect(unhandled).toMatchObject({
      level: 50,
      context: 'Errors',
      err: { message: 'a defect in the route' },
    });
    expect(unhandled!.err!.stack).toContain('FailingController');
    expect(answered('trace-500')).toEqual([
      expect.objectContaining({
        msg: 'request errored',
        res: { statusCode: 500 },
        err: expect.objectContaining({ message: 'failed with status code 500' }) as unknown,
      }),
    ]);
  });

  it('says a request its client left before the answer was aborted, with the time it waited', async () => {
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    await abandon(port, '/api/v1/slow', 'trace-gone');
    const lines = await linesOf(log, 'trace-gone');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'request aborted',
        req: expect.objectContaining({ url: '/api/v1/slow' }) as unknown,
      }),
    ]);
    expect(lines[0]!.responseTime).toBeGreaterThanOrEqual(90);
  });

  it('leaves the health check out', async () => {
    await t.http().get('/api/health').set('X-Request-Id', 'trace-health');
    expect(answered('trace-health')).toEqual([]);
  });
});

describe('the request log below info', () => {
  let t: TestApp;
  const log = logLines();

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'warn' }, undefined, { logDestination: log });
  });
  afterAll(() => t.close());

  it('writes no line for an answered request, and still the warnings made on its behalf', async () => {
    const user = await aUser(t);
    await t.http().get('/api/v1/organizations').set('X-Request-Id', 'quiet-1');
    await t
      .http()
      .post('/api/v1/auth/login')
      .set('X-Request-Id', 'quiet-2')
      .send({ email: user.email, password: `${TEST_PASSWORD}-wrong` });
    expect(log.lines.filter((line) => line.res)).toEqual([]);
    expect(log.lines.filter((line) => line.req?.id === 'quiet-2')).toEqual([
      expect.objectContaining({ level: 40, event: 'sign_in_failed' }),
    ]);
  });
});
