import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReplayServer, type ReplayServer } from '@applydesk/sources/test-support';
import { EXIT } from './exit-codes.js';
import { runCli, tempHome } from './test-support/run-cli.js';

const REMOTIVE = readFileSync(
  join(import.meta.dirname, '../../../packages/sources/src/remotive/fixtures/remote-jobs.json'),
  'utf8',
);

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer({ '/api/remote-jobs': { body: REMOTIVE } });
});
afterAll(() => server.close());

function homeWith(sources: string): string {
  const home = tempHome();
  writeFileSync(join(home, 'applydesk.yaml'), `sources:\n${sources}`);
  return home;
}

describe('sources list', () => {
  it('describes every type with its options, secrets and terms', async () => {
    const run = await runCli(['sources', 'list', '--json'], { APPLYDESK_HOME: tempHome() });
    expect(run.code).toBe(EXIT.OK);
    const types = JSON.parse(run.stdout) as {
      type: string;
      options: { name: string }[];
      secrets: string[];
      terms: { minPollMinutes: number };
    }[];
    const remotive = types.find((t) => t.type === 'remotive');
    expect(remotive?.options.map((o) => o.name)).toEqual(
      expect.arrayContaining(['search', 'category']),
    );
    expect(remotive?.terms.minPollMinutes).toBeGreaterThanOrEqual(60);
    expect(types.find((t) => t.type === 'themuse')?.secrets).toEqual(['THEMUSE_API_KEY']);
  });
});

describe('ingest', () => {
  it('collects a configured source, adds nothing twice, and ranks nothing without a profile', async () => {
    const home = homeWith(`  - name: remote\n    type: remotive\n    baseUrl: ${server.url}\n`);
    const first = await runCli(['ingest', '--json'], { APPLYDESK_HOME: home });
    expect(first.stderr).toMatch(/^remote: (\d+)\/\1$/m);
    expect(first.code).toBe(EXIT.OK);
    const { sources } = JSON.parse(first.stdout) as {
      sources: {
        name: string;
        status: string;
        fetched: number;
        created: number;
        unchanged: number;
      }[];
    };
    const expected = (JSON.parse(REMOTIVE) as { jobs: unknown[] }).jobs.length;
    expect(sources).toEqual([
      expect.objectContaining({ name: 'remote', status: 'ok', fetched: expected }),
    ]);
    expect(sources[0]!.created).toBeGreaterThan(0);

    const again = JSON.parse(
      (await runCli(['ingest', '--json'], { APPLYDESK_HOME: home })).stdout,
    ) as { sources: { created: number; unchanged: number }[] };
    expect(again.sources[0]).toMatchObject({ created: 0, unchanged: sources[0]!.created });

    const listed = JSON.parse(
      (await runCli(['jobs', 'list', '--json', '--source', 'remotive'], { APPLYDESK_HOME: home }))
        .stdout,
    ) as { total_count: number };
    expect(listed.total_count).toBe(sources[0]!.created);
  });

  it('reports a failing source and still runs the others, exiting 1', async () => {
    const home = homeWith(
      `  - name: broken\n    type: remotive\n    baseUrl: http://127.0.0.1:9\n  - name: remote\n    type: remotive\n    baseUrl: ${server.url}\n`,
    );
    const run = await runCli(['ingest'], { APPLYDESK_HOME: home });
    expect(run.code).toBe(EXIT.FAILURE);
    expect(run.stdout).toMatch(/^✗ broken: cannot reach http:\/\/127\.0\.0\.1:9/m);
    expect(run.stdout).toMatch(/^✓ remote: \d+ fetched, \d+ new/m);
  });

  it('refuses an unknown type or a bad option naming the entry, with exit 78', async () => {
    const home = homeWith(
      `  - name: x\n    type: monster\n  - name: y\n    type: hn\n    months: 40\n`,
    );
    const run = await runCli(['ingest'], { APPLYDESK_HOME: home });
    expect(run.code).toBe(EXIT.CONFIG);
    expect(run.stderr).toMatch(/sources\.0\.type: unknown source type "monster"/);
    expect(run.stderr).toMatch(/sources\.1\.months: /);
  });

  it('tests a source by name', async () => {
    const home = homeWith(`  - name: remote\n    type: remotive\n    baseUrl: ${server.url}\n`);
    const ok = await runCli(['sources', 'test', 'remote'], { APPLYDESK_HOME: home });
    expect(ok.code).toBe(EXIT.OK);
    expect(ok.stdout).toMatch(/^✓ remote \(remotive\): /);
    const missing = await runCli(['sources', 'test', 'nope'], { APPLYDESK_HOME: home });
    expect(missing.code).toBe(EXIT.NO_INPUT);
    expect(missing.stderr).toContain('configured: remote');
  });
});
