import type { MiddlewareHandler } from 'hono';

const ALLOW_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const ALLOW_HEADERS = 'Authorization, Content-Type, Last-Event-ID';
const EXPOSE_HEADERS = 'Retry-After, WWW-Authenticate';

/**
 * CORS with an allowlist: the configured origins and the configured extensions'
 * `chrome-extension://<id>` origins. Allowed origins are echoed one at a time (never `*`),
 * credentials are never allowed (tokens travel in a header, not cookies), and a refused
 * origin gets no CORS headers at all, so the browser blocks the response.
 */
export function corsMiddleware(options: {
  origins: readonly string[];
  extensionIds: readonly string[];
}): MiddlewareHandler {
  const allowed = new Set([
    ...options.origins.map((o) => o.toLowerCase()),
    ...options.extensionIds.map((id) => `chrome-extension://${id}`),
  ]);
  return async (c, next) => {
    const origin = c.req.header('origin');
    const ok = origin !== undefined && allowed.has(origin.toLowerCase());
    const preflight =
      c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined;
    if (preflight) {
      // Answered here, before auth: browsers never send credentials on a preflight.
      const headers: Record<string, string> = { Vary: 'Origin' };
      if (ok) {
        headers['Access-Control-Allow-Origin'] = origin;
        headers['Access-Control-Allow-Methods'] = ALLOW_METHODS;
        headers['Access-Control-Allow-Headers'] = ALLOW_HEADERS;
        headers['Access-Control-Max-Age'] = '600';
      }
      return c.body(null, 204, headers);
    }
    await next();
    c.res.headers.append('Vary', 'Origin');
    if (ok) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
  };
}
