import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One recorded answer: what the source sent, byte for byte, and how. */
export interface Recorded {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Wait this long before answering (timeouts). */
  delayMs?: number;
}

/** A request the server saw, for asserting on what the client sent. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Route = Recorded | Recorded[] | ((req: SeenRequest) => Recorded);

export interface ReplayServer {
  url: string;
  seen: SeenRequest[];
  /** Routes are matched on path plus query (`/v1/boards/acme/jobs?content=true`), then path alone. */
  route(pathAndQuery: string, answer: Route): void;
  close(): Promise<void>;
}

/**
 * A loopback HTTP server that replays recorded responses to the real client code. A list
 * of answers is served in order (the last one repeats), so a 429 then a 200 tests retries.
 */
export async function startReplayServer(routes: Record<string, Route> = {}): Promise<ReplayServer> {
  const table = new Map<string, Route>(Object.entries(routes));
  const served = new Map<string, number>();
  const seen: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const request: SeenRequest = {
        method: req.method ?? 'GET',
        path: url.pathname + url.search,
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      seen.push(request);
      const key = table.has(request.path) ? request.path : url.pathname;
      const route = table.get(key);
      let answer: Recorded;
      if (route === undefined) answer = { status: 404, body: `no recording for ${request.path}` };
      else if (typeof route === 'function') answer = route(request);
      else if (Array.isArray(route)) {
        const n = served.get(key) ?? 0;
        served.set(key, n + 1);
        answer = route[Math.min(n, route.length - 1)] ?? { status: 500 };
      } else answer = route;
      const send = () => {
        res.writeHead(answer.status ?? 200, {
          'content-type': 'application/json',
          ...answer.headers,
        });
        res.end(answer.body ?? '');
      };
      if (answer.delayMs === undefined) send();
      else setTimeout(send, answer.delayMs).unref();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    route: (path, answer) => void table.set(path, answer),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Reads a recorded fixture kept beside an adapter (`src/<source>/fixtures/<name>`). */
export function fixture(importMetaUrl: string, name: string): string {
  return readFileSync(join(dirname(fileURLToPath(importMetaUrl)), 'fixtures', name), 'utf8');
}
