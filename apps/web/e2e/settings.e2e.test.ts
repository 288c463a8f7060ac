import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { serve } from '@hono/node-server';
import { loadConfig } from '@applydesk/config';
import { openEngine } from '@applydesk/engine';
import { createApp } from '../../server/src/app.js';
import { createLogger } from '../../server/src/logger.js';
import {
  browserMissing,
  ensureDashboardBuilt,
  launchChromium,
  SCREENSHOTS,
  startServer,
  type RunningServer,
} from './support.js';

const missing = browserMissing();

interface SettingsJson {
  configPath: string;
  filters: { keywordsExcluded: string[] };
  ranking: { minMatchScore: number; weights: Record<string, number> };
}

describe.skipIf(missing !== null)(
  `settings in Chromium${missing === null ? '' : ` (skipped: ${missing})`}`,
  () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      ensureDashboardBuilt();
      [server, browser] = await Promise.all([startServer({ count: 30 }), launchChromium()]);
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    const settings = async (): Promise<SettingsJson> =>
      (await (await fetch(`${server.url}/api/settings`)).json()) as SettingsJson;

    it('changes a weight and a keyword filter, saves them to the file, and shows field errors', async () => {
      await page.goto(`${server.url}/settings`);
      const form = page.getByRole('form', { name: 'Ranking and drafting settings' });
      await form.waitFor();

      await form.getByLabel('Weight: skills').fill('0.5');
      await form.getByLabel('Keywords excluded').fill('php, crypto');
      await form.getByRole('button', { name: 'Save settings' }).click();
      await form.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

      const saved = await settings();
      expect(saved.ranking.weights.skills).toBe(0.5);
      expect(saved.filters.keywordsExcluded).toEqual(['php', 'crypto']);
      const file = readFileSync(saved.configPath, 'utf8');
      expect(file).toMatch(/skills: 0\.5 +# required and nice-to-have skills/);
      expect(file).toMatch(/excluded: \[php, crypto\] +# none may appear/);

      // A value the config file would refuse is named next to its field; nothing is saved.
      const minScore = form.getByLabel('Minimum match score');
      await minScore.fill('140');
      await form.getByRole('button', { name: 'Save settings' }).click();
      await expect.poll(() => minScore.getAttribute('aria-invalid')).toBe('true');
      const described = (await minScore.getAttribute('aria-describedby')) ?? '';
      expect(await page.locator(`[id="${described}"]`).textContent()).toMatch(/100/);
      expect((await settings()).ranking.minMatchScore).toBe(70);
      expect(readFileSync(saved.configPath, 'utf8')).toBe(file);
    });
  },
);

const KEY = 'sk-e2e-0123456789SECRET';
const USER_FILE = `# my desk, tuned by hand
ranking:
  min_match_score: 60 # picky
filters:
  posted_within_days: 30 # a month is plenty
llm:
  providers: # keys in the environment
    - { name: openai, type: openai, apiKeyEnv: APPLYDESK_E2E_OPENAI_KEY }
    - { name: local, type: openai-compatible, baseUrl: 'http://127.0.0.1:11434/v1' }
  tasks:
    drafting: [openai:gpt-4.1-mini] # cheap first
  budget:
    daily_usd: 1 # hard stop
`;

interface FullSettingsJson {
  filters: {
    platforms: string[];
    experienceLevels: string[];
    postedWithinDays: number | null;
    appliedCompanyWithinDays: number | null;
  };
  ranking: { recency: { highDays: number; mediumDays: number; lowDays: number } };
  drafting: { tone: string };
  llm: {
    tasks: Record<string, string[]>;
    budget: { dailyUsd: number | null; monthlyUsd: number | null };
  };
}

/** A server over the user's own applydesk.yaml, with two model providers and one key set. */
async function serverWithFile(): Promise<{ url: string; path: string; close(): Promise<void> }> {
  const home = mkdtempSync(join(tmpdir(), 'applydesk-settings-e2e-'));
  const path = join(home, 'applydesk.yaml');
  writeFileSync(path, USER_FILE);
  const engine = await openEngine(
    loadConfig({ env: { APPLYDESK_HOME: home, APPLYDESK_E2E_OPENAI_KEY: KEY } }),
  );
  const app = createApp({ ctx: engine, logger: createLogger('silent') });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    path,
    close: async () => {
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await engine.close();
    },
  };
}

