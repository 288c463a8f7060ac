import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@applydesk/config';
import { openEngine, type OpenEngine } from '@applydesk/engine';
import { DEFAULT_ACCESS, type AccessSettings } from '../middleware/access.js';

/** An engine on a fresh, empty SQLite file: enough for tests of the HTTP layer itself. */
export async function emptyEngine(): Promise<OpenEngine> {
  const home = mkdtempSync(join(tmpdir(), 'applydesk-server-'));
  return openEngine(loadConfig({ env: { APPLYDESK_HOME: home } }));
}

export function access(over: Partial<AccessSettings> = {}): AccessSettings {
  return { ...DEFAULT_ACCESS, ...over };
}

/** What @hono/node-server hands a request as its env: the peer of the connection. */
export function fromAddress(remoteAddress: string): {
  incoming: { socket: { remoteAddress: string } };
} {
  return { incoming: { socket: { remoteAddress } } };
}

/** Reads a stream's text until `until` matches it or `timeoutMs` passes. */
export async function readUntil(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  until: RegExp,
  state: { text: string },
  timeoutMs = 5000,
): Promise<string> {
  const decoder = new TextDecoder();
  const deadline = Date.now() + timeoutMs;
  while (!until.test(state.text)) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`timed out waiting for ${String(until)}; got:\n${state.text}`);
    const chunk = await Promise.race([
      reader.read(),
      new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), left)),
    ]);
    if (chunk === 'timeout') continue;
    if (chunk.done) throw new Error(`stream ended before ${String(until)}; got:\n${state.text}`);
    state.text += decoder.decode(chunk.value, { stream: true });
  }
  return state.text;
}
