import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';

import { DomainError } from '@applydesk/domain';
import type { Logger } from './logger.js';

export interface RunningServer {
  url: string;
  /** Stops accepting connections and resolves once in-flight requests have finished. */
  close(options?: { timeoutMs?: number }): Promise<void>;
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  if (error.code === 'EADDRINUSE') {
    return new DomainError('PORT_IN_USE', `port ${port} on ${host} is already in use`, {
      hint: 'stop the program using it, or pick another port with --port <n> or APPLYDESK_PORT',
      cause: error,
    });
  }
  if (error.code === 'EACCES') {
    return new DomainError('PORT_IN_USE', `not allowed to listen on port ${port} on ${host}`, {
      hint: 'use a port above 1024 with --port <n>',
      cause: error,
    });
  }
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
    return new DomainError(
      'CONFIG_INVALID',
      `cannot listen on ${host}: no such address on this machine`,
      {
        hint: 'set server.host (or APPLYDESK_HOST) to 127.0.0.1 or an address of this machine',
        cause: error,
      },
    );
  }
  return error;
}

/** Listens on host:port; a port in use becomes a PORT_IN_USE DomainError. */
export async function startServer(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  options: { host: string; port: number; logger: Logger },
): Promise<RunningServer> {
  const server = createAdaptorServer({ fetch: (request: Request) => app.fetch(request) }) as Server;
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(listenError(error, options.host, options.port));
    server.once('error', onError);
    server.listen(options.port, options.host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}`;
  options.logger.info({ url }, 'listening');

  let closing: Promise<void> | undefined;
  return {
    url,
    close({ timeoutMs = 10_000 } = {}) {
      closing ??= new Promise<void>((resolve) => {
        // Idle keep-alive sockets would hold close() open; in-flight requests finish first.
        const force = setTimeout(() => server.closeAllConnections(), timeoutMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
