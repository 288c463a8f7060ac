import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { approveDraft, draftForJob, moveApplication, rankedList } from '@applydesk/engine';
import {
  browserMissing,
  ensureDashboardBuilt,
  launchChromium,
  SCREENSHOTS,
  startServer,
  type RunningServer,
} from './support.js';

const missing = browserMissing();
const LAPTOP = { width: 1366, height: 860 };
const PHONE = { width: 390, height: 844 };
type Scheme = 'light' | 'dark';

describe.skipIf(missing !== null)(
  `screenshots of every view${missing === null ? '' : ` (skipped: ${missing})`}`,
  () => {
    let server: RunningServer;
    let browser: Browser;
    let jobId = '';

    beforeAll(async () => {
      ensureDashboardBuilt();
      mkdirSync(SCREENSHOTS, { recursive: true });
      [server, browser] = await Promise.all([startServer({ count: 120 }), launchChromium()]);
      // A posting with drafts, and applications in a few stages, so no view is empty.
      const top = await rankedList(server.engine, { limit: 3 });
      for (const ranked of top) {
        const { drafts } = await draftForJob(server.engine, {
          jobId: ranked.job.id,
          actor: 'test',
        });
        if (ranked === top[0]) continue; // the posting view shows one still waiting for review
        await approveDraft(server.engine, { draftId: drafts[0]!.id, actor: 'test' });
        await moveApplication(server.engine, {
          jobId: ranked.job.id,
          stage: 'applied',
          actor: 'test',
        });
      }
      jobId = top[0]?.job.id ?? '';
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    async function shoot(
      path: string,
      name: string,
      scheme: Scheme,
      viewport = LAPTOP,
      ready = 'main h1',
    ) {
      const context = await browser.newContext({ viewport, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(`${server.url}${path}`);
      await page.locator(ready).first().waitFor();
      await page.waitForLoadState('networkidle').catch(() => undefined);
      const file = join(
        SCREENSHOTS,
        `${name}-${scheme}-${viewport === PHONE ? 'phone' : 'laptop'}.png`,
      );
      await page.screenshot({ path: file });
      // The dark screenshot really is dark: the page background follows the scheme.
      const background = await page.evaluate('getComputedStyle(document.body).backgroundColor');
      await context.close();
      return { file, background: String(background) };
    }

    it('writes the inbox at laptop and phone width, light and dark', async () => {
      const shots = [];
      for (const scheme of ['light', 'dark'] as const)
        for (const viewport of [LAPTOP, PHONE])
          shots.push(
            await shoot('/inbox', 'inbox', scheme, viewport, '[role="listbox"] [role="option"]'),
          );
      expect(shots.map((s) => s.background)).toEqual([
        'rgb(246, 246, 248)',
        'rgb(246, 246, 248)',
        'rgb(19, 19, 22)',
        'rgb(19, 19, 22)',
      ]);
    });

    it('writes every other view, light and dark', async () => {
      const views: [string, string, string?][] = [
        [`/jobs/${jobId}`, 'posting', 'article.draft'],
        ['/pipeline', 'pipeline', 'li.card'],
        ['/insights', 'insights', 'figure.chart'],
        ['/sources', 'sources'],
        ['/profile', 'profile'],
        ['/costs', 'costs', 'table'],
        ['/settings', 'settings', 'dl.facts'],
      ];
      for (const [path, name, ready] of views)
        for (const scheme of ['light', 'dark'] as const)
          await shoot(path, name, scheme, LAPTOP, ready);
      await shoot(`/jobs/${jobId}`, 'posting', 'light', PHONE, 'article.draft');
    });
  },
);
