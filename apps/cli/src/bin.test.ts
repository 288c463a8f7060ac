import { describe, expect, it } from 'vitest';
import { spawnCli, tempHome } from './test-support/run-cli.js';

/** Reads the child's stdout until `pattern` shows, or fails after `ms`. */
function waitFor(
  child: ReturnType<typeof spawnCli>,
  pattern: RegExp,
  ms: number,
): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`no ${String(pattern)} within ${ms} ms; got: ${seen}`)),
      ms,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = seen.match(pattern);
      if (match !== null) {
        clearTimeout(timer);
        resolve(match);
      }
    });
  });
}

describe('the applydesk executable (built)', () => {
  it('serves the demo, answers the API, and stops cleanly on SIGTERM', async () => {
    const child = spawnCli(['demo', '--port', '0'], {
      APPLYDESK_HOME: tempHome(),
      APPLYDESK_LOG_LEVEL: 'warn',
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    const [, url] = await waitFor(child, /Open (http:\/\/127\.0\.0\.1:\d+) /, 60_000);
    const res = await fetch(`${url}/api/jobs?limit=3`);
    const body = (await res.json()) as { items: unknown[]; total_count: number };
    expect(body.total_count).toBeGreaterThanOrEqual(300);
    expect(body.items).toHaveLength(3);
    expect((await fetch(`${url}/`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 90_000);
});
