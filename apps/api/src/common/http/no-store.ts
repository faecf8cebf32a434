import type { NextFunction, Request, Response } from 'express';

/**
 * API answers carry session tokens, personal data and records that change: no browser or proxy
 * cache may keep them. Set before the route runs so error answers carry it too; the dashboard's
 * static files are outside /api and keep their own caching.
 */
export function noStore(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}
