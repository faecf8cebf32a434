import type { FastifyRequest } from 'fastify';
import { FieldError, Problem } from '../problem-details/problem';
import { unstorableText } from './text';

/** More query parameters than any list's filters need; Node's parser would silently drop past 1,000. */
export const MAX_QUERY_PARAMETERS = 100;

/**
 * `__proto__` and `constructor` reach class-transformer as own properties of the parsed body,
 * where assigning them rewires the DTO instance instead of failing validation.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor']);

/**
 * What the validators cannot see or would crash on, refused before any of them runs (the body is
 * already bounded in size, depth and count, so this walk is cheap): NUL characters and lone
 * surrogates in any string, prototype keys, and lists of lists, which no operation of the API
 * accepts and which slip through @ValidateNested({ each: true }).
 */
export function inputProblem(request: Pick<FastifyRequest, 'url' | 'query' | 'body'>): Problem | null {
  const errors: FieldError[] = [];
  const url = request.url;
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  if (path.includes('%') && /%00/i.test(path))
    errors.push({ field: 'path', message: 'must not contain a NUL character' });
  if (queryStart !== -1) {
    const parameters = url.slice(queryStart + 1).split('&').length;
    if (parameters > MAX_QUERY_PARAMETERS) {
      errors.push({
        field: 'query',
        message: `must not have more than ${MAX_QUERY_PARAMETERS} parameters`,
      });
    } else {
      inspect(request.query, '', errors);
    }
  }
  // The body is undefined when no parser read one.
  if (request.body !== undefined) inspect(request.body, '', errors);
  return errors.length > 0 ? Problem.validation(errors) : null;
}

function inspect(value: unknown, field: string, errors: FieldError[]): void {
  if (typeof value === 'string') {
    const message = unstorableText(value);
    if (message) errors.push({ field: field || 'body', message });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((element, index) => {
      const at = field ? `${field}.${index}` : String(index);
      if (Array.isArray(element)) errors.push({ field: at, message: 'must not be a list' });
      else inspect(element, at, errors);
    });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    const at = field ? `${field}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) {
      errors.push({ field: at, message: 'is not allowed' });
      continue;
    }
    const keyMessage = unstorableText(key);
    if (keyMessage) {
      errors.push({ field: 'property name', message: keyMessage });
      continue;
    }
    inspect((value as Record<string, unknown>)[key], at, errors);
  }
}
