import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { isDomainError } from '@applydesk/domain';
import {
  countApiTokens,
  sourceRunner,
  verifyApiToken,
  type EngineContext,
} from '@applydesk/engine';
import type { Logger } from './logger.js';
import { ServerMetrics, type QueueDepths } from './metrics.js';
import {
  authRequired,
  clientAddress,
  DEFAULT_ACCESS,
  isLoopback,
  type AccessSettings,
} from './middleware/access.js';
import { authMiddleware, tokenOf } from './middleware/auth.js';
import { corsMiddleware } from './middleware/cors.js';
import { bodyLimitMiddleware, securityHeadersMiddleware } from './middleware/limits.js';
import { rateLimitMiddleware, TokenBuckets } from './middleware/rate-limit.js';
import { registerDocsPage } from './pages/docs.js';
import { registerWebApp } from './pages/web.js';
import { domainErrorResponse, problemBody, problemResponse } from './problem.js';
import { registerAccessRoutes } from './routes/access.js';
import { registerCaptureRoutes } from './routes/captures.js';
import { registerEventRoutes, type EventStreamOptions } from './routes/events.js';
import { registerDraftRoutes } from './routes/drafts.js';
import { registerApplicationRoutes } from './routes/applications.js';
import { registerJobRoutes } from './routes/jobs.js';
import { registerRankingRoutes } from './routes/ranking.js';
import { registerProfileRoutes } from './routes/profile.js';
import { registerSystemRoutes } from './routes/system.js';
import { registerSettingsRoutes } from './routes/settings.js';
import { registerSourceRoutes } from './routes/sources.js';

export interface AppDeps {
  ctx: EngineContext;
  logger: Logger;
  /** applydesk.yaml `server:`; without it, a loopback server with the default limits. */
  server?: AccessSettings;
  /** The clock of the rate limiter (ms), for tests. */
  now?: () => number;
  events?: EventStreamOptions;
  /** Queues the host runs beside the app (the source scheduler), for /metrics. */
  queues?: () => QueueDepths;
}

/** The HTTP application, without a socket: tests call `app.request()` on it directly. */
export function createApp({
  ctx,
  logger,
  server = DEFAULT_ACCESS,
  now = Date.now,
  events,
  queues,
}: AppDeps): OpenAPIHono {
  const metrics = new ServerMetrics();
  const perMinute = server.rateLimit.requestsPerMinute;
  const byAddress = new TokenBuckets(perMinute, now);
  const byToken = new TokenBuckets(perMinute, now);
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return undefined;
      const errors = result.error.issues.map((i) => ({
        path: i.path.map(String).join('.') || '(root)',
        reason: i.message,
      }));
      return problemResponse(
        c,
        400,
        problemBody(400, 'INVALID_INPUT', errors.map((e) => `${e.path}: ${e.reason}`).join('; '), {
          errors,
        }),
      );
    },
  });

  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    if (c.req.path.startsWith('/api/') || c.res.status >= 400) {
      logger.info(
        {
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    }
  });
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  // Outermost first: every answer, refusals included, is timed, carries the security
  // headers and, for an allowed origin, CORS headers the browser needs to read it.
  app.use(metrics.middleware());
  app.use(securityHeadersMiddleware());
  app.use(corsMiddleware({ origins: server.corsOrigins, extensionIds: server.extensionIds }));
  // By address before auth, so guessing tokens or pairing codes is as limited as anything.
  app.use(
    rateLimitMiddleware({
      buckets: byAddress,
      keyOf: clientAddress,
      what: (c) => `the address ${clientAddress(c)}`,
    }),
  );
  const required = authRequired(server);
  app.use(authMiddleware({ required, verify: (secret) => verifyApiToken(ctx, secret) }));
  app.use(bodyLimitMiddleware(server.bodyLimitBytes));
  app.use(
    rateLimitMiddleware({
      buckets: byToken,
      keyOf: (c) => tokenOf(c)?.id,
      what: (c) => `the API token "${tokenOf(c)?.name ?? ''}"`,
    }),
  );

  registerSystemRoutes(app, ctx);
  registerJobRoutes(app, ctx);
  registerRankingRoutes(app, ctx);
  registerSourceRoutes(app, ctx);
  registerProfileRoutes(app, ctx);
  registerCaptureRoutes(app, ctx);
  registerAccessRoutes(app, ctx, {
    logger,
    metrics,
    queues: () => ({
      ...Object.fromEntries(
        Object.entries(ctx.llm?.queues() ?? {}).map(([provider, depth]) => [
          `llm:${provider}`,
          depth,
        ]),
      ),
      // Runs started from the dashboard or the API (POST /api/sources/{name}/run).
      requested_source_runs: { active: sourceRunner(ctx).active, waiting: 0 },
      ...queues?.(),
    }),
  });
  registerEventRoutes(app, ctx, {
    logger,
    metrics,
    ...(events === undefined ? {} : { options: events }),
  });
  registerDraftRoutes(app, ctx);
  registerApplicationRoutes(app, ctx);
  registerSettingsRoutes(app, ctx);
  registerDocsPage(app);
  registerWebApp(app);

  app.notFound((c) =>
    problemResponse(
      c,
      404,
      problemBody(404, 'NOT_FOUND', `no route for ${c.req.method} ${c.req.path}`),
    ),
  );
  app.onError((error, c) => {
    if (isDomainError(error)) return domainErrorResponse(c, error);
    if (error instanceof HTTPException) {
      return problemResponse(
        c,
        error.status,
        problemBody(error.status, 'INVALID_INPUT', error.message),
      );
    }
    logger.error({ err: error, path: c.req.path }, 'unhandled error');
    return problemResponse(
      c,
      500,
      problemBody(500, 'INTERNAL', 'the server failed to answer this request; see its log'),
    );
  });
  return app;
}

/**
 * Says at startup who can reach the server and what they need: on a non-loopback address
 * (or with `server.auth: required`) every request but /healthz needs a token, and a server
 * with none yet is reachable but refuses everything until one is created.
 */
export async function logAccessPolicy(
  ctx: EngineContext,
  server: AccessSettings,
  logger: Logger,
): Promise<void> {
  if (!authRequired(server)) {
    logger.info(
      { host: server.host, auth: 'off' },
      'bound to a loopback address: API tokens are not needed (set server.auth: required to ask for them)',
    );
    return;
  }
  const tokens = await countApiTokens(ctx);
  const why = isLoopback(server.host)
    ? 'server.auth is required'
    : `${server.host} is not a loopback address`;
  if (tokens === 0) {
    logger.warn(
      { host: server.host, auth: 'required', tokens },
      `${why}: every request except /healthz needs an API token, and none exists yet; create one with \`applydesk token create <name>\``,
    );
  } else {
    logger.info(
      { host: server.host, auth: 'required', tokens },
      `${why}: every request except /healthz needs an API token (Authorization: Bearer <token>)`,
    );
  }
}
