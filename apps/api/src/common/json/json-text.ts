import type { Response } from 'express';

/**
 * Answers with JSON text PostgreSQL already wrote (or a cache kept as text), as it is: Express sends
 * a string untouched, so the body is neither parsed nor serialized again on each request. The route
 * keeps declaring its response type for the OpenAPI document.
 */
export function sendJsonText(response: Response, text: string): string {
  response.type('json');
  return text;
}
