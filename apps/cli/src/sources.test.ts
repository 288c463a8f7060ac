import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startReplayServer, type ReplayServer } from '@applydesk/sources/test-support';
import { EXIT } from './exit-codes.js';
import { codeFromPaste, isLoopbackRedirect } from './oauth-callback.js';
import { runCli, tempHome } from './test-support/run-cli.js';

const fixture = (path: string) =>
  readFileSync(join(import.meta.dirname, '../../../packages/sources/src', path), 'utf8');
const REMOTIVE = fixture('remotive/fixtures/remote-jobs.json');
const TOKENS = fixture('upwork/fixtures/token-success.json');

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer({
    '/ok/api/remote-jobs': { body: REMOTIVE },
    '/down/api/remote-jobs': { status: 503, headers: { 'retry-after': '3600' }, body: 'down' },
    '/api/v3/oauth2/token': { body: TOKENS },
  });
});
afterAll(() => server.close());

function homeWith(sources: string): string {
  const home = tempHome();
  writeFileSync(join(home, 'applydesk.yaml'), `sources:\n${sources}`);
  return home;
}

describe('sources status', () => {
  it('shows each source: never run, then healthy or degraded with the reason and the wait', async () => {
    const home = homeWith(
      `  - { name: good, type: remotive, baseUrl: "${server.url}/ok", schedule: "0 */6 * * *" }\n` +
        `  - { name: flaky, type: remotive, baseUrl: "${server.url}/down" }\n`,
    );
    const before = await runCli(['sources'], { APPLYDESK_HOME: home });
    expect(before.code).toBe(EXIT.OK);
    expect(before.stdout).toMatch(/^· good\s+remotive\s+never run$/m);
    expect(before.stdout).toMatch(/schedule "0 \*\/6 \* \* \*", next run \d{4}-/);

    const ingest = await runCli(['ingest'], { APPLYDESK_HOME: home });
    expect(ingest.code).toBe(EXIT.FAILURE);

    const after = await runCli(['sources', 'status'], { APPLYDESK_HOME: home });
    expect(after.stdout).toMatch(/^✓ good\s+remotive\s+healthy$/m);
    expect(after.stdout).toMatch(/last run just now \(manual, ok\): \d+ fetched, \d+ new/);
    expect(after.stdout).toMatch(/^! flaky\s+remotive\s+degraded$/m);
    expect(after.stdout).toMatch(/why: .*503/);
    expect(after.stdout).toMatch(/waits until \S+ \(1 failed run in a row\)/);

    const json = JSON.parse(
      (await runCli(['sources', 'status', '--json'], { APPLYDESK_HOME: home })).stdout,
    ) as {
      name: string;
      health: { state: string; lastRun: { counts: { created: number } } | null };
    }[];
    expect(json.map((s) => [s.name, s.health.state])).toEqual([
      ['good', 'healthy'],
      ['flaky', 'degraded'],
    ]);
    expect(json[0]?.health.lastRun?.counts.created).toBeGreaterThan(0);

    // The degraded source is left alone on the next run unless forced.
    const again = await runCli(['ingest', '--source', 'flaky'], { APPLYDESK_HOME: home });
    expect(again.stdout).toMatch(/- flaky: skipped \(degraded until .*--force runs it anyway\)/);
    const forced = await runCli(['ingest', '--source', 'flaky', '--force'], {
      APPLYDESK_HOME: home,
    });
    expect(forced.stdout).toMatch(/✗ flaky: .*503/);
  });
});

