import { PassThrough } from 'node:stream';
import pino from 'pino';
import { readableLog } from './log-format';

/** What a person sees at the terminal for these entries. */
function linesFor(write: (logger: pino.Logger) => void): string[] {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  write(pino({ level: 'info' }, readableLog(out)));
  return chunks.join('').trimEnd().split('\n');
}

describe('readable log lines', () => {
  it('say a request in one line: method, address, status and time', () => {
    const lines = linesFor((logger) =>
      logger.warn(
        {
          req: { id: 'r-1', method: 'GET', url: '/api/v1/projects' },
          res: { statusCode: 503 },
          responseTime: 12,
        },
        'request errored',
      ),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[\d{2}:\d{2}:\d{2}\] WARN: GET \/api\/v1\/projects 503 12 ms$/);
  });

  it('say a request its client left before the answer in one line, with the time it waited', () => {
    const lines = linesFor((logger) =>
      logger.info(
        { req: { id: 'r-2', method: 'POST', url: '/api/v1/imports' }, responseTime: 950 },
        'request aborted',
      ),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[\d{2}:\d{2}:\d{2}\] INFO: POST \/api\/v1\/imports aborted after 950 ms$/);
  });

  it('name the part of the API that speaks, and are not JSON', () => {
    const lines = linesFor((logger) =>
      logger.info({ context: 'NestApplication' }, 'Nest application successfully started'),
    );
    expect(lines).toEqual([
      expect.stringMatching(/INFO: NestApplication: Nest application successfully started$/),
    ]);
    expect(() => JSON.parse(lines[0]!) as unknown).toThrow();
  });
});
