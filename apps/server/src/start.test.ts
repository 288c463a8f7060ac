import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { DomainError } from '@applydesk/domain';
import { createLogger } from './logger.js';
import { startServer } from './start.js';

const logger = createLogger('silent');

describe('startServer', () => {
  it('finishes a request in flight before closing, and refuses new ones after', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const app = new Hono().get('/slow', async (c) => {
      await gate;
      return c.text('finished');
    });
    const server = await startServer(app, { host: '127.0.0.1', port: 0, logger });
    const inFlight = fetch(`${server.url}/slow`);
    await new Promise((r) => setTimeout(r, 100));
    const closed = server.close();
    let closedYet = false;
    void closed.then(() => (closedYet = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(closedYet).toBe(false);
    release();
    const res = await inFlight;
    expect(await res.text()).toBe('finished');
    await closed;
    await expect(fetch(`${server.url}/slow`)).rejects.toThrow();
  });

  it('reports a port in use as PORT_IN_USE with the fix', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const error = await startServer(new Hono(), { host: '127.0.0.1', port, logger }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('PORT_IN_USE');
      expect((error as DomainError).message).toBe(`port ${port} on 127.0.0.1 is already in use`);
      expect((error as DomainError).hint).toContain('--port');
    } finally {
      blocker.close();
    }
  });
});
