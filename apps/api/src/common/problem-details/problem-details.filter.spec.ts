import { ArgumentsHost, BadRequestException, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { Problem } from './problem';
import { ProblemDetailsFilter } from './problem-details.filter';

interface Sent {
  status?: number;
  type?: string;
  body?: string;
}

function respond(exception: unknown): { sent: Sent; document: Record<string, unknown> } {
  const sent: Sent = {};
  // A Fastify reply, as far as the filter uses it.
  const response = {
    sent: false,
    raw: { headersSent: false },
    header() {
      return this;
    },
    status(code: number) {
      sent.status = code;
      return this;
    },
    type(type: string) {
      sent.type = type;
      return this;
    },
    send(body: string) {
      sent.body = body;
      return this;
    },
  };
  const request = { url: '/api/v1/things?x=1', id: 'request-1', raw: {} };
  const host = {
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }),
  } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  return { sent, document: JSON.parse(sent.body ?? 'null') as Record<string, unknown> };
}

describe('ProblemDetailsFilter', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  it('answers a plain Error with a generic 500, without its message or stack, and logs it', () => {
    const error = new Error('connection to 10.0.0.7 refused: SELECT * FROM users');
    const { sent, document } = respond(error);
    expect(sent.status).toBe(500);
    expect(sent.type).toBe('application/problem+json');
    expect(document).toEqual({
      type: 'https://hstf-portfolio.org/problems/internal',
      title: 'Internal error',
      status: 500,
      detail: expect.any(String),
      instance: '/api/v1/things',
    });
    expect(sent.body).not.toContain('10.0.0.7');
    expect(sent.body).not.toContain('SELECT');
    expect(sent.body).not.toContain(error.stack!.split('\n')[1]!.trim());
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ err: error, requestId: 'request-1' }),
      'Unhandled error',
    );
  });

  it('answers a Problem with its own document and extensions', () => {
    const { sent, document } = respond(Problem.staleVersion('organization', 1, 2));
    expect(sent.status).toBe(409);
    expect(document).toMatchObject({
      type: 'https://hstf-portfolio.org/problems/stale-version',
      status: 409,
      currentVersion: 2,
    });
    expect(logged).not.toHaveBeenCalled();
  });

  it("keeps a Nest client error's message as the detail", () => {
    const { sent, document } = respond(new BadRequestException('Validation failed (uuid is expected)'));
    expect(sent.status).toBe(400);
    expect(document).toMatchObject({ status: 400, detail: 'Validation failed (uuid is expected)' });
  });

  it('answers a unique violation the services did not anticipate with 409, without the SQL', () => {
    const driverError = Object.assign(
      new Error('duplicate key value violates unique constraint "uq_users_email"'),
      {
        code: '23505',
        constraint: 'uq_users_email',
      },
    );
    const { sent, document } = respond(
      new QueryFailedError('INSERT INTO users VALUES ($1)', ['x'], driverError),
    );
    expect(sent.status).toBe(409);
    expect(document).toMatchObject({ status: 409, constraint: 'uq_users_email' });
    expect(sent.body).not.toMatch(/INSERT|duplicate key/);
  });

  it('answers an unexpected database error with a generic 500', () => {
    const driverError = Object.assign(new Error('relation "nope" does not exist'), { code: '42P01' });
    const { sent } = respond(new QueryFailedError('SELECT * FROM nope', [], driverError));
    expect(sent.status).toBe(500);
    expect(sent.body).not.toMatch(/nope|SELECT/);
  });
});
