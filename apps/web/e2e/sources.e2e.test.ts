import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { serve } from '@hono/node-server';
import { loadConfig } from '@applydesk/config';
import {
  generateSamplePostings,
  ingestJobs,
  openEngine,
  rankJobs,
  saveProfile,
  sampleProfile,
  sourceRunner,
  type OpenEngine,
} from '@applydesk/engine';
import { startReplayServer, type ReplayServer } from '@applydesk/sources/test-support';
import { createApp } from '../../server/src/app.js';
import { createLogger } from '../../server/src/logger.js';
import {
  browserMissing,
  ensureDashboardBuilt,
  launchChromium,
  SCREENSHOTS,
  WEB_ROOT,
} from './support.js';

const missing = browserMissing();
const REMOTIVE = readFileSync(
  join(WEB_ROOT, '../../packages/sources/src/remotive/fixtures/remote-jobs.json'),
  'utf8',
);
const JOBS = (JSON.parse(REMOTIVE) as { jobs: unknown[] }).jobs.length;
/** A few days after the recorded postings, so the date filters let them through. */
const NOW = new Date('2025-06-12T12:00:00Z');

interface Desk {
  url: string;
  engine: OpenEngine;
  close(): Promise<void>;
}

/** A seeded, ranked desk whose applydesk.yaml lists sources served by the replay server. */
async function deskWithSources(replay: ReplayServer): Promise<Desk> {
  const home = mkdtempSync(join(tmpdir(), 'applydesk-sources-e2e-'));
  writeFileSync(
    join(home, 'applydesk.yaml'),
    'sources:\n' +
      `  - { name: remote, type: remotive, baseUrl: "${replay.url}/remotive" }\n` +
      `  - { name: broken, type: remotive, baseUrl: "${replay.url}/broken" }\n`,
  );
  const engine = await openEngine(loadConfig({ env: { APPLYDESK_HOME: home } }), {
    now: () => NOW,
  });
  await saveProfile(engine, sampleProfile(), 'test');
  await ingestJobs(engine, generateSamplePostings({ now: NOW, count: 30 }), { actor: 'test' });
  await rankJobs(engine, { actor: 'test' });
  const app = createApp({
    ctx: engine,
    logger: createLogger('silent'),
    events: { pollMs: 100, heartbeatMs: 5000 },
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    engine,
    close: async () => {
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sourceRunner(engine).idle();
      await engine.close();
    },
  };
}

describe.skipIf(missing !== null)(
  `run a source now in Chromium${missing === null ? '' : ` (skipped: ${missing})`}`,
  () => {
    let replay: ReplayServer;
    let desk: Desk;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      ensureDashboardBuilt();
      mkdirSync(SCREENSHOTS, { recursive: true });
      replay = await startReplayServer();
      // Slow enough that the run is seen under way.
      replay.route('/remotive/api/remote-jobs', { body: REMOTIVE, delayMs: 1500 });
      replay.route('/broken/api/remote-jobs', { status: 500, body: '{"error":"exploded"}' });
      [desk, browser] = await Promise.all([deskWithSources(replay), launchChromium()]);
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await desk?.close();
      await replay?.close();
    });

    const inboxCount = async (): Promise<number> => {
      const count = page.locator('.inbox p.count');
      await expect.poll(() => count.textContent()).toMatch(/^[\d,]+ postings/);
      return Number(/^([\d,]+)/.exec((await count.textContent()) ?? '')?.[1]?.replace(/,/g, ''));
    };

    it('runs a source from its row: progress, then the summary, and the inbox grows', async () => {
      await page.goto(`${desk.url}/inbox`);
      const before = await inboxCount();

      await page.getByRole('link', { name: 'Sources' }).click();
      const row = page.getByRole('row', { name: /^Remotive remote/ });
      const button = row.getByRole('button', { name: 'Run Remotive (remote) now' });
      await button.click();

      // Under way: the button is disabled and a progress bar says what is happening.
      await expect.poll(() => button.isDisabled()).toBe(true);
      const bar = row.getByRole('progressbar', { name: 'Progress of Remotive (remote)' });
      await bar.waitFor();
      expect(await row.getByRole('status').first().textContent()).toMatch(
        /^(Starting…|Fetching…( \d+ postings so far)?)$/,
      );
      await page.screenshot({ path: join(SCREENSHOTS, 'sources-running-light-laptop.png') });

      const done = row.getByRole('status').filter({ hasText: 'Done:' });
      await done.waitFor({ timeout: 20_000 });
      expect(await done.textContent()).toBe(
        `Done: ${JOBS} fetched: ${JOBS} new, 0 updated, 0 duplicates, 0 closed, 0 errors`,
      );
      await expect.poll(() => button.isDisabled()).toBe(false);
      expect(await bar.count()).toBe(0);
      // The list was refreshed: the run is the source's last run now.
      await expect.poll(() => row.getByRole('cell').nth(1).textContent()).toContain('healthy');
      await page.screenshot({ path: join(SCREENSHOTS, 'sources-done-light-laptop.png') });

      await page.getByRole('link', { name: 'Inbox' }).click();
      await expect.poll(inboxCount).toBeGreaterThan(before);
    });

    it('shows why a failing source failed, and offers to run it anyway while it backs off', async () => {
      await page.goto(`${desk.url}/sources`);
      const row = page.getByRole('row', { name: /^Remotive broken/ });
      await row.getByRole('button', { name: 'Run Remotive (broken) now' }).click();
      const failed = row.getByRole('alert').filter({ hasText: 'Run failed:' });
      await failed.waitFor({ timeout: 20_000 });
      expect(await failed.textContent()).toMatch(/500/);
      await expect.poll(() => row.getByRole('cell').nth(1).textContent()).toContain('degraded');

      // Backing off now: the refusal says until when, and the user may run it anyway.
      await row.getByRole('button', { name: 'Run Remotive (broken) now' }).click();
      const held = row.getByRole('alert').filter({ hasText: /degraded until/ });
      await held.waitFor();
      await expect
        .poll(() => row.getByRole('button', { name: 'Run Remotive (broken) anyway' }).count())
        .toBe(1);
      await page.screenshot({ path: join(SCREENSHOTS, 'sources-held-light-laptop.png') });

      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        colorScheme: 'dark',
      });
      const phone = await context.newPage();
      await phone.goto(`${desk.url}/sources`);
      await phone.getByRole('button', { name: 'Run Remotive (remote) now' }).waitFor();
      await phone.screenshot({ path: join(SCREENSHOTS, 'sources-dark-phone.png') });
      await context.close();
    });
  },
);
