import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  browserMissing,
  ensureDashboardBuilt,
  launchChromium,
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
