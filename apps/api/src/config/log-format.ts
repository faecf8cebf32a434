import type { DestinationStream } from 'pino';
import pretty from 'pino-pretty';

/**
 * One line a person can read per entry ("12:00:01 WARN: GET /api/v1/projects 503 12 ms"), for the
 * terminal `npm start` runs in. Written synchronously, so the lines keep their order with what
 * main.ts prints (the address and the demo sign-ins).
 */
export function readableLog(destination: number | NodeJS.WritableStream = 1): DestinationStream {
  return pretty({
    sync: true,
    destination,
    colorize: destination === 1 && Boolean(process.stdout.isTTY),
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,req,res,responseTime,context',
    messageFormat: (log, messageKey) => {
      const req = log.req as { method?: string; url?: string } | undefined;
      const res = log.res as { statusCode?: number } | undefined;
      if (req && res?.statusCode !== undefined) {
        return `${req.method} ${req.url} ${res.statusCode} ${String(log.responseTime)} ms`;
      }
      // A request whose client went away before its answer: no status, the time it waited.
      if (req && typeof log.responseTime === 'number') {
        return `${req.method} ${req.url} aborted after ${log.responseTime} ms`;
      }
      const raw = log[messageKey];
      const message = typeof raw === 'string' ? raw : JSON.stringify(raw ?? '');
      return typeof log.context === 'string' ? `${log.context}: ${message}` : message;
    },
  });
}
