import type { Response } from 'supertest';

/** A JavaScript stack frame ("    at fn (file.ts:1:2)") or a source path with a line number. */
const STACK_FRAME = /(^|\n)\s*at\s|\bat\s+\S+\s+\(|\.(ts|js):\d+:\d+|node_modules/;
/** SQL text or PostgreSQL's own error wording. */
const SQL =
  /\b(SELECT|INSERT INTO|UPDATE|DELETE FROM|TRUNCATE)\b[\s\S]*\b(FROM|VALUES|SET|WHERE|audit_entries)\b|violates [a-z ]*constraint|relation "|syntax error at or near|invalid input syntax|QueryFailedError/;

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

/** The body as the client received it, whatever its content type. */
export function rawBody(response: Response): string {
  return response.text ?? JSON.stringify(response.body ?? '');
}

/** No stack trace, source path or SQL in what a client receives. */
export function expectNoInternals(response: Response): void {
  const text = rawBody(response);
  expect(text).not.toMatch(STACK_FRAME);
  expect(text).not.toMatch(SQL);
}

/** An RFC 9457 problem document with this status, leaking nothing. */
export function expectProblem(response: Response, status: number): ProblemBody {
  expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  expectNoInternals(response);
  return response.body as ProblemBody;
}