describe.skipIf(missing !== null)(
  `every tunable setting in Chromium${missing === null ? '' : ` (skipped: ${missing})`}`,
  () => {
    let server: Awaited<ReturnType<typeof serverWithFile>>;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      ensureDashboardBuilt();
      [server, browser] = await Promise.all([serverWithFile(), launchChromium()]);
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    /** The whole page in one picture: the dashboard scrolls inside its main area, so a
     * full-page shot would stop at the viewport; a window as tall as the page does not. */
    async function shootWhole(name: string): Promise<void> {
      const height = await page.evaluate('document.querySelector("main").scrollHeight');
      await page.setViewportSize({ width: 1280, height: Number(height) + 40 });
      await page.screenshot({ path: join(SCREENSHOTS, name) });
      await page.setViewportSize({ width: 1280, height: 900 });
    }

    const settings = async (): Promise<FullSettingsJson> =>
      (await (await fetch(`${server.url}/api/settings`)).json()) as FullSettingsJson;

    it('edits filters, recency, tone, model routes and budgets; GET and the file show them', async () => {
      await page.goto(`${server.url}/settings`);
      const form = page.getByRole('form', { name: 'Ranking and drafting settings' });
      await form.waitFor();

      // Providers are listed with whether their key is set, never the key.
      const providers = form.getByRole('table', { name: 'Model providers' });
      await expect
        .poll(() => providers.getByRole('row', { name: /^openai / }).textContent())
        .toContain('APPLYDESK_E2E_OPENAI_KEY set');
      expect(await providers.getByRole('row', { name: /^local / }).textContent()).toContain(
        'none needed',
      );
      expect(await page.content()).not.toContain(KEY);

      await form.getByLabel('Platforms').fill('greenhouse, upwork');
      const levels = form.getByRole('group', { name: 'Experience levels' });
      await levels.getByLabel('senior', { exact: true }).check();
      await levels.getByLabel('expert', { exact: true }).check();
      await form.getByLabel('Posted within days').fill('10');
      await form.getByLabel('Skip companies applied to within days').fill('45');
      await form.getByLabel('Medium up to days').fill('10');
      await form.getByLabel('Tone').selectOption('direct');
      await form.getByLabel('Models for drafting').fill('local:llama3.1:8b, openai:gpt-4.1-mini');
      await form.getByLabel('Monthly budget (USD)').fill('25');
      await shootWhole('settings-form-light-laptop.png');
      await form.getByRole('button', { name: 'Save settings' }).click();
      await form.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

      const saved = await settings();
      expect(saved.filters).toMatchObject({
        platforms: ['greenhouse', 'upwork'],
        experienceLevels: ['senior', 'expert'],
        postedWithinDays: 10,
        appliedCompanyWithinDays: 45,
      });
      expect(saved.ranking.recency).toEqual({ highDays: 3, mediumDays: 10, lowDays: 30 });
      expect(saved.drafting.tone).toBe('direct');
      expect(saved.llm.tasks.drafting).toEqual(['local:llama3.1:8b', 'openai:gpt-4.1-mini']);
      expect(saved.llm.budget).toEqual({ dailyUsd: 1, monthlyUsd: 25 });

      // Only the keys changed are written; the user's comments stay where they were.
      const file = readFileSync(server.path, 'utf8');
      expect(file).toContain('# my desk, tuned by hand');
      expect(file).toContain('min_match_score: 60 # picky');
      expect(file).toContain('posted_within_days: 10 # a month is plenty');
      expect(file).toContain('drafting: [local:llama3.1:8b, openai:gpt-4.1-mini] # cheap first');
      expect(file).toContain('daily_usd: 1 # hard stop');
      expect(file).toMatch(/monthly_usd: 25/);
      expect(file).toMatch(/experience_level: \[senior, expert\]/);
      expect(file).toMatch(/medium_days: 10/);
      expect(file).not.toMatch(/high_days|low_days/);
      expect(file).not.toContain(KEY);

      // A model of a provider the server does not run is named next to its field; nothing saved.
      const analysis = form.getByLabel('Models for analysis');
      await analysis.fill('claude:claude-sonnet-4');
      await form.getByRole('button', { name: 'Save settings' }).click();
      await expect.poll(() => analysis.getAttribute('aria-invalid')).toBe('true');
      const described = (await analysis.getAttribute('aria-describedby')) ?? '';
      const reason = page.locator(`[id="${described.split(' ').at(-1) ?? ''}"]`);
      expect(await reason.textContent()).toMatch(/claude/);
      await shootWhole('settings-form-error-light-laptop.png');
      expect((await settings()).llm.tasks.analysis).toEqual([]);
      expect(readFileSync(server.path, 'utf8')).toBe(file);
    });
  },
);
