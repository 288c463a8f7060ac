import type { Context, MiddlewareHandler } from 'hono';
import type { ApiToken } from '@applydesk/engine';
import { problemBody, problemResponse } from '../problem.js';

/** Requests anyone may make: liveness probes, and trading a pairing code for a token. */
const PUBLIC: readonly { method: string; path: string }[] = [
  { method: 'GET', path: '/healthz' },
  { method: 'HEAD', path: '/healthz' },
  { method: 'POST', path: '/api/pair' },
];

const READ_METHODS = new Set(['GET', 'HEAD']);

const EVENT_STREAM = '/api/events/stream';

/**
 * The dashboard's page and its scripts hold no data (everything comes from /api, which
 * needs the token), and a browser cannot send a token with a page load: they stay open so
 * a remote user can reach the page that asks for the token.
 */
function isDashboardShell(method: string, path: string): boolean {
  return (
    READ_METHODS.has(method) &&
    !path.startsWith('/api/') &&
    path !== '/api' &&
    path !== '/metrics' &&
    path !== '/healthz'
  );
}

/** The token a request was authenticated with, for the limits that follow. */
const tokens = new WeakMap<Request, ApiToken>();

export function tokenOf(c: Context): ApiToken | undefined {
  return tokens.get(c.req.raw);
}

function unauthorized(c: Context, detail: string, error?: string): Response {
  c.header(
    'WWW-Authenticate',
    `Bearer realm="applydesk"${error === undefined ? '' : `, error="${error}"`}`,
  );
  return problemResponse(
    c,
    401,
    problemBody(401, 'UNAUTHORIZED', detail, {
      hint: 'create a token with `applydesk token create <name>` and send it as Authorization: Bearer <token>',
    }),
  );
}

/**
 * Bearer-token auth. When `required` is false (a loopback bind), every request passes and
 * the Authorization header is not looked at. The token is never logged: only its name is.
 */
export function authMiddleware(options: {
  required: boolean;
  verify: (secret: string) => Promise<ApiToken | null>;
}): MiddlewareHandler {
  return async (c, next) => {
    if (!options.required) return next();
    const method = c.req.method;
    if (PUBLIC.some((p) => p.method === method && p.path === c.req.path)) return next();
    if (isDashboardShell(method, c.req.path)) return next();

    // A browser's EventSource cannot send headers: the event stream alone takes the token as
    // `access_token` in its address (only ever logged by path, never with the query).
    const fromQuery =
      method === 'GET' && c.req.path === EVENT_STREAM ? c.req.query('access_token') : undefined;
    const header =
      fromQuery !== undefined && fromQuery !== ''
        ? `Bearer ${fromQuery}`
        : c.req.header('authorization');
    if (header === undefined || header.trim() === '')
      return unauthorized(c, 'this server needs an API token: none was sent');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match?.[1] === undefined)
      return unauthorized(c, 'the Authorization header is not "Bearer <token>"', 'invalid_request');
    const token = await options.verify(match[1]);
    if (token === null)
      return unauthorized(c, 'the API token is unknown or was revoked', 'invalid_token');
    if (token.scope === 'read' && !READ_METHODS.has(method)) {
      c.header('WWW-Authenticate', 'Bearer realm="applydesk", error="insufficient_scope"');
      return problemResponse(
        c,
        403,
        problemBody(
          403,
          'FORBIDDEN',
          `the API token "${token.name}" has read scope, which allows GET and HEAD only; ${method} needs a write token`,
          { hint: 'create one with `applydesk token create <name> --scope write`' },
        ),
      );
    }
    tokens.set(c.req.raw, token);
    return next();
  };
}
