import { createApiClient } from '@hstf/api-client';

/**
 * One client for the whole app: same origin, the session rides on the httpOnly cookie. Every call
 * goes through lib/request (unwrap, ensureOk) so a failure is always an ApiError.
 */
export const { fetchClient } = createApiClient(
  // Rendered at build time (the prerendered first screens), the app asks nothing, but the client
  // still needs an origin to exist outside a browser.
  import.meta.env.SSR ? { baseUrl: 'http://prerender.invalid' } : {},
);
