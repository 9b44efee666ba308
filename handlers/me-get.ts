/** Chat-Me-GET: the caller's own profile, from the authorizer's claims. Served in Lambda proxy mode. */
import { CORS_HEADERS } from './lib/api.js';

interface ProxyEvent {
  requestContext?: { authorizer?: { claims?: Record<string, string> } | null };
}

export async function handler(event: ProxyEvent) {
  const claims = event.requestContext?.authorizer?.claims;
  const headers = { ...CORS_HEADERS, 'Content-Type': 'application/json' };
  if (!claims?.['cognito:username']) return { statusCode: 401, headers, body: JSON.stringify({ message: 'Unauthorized' }) };
  return { statusCode: 200, headers, body: JSON.stringify({ username: claims['cognito:username'], email: claims.email }) };
}
