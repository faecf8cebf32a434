import type { Duplex } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '../problem-details/problem';

const ANSWERS: Record<string, { status: number; reason: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    detail: 'The URL and headers together exceed the server limit of 16 KB.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    detail: 'The request was not received in time.',
  },
};
const MALFORMED = { status: 400, reason: 'Bad Request', detail: 'The request is not valid HTTP/1.1.' };

/**
 * Requests Node's HTTP parser refuses (both Transfer-Encoding and Content-Length, oversized
 * headers or URL, malformed lines) never reach a route; Fastify would answer them with a plain
 * JSON body. There is no request or response object here, so the answer is written to the socket.
 * Fastify's `clientErrorHandler`.
 */
export function answerClientErrorAsProblem(error: NodeJS.ErrnoException, socket: Duplex): void {
  // As Node's own handler: nothing can be written once a response on this socket has begun.
  const pending = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || pending?.headersSent) {
    socket.destroy();
    return;
  }
  const answer = (error.code && ANSWERS[error.code]) || MALFORMED;
  const body = JSON.stringify({
    type: 'about:blank',
    title: answer.reason,
    status: answer.status,
    detail: answer.detail,
  });
  socket.end(
    `HTTP/1.1 ${answer.status} ${answer.reason}\r\n` +
      `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Cache-Control: no-store\r\n' +
      'Connection: close\r\n\r\n' +
      body,
  );
}

/**
 * A URL the router cannot read (a malformed percent-escape in a path parameter) is refused before
 * any hook or route runs; Fastify's `frameworkErrors`, answered as the error filter answers a 400.
 */
export function answerRoutingErrorAsProblem(
  error: Error & { statusCode?: number },
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  void reply
    .code(status)
    .header('Cache-Control', 'no-store')
    .type(PROBLEM_CONTENT_TYPE)
    .send(
      JSON.stringify({
        type: 'about:blank',
        title: 'Bad request',
        status,
        detail: error.message,
        instance: request.url.split('?')[0],
      }),
    );
}
