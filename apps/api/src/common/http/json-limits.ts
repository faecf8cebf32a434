import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import {
  BadRequestException,
  HttpStatus,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { Problem } from '../problem-details/problem';

export interface JsonLimits {
  /** Arrays and objects nested deeper than this are refused. */
  maxDepth: number;
  /** Containers plus members and elements; a body with more is refused. */
  maxNodes: number;
}

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The shape of a JSON body, checked on the raw bytes as they arrive, before JSON.parse,
 * class-transformer or the validators walk it: their cost (and class-transformer's recursion) grows
 * with nesting and size, so a small hostile body could otherwise hold the event loop for seconds.
 * Structural characters are ASCII and never occur inside a multi-byte UTF-8 sequence, so bytes can
 * be scanned directly, and a chunk boundary can fall anywhere.
 */
export class JsonShapeScanner {
  private depth = 0;
  private nodes = 1;
  private inString = false;
  private escaped = false;

  constructor(private readonly limits: JsonLimits) {}

  /** Scans the next chunk; returns the first bound it breaks, or null. */
  push(chunk: Uint8Array): Problem | null {
    const { maxDepth, maxNodes } = this.limits;
    let { depth, nodes, inString, escaped } = this;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (byte === BACKSLASH) escaped = true;
        else if (byte === QUOTE) inString = false;
        continue;
      }
      switch (byte) {
        case QUOTE:
          inString = true;
          break;
        case OPEN_BRACE:
        case OPEN_BRACKET:
          depth++;
          nodes++;
          if (depth > maxDepth) return tooDeep(maxDepth);
          break;
        case CLOSE_BRACE:
        case CLOSE_BRACKET:
          depth--;
          break;
        case COMMA:
          nodes++;
          break;
      }
      if (nodes > maxNodes) return tooMany(maxNodes);
    }
    Object.assign(this, { depth, nodes, inString, escaped });
    return null;
  }
}

function tooDeep(maxDepth: number): Problem {
  return new Problem(
    HttpStatus.BAD_REQUEST,
    'too-deeply-nested',
    'Request too deeply nested',
    `The JSON body nests arrays or objects more than ${maxDepth} levels deep.`,
  );
}

function tooMany(maxNodes: number): Problem {
  return new Problem(
    HttpStatus.BAD_REQUEST,
    'too-many-values',
    'Request has too many values',
    `The JSON body holds more than ${maxNodes} values.`,
  );
}

/** The whole body at once: the scanner over one chunk. */
export function jsonShapeProblem(body: Uint8Array, limits: JsonLimits): Problem | null {
  return new JsonShapeScanner(limits).push(body);
}

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)"?/i;

/** The decoder for a Content-Encoding body-parser accepted, the request itself for none. */
function decoded(request: IncomingMessage): Readable {
  const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase();
  switch (encoding) {
    case 'identity':
      return request;
    case 'gzip':
      return request.pipe(zlib.createGunzip());
    case 'deflate':
      return request.pipe(zlib.createInflate());
    case 'br':
      return request.pipe(zlib.createBrotliDecompress());
    default:
      throw new UnsupportedMediaTypeException(`unsupported content encoding "${encoding}"`);
  }
}

/**
 * Requests answered before their body was read to its end: the answer closes the connection
 * (the problem filter says so), since the rest of the body is left unread.
 */
export const unreadRequests = new WeakSet<IncomingMessage>();

/**
 * Parses `application/json` bodies as express.json() did (UTF-8, objects and arrays only, an
 * empty body as {}, gzip/deflate/br), bounded while the body streams in: the first byte past the
 * depth or value bound, or past `limitBytes`, ends the reading, so a hostile body is neither
 * buffered nor read to its end. Fastify's content-type parser for JSON.
 */
export function boundedJsonParser(
  limits: JsonLimits,
  limitBytes: number,
): (request: { raw: IncomingMessage }, payload: IncomingMessage, done: ContentTypeParserDone) => void {
  return function jsonParser(request, payload, done): void {
    const raw = request.raw;
    const charset = (CHARSET.exec(raw.headers['content-type'] ?? '')?.[1] ?? 'utf-8').toLowerCase();
    if (charset !== 'utf-8' && charset !== 'utf8') {
      // RFC 8259 §8.1: JSON between systems is UTF-8. Other charsets would defeat the byte scan.
      const refusal = charset.startsWith('utf-')
        ? new Problem(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            'unsupported-charset',
            'Unsupported media type',
            'JSON bodies must be UTF-8.',
          )
        : new UnsupportedMediaTypeException(`unsupported charset "${charset.toUpperCase()}"`);
      return refuseUnread(raw, done, refusal);
    }
    const declared = Number(raw.headers['content-length']);
    if (declared > limitBytes && !raw.headers['content-encoding'])
      return refuseUnread(raw, done, new PayloadTooLargeException('request entity too large'));
    let stream: Readable;
    try {
      stream = decoded(payload);
    } catch (error) {
      return refuseUnread(raw, done, error);
    }

    const scanner = new JsonShapeScanner(limits);
    const chunks: Buffer[] = [];
    let received = 0;
    let finished = false;
    const finish = (error: unknown, body?: unknown) => {
      if (finished) return;
      finished = true;
      stream.off('data', onData).off('end', onEnd).off('error', onError);
      raw.off('close', onClose);
      if (error === undefined) return done(null, body);
      if (!raw.complete) {
        if (stream !== payload) {
          payload.unpipe();
          stream.destroy();
        }
        return refuseUnread(raw, done, error);
      }
      done(error as Error);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) return finish(new PayloadTooLargeException('request entity too large'));
      const problem = scanner.push(chunk);
      if (problem) return finish(problem);
      chunks.push(chunk);
    };
    const onEnd = () => {
      try {
        finish(undefined, parse(Buffer.concat(chunks, received).toString('utf8')));
      } catch (error) {
        finish(new BadRequestException((error as Error).message));
      }
    };
    const onError = (error: Error) => finish(new BadRequestException(error.message));
    const onClose = () => {
      if (!raw.complete) finish(new BadRequestException('request aborted'));
    };
    stream.on('data', onData).on('end', onEnd).on('error', onError);
    raw.on('close', onClose);
  };
}

export type ContentTypeParserDone = (error: Error | null, body?: unknown) => void;

/**
 * Answers without reading the rest of the body: reading on would cost what the bound saves, so the
 * connection is closed after the answer instead of being kept for another request.
 */
function refuseUnread(request: IncomingMessage, done: ContentTypeParserDone, error: unknown): void {
  request.pause();
  unreadRequests.add(request);
  done(error as Error);
}

/** As body-parser's strict JSON: an empty body is {}, and only an object or an array is a body. */
function parse(text: string): unknown {
  // iconv-lite, which body-parser decodes with, drops a byte order mark.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.length === 0) return {};
  const first = /\S/.exec(body);
  if (first && first[0] !== '{' && first[0] !== '[') {
    // The message JSON.parse gives for an unexpected character where the value starts, as body-parser's.
    const at = first.index;
    try {
      JSON.parse(body.slice(0, at) + '#'.repeat(body.length - at));
    } catch (error) {
      throw new SyntaxError(
        (error as Error).message.replace(/#+/g, (run) => body.substring(at, at + run.length)),
        { cause: error },
      );
    }
  }
  return JSON.parse(body) as unknown;
}
