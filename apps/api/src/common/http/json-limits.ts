import type { IncomingMessage } from 'node:http';
import { HttpStatus } from '@nestjs/common';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
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
 * One pass over the raw bytes, before JSON.parse, class-transformer or the validators walk the
 * body: their cost (and class-transformer's recursion) grows with nesting and size, so a small
 * hostile body could otherwise hold the event loop for seconds. Structural characters are ASCII
 * and never occur inside a multi-byte UTF-8 sequence, so bytes can be scanned directly.
 */
export function jsonShapeProblem(body: Buffer, limits: JsonLimits): Problem | null {
  let depth = 0;
  let nodes = 1;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
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
        if (depth > limits.maxDepth) {
          return new Problem(
            HttpStatus.BAD_REQUEST,
            'too-deeply-nested',
            'Request too deeply nested',
            `The JSON body nests arrays or objects more than ${limits.maxDepth} levels deep.`,
          );
        }
        break;
      case CLOSE_BRACE:
      case CLOSE_BRACKET:
        depth--;
        break;
      case COMMA:
        nodes++;
        break;
    }
    if (nodes > limits.maxNodes) {
      return new Problem(
        HttpStatus.BAD_REQUEST,
        'too-many-values',
        'Request has too many values',
        `The JSON body holds more than ${limits.maxNodes} values.`,
      );
    }
  }
  return null;
}

/**
 * body-parser's `verify` hook: it sees the raw body after it is read and before it is decoded
 * and parsed; what it throws is answered as the request's error.
 */
export function verifyJsonShape(limits: JsonLimits) {
  return (_request: IncomingMessage, _response: unknown, body: Buffer, encoding: string): void => {
    // RFC 8259 §8.1: JSON between systems is UTF-8. Other charsets would defeat the byte scan.
    if (encoding.toLowerCase() !== 'utf-8' && encoding.toLowerCase() !== 'utf8') {
      throw new Problem(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'unsupported-charset',
        'Unsupported media type',
        'JSON bodies must be UTF-8.',
      );
    }
    const problem = jsonShapeProblem(body, limits);
    if (problem) throw problem;
  };
}

/**
 * express.json() bounded by `verifyJsonShape`. Named `jsonParser` so that Nest does not add its
 * own. body-parser marks what `verify` throws as an http-errors error (expose, statusCode), which
 * Nest would rewrap as a bare HttpException; the marks are taken off so the problem keeps its type.
 */
export function boundedJsonParser(limits: JsonLimits, limit: string): RequestHandler {
  const parse = express.json({ limit, verify: verifyJsonShape(limits) });
  return function jsonParser(request: Request, response: Response, next: NextFunction): void {
    void parse(request, response, (error?: unknown) => {
      if (error instanceof Problem) {
        const marked = error as Problem & { expose?: boolean; statusCode?: number };
        delete marked.expose;
        delete marked.statusCode;
      }
      next(error);
    });
  };
}
