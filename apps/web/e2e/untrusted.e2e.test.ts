import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { JobInputDraft } from '@applydesk/domain';
import { NOW } from '../../server/src/test-support/seeded-engine.js';
import {
  browserMissing,
  ensureDashboardBuilt,
  launchChromium,
  startServer,
  type RunningServer,
} from './support.js';

const missing = browserMissing();

/** A posting written to attack whoever reads it: every classic way to run script from HTML. */
const HOSTILE: JobInputDraft = {
  sourceType: 'greenhouse',
  sourceId: 'greenhouse:evil',
  externalId: 'xss-1',
  url: 'https://evil.example.com/jobs/1',
  title: 'Staff Engineer <img src=x onerror="window.__xss=1">',
  company: 'Evil Corp <script>window.__xss=2</script>',
  location: 'Remote',
  remote: 'remote',
  descriptionHtml: [
    '<p>We build TypeScript and PostgreSQL services.</p>',
    '<script>window.__xss = 3; alert("script")</script>',
    '<img src="x" onerror="window.__xss = 4; alert(\'img\')">',
    '<p><a href="javascript:window.__xss=5;alert(\'link\')">Apply here</a></p>',
    '<p><a href="JaVaScRiPt:alert(6)">Mixed case</a> and <a href="https://example.com/ok">a real link</a></p>',
    '<svg onload="alert(7)"><circle r="1"/></svg>',
    '<iframe src="javascript:alert(8)"></iframe>',
    '<p onclick="alert(9)" style="background:url(javascript:alert(10))">Click me</p>',
  ].join(''),
  descriptionText: 'We build TypeScript and PostgreSQL services. <script>alert(11)</script>',
  skills: ['typescript', 'postgresql'],
  postedAt: '2026-11-19T12:00:00Z',
  fetchedAt: NOW.toISOString(),
  raw: {},
};

describe.skipIf(missing !== null)(
  `untrusted postings in Chromium${missing === null ? '' : ` (skipped: ${missing})`}`,
  () => {
    let server: RunningServer;
    let browser: Browser;

    beforeAll(async () => {
      ensureDashboardBuilt();
      [server, browser] = await Promise.all([
        startServer({ count: 20, extra: [HOSTILE] }),
        launchChromium(),
      ]);
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('shows a hostile description as text, keeps only http(s) links, and runs nothing', async () => {
      const list = (await (await fetch(`${server.url}/api/jobs?q=Evil&limit=5`)).json()) as {
        items: { id: string; title: string }[];
      };
      const job = list.items.find((j) => j.title.startsWith('Staff Engineer'));
      expect(job).toBeDefined();

      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));

      await page.goto(`${server.url}/jobs/${job!.id}`);
      const heading = page.getByRole('heading', { level: 1 });
      await heading.waitFor();
      // The markup in the title is shown as the characters it is.
      expect(await heading.textContent()).toContain('<img src=x onerror=');
      const description = page.locator('.description');
      await description.waitFor();
      expect(await description.textContent()).toContain(
        'We build TypeScript and PostgreSQL services.',
      );

      // Clicking what was a javascript: link does nothing.
      const apply = description.getByText('Apply here');
      if ((await apply.count()) > 0) await apply.click();
      await page.waitForTimeout(300);

      expect(dialogs).toEqual([]);
      expect(await page.evaluate('window.__xss')).toBeUndefined();
      expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
      expect(await page.locator('[href*="javascript:" i], [src*="javascript:" i]').count()).toBe(0);
      expect(await page.locator('[onerror], [onclick], [onload]').count()).toBe(0);
      expect(await description.locator('script, img, svg, iframe').count()).toBe(0);
      const links = description.locator('a');
      for (let i = 0; i < (await links.count()); i++) {
        const link = links.nth(i);
        expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
        expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
        expect(await link.getAttribute('target')).toBe('_blank');
      }
      // The only scripts in the page are the dashboard's own bundle.
      const scripts = page.locator('script');
      for (let i = 0; i < (await scripts.count()); i++)
        expect(await scripts.nth(i).getAttribute('src')).toMatch(/^\/assets\//);
      expect(errors).toEqual([]);
      await page.close();
    });
  },
);