describe('sources auth', () => {
  const env = (home: string) => ({
    APPLYDESK_HOME: home,
    UPWORK_CLIENT_ID: 'client-abc',
    UPWORK_CLIENT_SECRET: 'client-secret-xyz',
    UPWORK_REDIRECT_URI: 'https://example.com/upwork/callback',
  });
  const upwork = () =>
    `  - { name: upwork, type: upwork, query: typescript, baseUrl: "${server.url}" }\n`;

  it('takes the pasted redirect address, stores tokens encrypted, and can forget them', async () => {
    const home = homeWith(upwork());
    const run = await runCli(
      [
        'sources',
        'auth',
        'upwork',
        '--code',
        'https://example.com/upwork/callback?code=abc123&state=zzz',
      ],
      env(home),
    );
    expect(run.code).toBe(EXIT.OK);
    expect(run.stdout).toMatch(
      /✓ upwork is signed in; tokens are stored encrypted \(access expires .*renewed automatically\)/,
    );
    expect(new URLSearchParams(server.seen.at(-1)?.body).get('code')).toBe('abc123');
    const db = readFileSync(join(home, 'applydesk.sqlite'));
    expect(db.includes('oauth2v2_fixture')).toBe(false);
    const forget = await runCli(['sources', 'auth', 'upwork', '--logout'], env(home));
    expect(forget.stdout).toBe('Forgot the tokens of upwork.\n');
  });

  it('catches the browser coming back on a loopback redirect, checking the state', async () => {
    const home = homeWith(upwork());
    const port = 40000 + Math.floor(Math.random() * 20000);
    const redirect = `http://127.0.0.1:${port}/callback`;
    let printed = '';
    const pending = runCli(
      ['sources', 'auth', 'upwork', '--timeout', '20'],
      { ...env(home), UPWORK_REDIRECT_URI: redirect },
      (text) => (printed += text),
    );
    await vi.waitFor(() => expect(printed).toContain('Waiting for the answer'), {
      timeout: 10_000,
      interval: 50,
    });
    const authorize = /https:\/\/www\.upwork\.com\S+/.exec(printed)?.[0] ?? '';
    const state = new URL(authorize).searchParams.get('state') ?? '';
    expect(state).toMatch(/^[\w-]{20,}$/);
    // An answer carrying another state did not come from this sign-in: refused, still waiting.
    const forged = await fetch(`${redirect}?code=forged&state=not-${state}`);
    expect(forged.status).toBe(400);
    const back = await fetch(`${redirect}?code=loopback-code&state=${state}`);
    expect(back.status).toBe(200);
    expect(await back.text()).toContain('ApplyDesk is connected');
    const run = await pending;
    expect(run.code).toBe(EXIT.OK);
    expect(new URLSearchParams(server.seen.at(-1)?.body).get('code')).toBe('loopback-code');
  });

  it('explains a redirect it cannot catch and a source that needs no sign-in', async () => {
    const home = homeWith(
      upwork() + `  - { name: board, type: remotive, baseUrl: "${server.url}/ok" }\n`,
    );
    const cannot = await runCli(['sources', 'auth', 'upwork'], env(home));
    expect(cannot.code).toBe(EXIT.DATA);
    expect(cannot.stderr).toContain('https://www.upwork.com/ab/account-security/oauth2/authorize?');
    expect(cannot.stderr).toMatch(
      /error: https:\/\/example.com\/upwork\/callback is not on this machine/,
    );
    expect(cannot.stderr).toMatch(/fix: run again with --code/);
    const none = await runCli(['sources', 'auth', 'board'], env(home));
    expect(none.stderr).toMatch(/error: board \(Remotive\) needs no sign-in/);
  });
});

describe('oauth helpers', () => {
  it('knows a loopback redirect and reads codes from pasted addresses', () => {
    expect(isLoopbackRedirect('http://127.0.0.1:8765/cb')).toBe(true);
    expect(isLoopbackRedirect('http://localhost:8765/cb')).toBe(true);
    expect(isLoopbackRedirect('https://127.0.0.1:8765/cb')).toBe(false);
    expect(isLoopbackRedirect('http://example.com:8765/cb')).toBe(false);
    expect(codeFromPaste(' https://x.test/cb?code=a%2Bb&state=s ')).toEqual({
      code: 'a+b',
      state: 's',
    });
    expect(codeFromPaste('plain-code')).toEqual({ code: 'plain-code', state: null });
    expect(() => codeFromPaste('https://x.test/cb?error=access_denied')).toThrow(
      /refused \(access_denied\)/,
    );
  });
});
