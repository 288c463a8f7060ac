import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { problemBody, problemResponse } from '../problem.js';

/** 413 problem+json past `maxBytes`, whether the body declares its length or streams. */
export function bodyLimitMiddleware(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      problemResponse(
        c,
        413,
        problemBody(
          413,
          'PAYLOAD_TOO_LARGE',
          `the request body is larger than the ${maxBytes} bytes this server accepts`,
          { hint: 'raise server.body_limit_bytes in applydesk.yaml if this is expected' },
        ),
      ),
  });
}

/**
 * Headers for every response. The pages load scripts and styles from this server only;
 * inline styles are allowed because the home page and the API reference use them, inline
 * scripts are not. HSTS is left to a TLS-terminating proxy: this server speaks plain HTTP.
 */
export function securityHeadersMiddleware(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: 'nosniff',
    strictTransportSecurity: false,
    // The extension and allowed origins read API responses cross-origin, under CORS.
    crossOriginResourcePolicy: false,
    crossOriginEmbedderPolicy: false,
  });
}
