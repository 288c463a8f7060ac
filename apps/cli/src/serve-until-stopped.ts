import type { OpenEngine } from '@applydesk/engine';
import { createApp, createLogger, startServer } from '@applydesk/server';
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
  options: { banner: (url: string) => string; stop?: AbortSignal },
): Promise<void> {
  const logger = createLogger(config.log.level);
  const app = createApp({ ctx: engine, logger });
  let server;
  try {
    server = await startServer(app, { host: config.server.host, port: config.server.port, logger });
  } catch (error) {
    await engine.close();
    throw error;
  }
  io.out(options.banner(server.url));
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    options.stop?.addEventListener('abort', stop, { once: true });
  });
  io.err('Stopping: finishing requests in flight…\n');
  await server.close();
  await engine.close();
}
