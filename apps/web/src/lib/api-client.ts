import { createApiClient } from '@hstf/api-client';

/** One client for the whole app: same origin, the session rides on the httpOnly cookie. */
export const { fetchClient, $api } = createApiClient();
