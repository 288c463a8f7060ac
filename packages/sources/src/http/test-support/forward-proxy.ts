import { createServer, type Server } from 'node:http';

/** A loopback forward proxy for tests: it serves absolute-URI requests by fetching them itself. */
export interface ForwardProxy {
  url: string;
  /** The absolute URIs it was asked for, in order. */
  seen: string[];
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'transfer-encoding',
  'te',
  'upgrade',
  'host',
]);

/**
 * Starts a forward proxy on 127.0.0.1. It stamps `x-proxied-by: <name>` on what it forwards,
 * so the origin can tell which proxy a request came through. With `broken`, it drops every
 * connection without an answer, as a dead proxy does.
 */
export async function startForwardProxy(
  name: string,
  options: { broken?: boolean } = {},
): Promise<ForwardProxy> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.url ?? '');
    if (options.broken === true) {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        if (HOP_BY_HOP.has(key) || value === undefined) continue;
        headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      headers.set('x-proxied-by', name);
      const body = chunks.length === 0 ? undefined : Buffer.concat(chunks);
      fetch(req.url ?? '', {
        method: req.method ?? 'GET',
        headers,
        ...(body === undefined ? {} : { body }),
      })
        .then(async (upstream) => {
          const out: Record<string, string> = {};
          upstream.headers.forEach((value, key) => {
            if (
              ![
                'content-encoding',
                'content-length',
                'transfer-encoding',
                'connection',
                'keep-alive',
              ].includes(key)
            )
              out[key] = value;
          });
          const bytes = Buffer.from(await upstream.arrayBuffer());
          res.writeHead(upstream.status, out);
          res.end(bytes);
        })
        .catch((error: unknown) => {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`proxy ${name} could not reach ${req.url}: ${String(error)}`);
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
