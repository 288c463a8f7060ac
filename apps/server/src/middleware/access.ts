import type { ServerSettings } from '@applydesk/config';
import type { Context } from 'hono';

/** What the HTTP layer needs of `server:` in applydesk.yaml; loopback defaults when absent. */
export type AccessSettings = Omit<ServerSettings, 'port'>;

export const DEFAULT_ACCESS: AccessSettings = {
  host: '127.0.0.1',
  auth: 'auto',
  corsOrigins: [],
  extensionIds: [],
  rateLimit: { requestsPerMinute: 600 },
  bodyLimitBytes: 1_048_576,
};

/** Addresses only this machine can reach. 0.0.0.0 and :: are every interface, so not these. */
export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return (
    h === 'localhost' ||
    h === '::1' ||
    /^127(\.\d{1,3}){3}$/.test(h) ||
    /^::ffff:127(\.\d{1,3}){3}$/.test(h)
  );
}

/** Tokens are needed when configured so, or whenever other machines can reach the server. */
export function authRequired(settings: Pick<AccessSettings, 'auth' | 'host'>): boolean {
  return settings.auth === 'required' || !isLoopback(settings.host);
}

/**
 * The peer address of the connection. Forwarded-for headers are not trusted: any client can
 * set them, and the limits keyed by address would be theirs to dodge.
 */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
