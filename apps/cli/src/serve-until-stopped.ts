import {
  sourceRunner,
  startSourceScheduler,
  type OpenEngine,
  type SourceScheduler,
} from '@applydesk/engine';
import {
  createApp,
  createLogger,
  logAccessPolicy,
  startServer,
  type QueueDepths,
} from '@applydesk/server';
import type { AppConfig } from '@applydesk/config';
import type { CliIO } from './io.js';

/**
 * Serves the API and dashboard until SIGINT/SIGTERM (or `stop` aborts), then finishes
 * in-flight requests before closing the store.
 */
export async function serveUntilStopped(
  engine: OpenEngine,
  config: AppConfig,
  io: CliIO,
  options: {
    banner: (url: string) => string;
    stop?: AbortSignal;
    /** Run sources on their `schedule`; default true. */
    schedule?: boolean;
  },
): Promise<void> {
  const logger = createLogger(config.log.level);
  // Started after the server; /metrics reads its queue once it exists.
  let scheduler: SourceScheduler | null = null;
  const app = createApp({
    ctx: engine,
    logger,
    server: config.server,
    queues: (): QueueDepths => (scheduler === null ? {} : { source_runs: scheduler.queued() }),
  });
  let server;
  try {
    server = await startServer(app, { host: config.server.host, port: config.server.port, logger });
  } catch (error) {
    await engine.close();
    throw error;
  }
  io.out(options.banner(server.url));
  await logAccessPolicy(engine, config.server, logger).catch((error: unknown) =>
    logger.warn({ err: error }, 'could not count API tokens'),
  );
  scheduler =
    options.schedule === false
      ? null
      : startSourceScheduler(engine, {
          onEvent: (event) => {
            if (event.type === 'run')
              logger.info({ source: event.source, run: event.summary }, 'scheduled source run');
            else if (event.type === 'ranked')
              logger.info(
                {
                  source: event.source,
                  scored: event.ranked.scored,
                  shortlisted: event.ranked.shortlisted,
                  newlyShortlisted: event.ranked.newlyShortlisted,
                },
                'ranked after a scheduled run',
              );
            else if (event.type === 'held')
              logger.info(
                { source: event.source, until: event.until, reason: event.reason },
                'scheduled run held back',
              );
            else if (event.type === 'busy')
              logger.info({ source: event.source, reason: event.reason }, 'scheduled run skipped');
            else
              logger.error(
                { source: event.source, err: event.error },
                'scheduled source run failed',
              );
          },
        });
  for (const next of scheduler?.upcoming() ?? [])
    io.err(`Scheduled: ${next.source} ("${next.schedule}"), first run ${next.nextAt ?? 'never'}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    options.stop?.addEventListener('abort', stop, { once: true });
  });
  io.err('Stopping: finishing requests in flight…\n');
  await scheduler?.stop();
  await server.close();
  // Source runs started from the dashboard end before the database closes under them.
  await sourceRunner(engine).idle();
  await engine.close();
}
