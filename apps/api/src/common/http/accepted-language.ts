import accepts from 'accepts';
import type { FastifyRequest } from 'fastify';

/** The first of `languages` the request's Accept-Language takes (zh-CN takes zh), or undefined. */
export function acceptedLanguage<L extends string>(
  request: Pick<FastifyRequest, 'raw'>,
  languages: readonly L[],
): L | undefined {
  return (accepts(request.raw).languages(...languages) || undefined) as L | undefined;
}
