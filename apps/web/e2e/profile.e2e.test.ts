import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SAMPLE, toMarkdown } from '../../../packages/documents/src/test-support/resume.js';
import {
  browserMissing,
  ensureDashboardBuilt,
  launchChromium,
  SCREENSHOTS,
  startServer,
  type RunningServer,
} from './support.js';
import { RUST_POSTING } from '../../server/src/test-support/seeded-engine.js';

const missing = browserMissing();
const LAPTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

interface ProfileJson {
  basics: { name: string };
  skills: { name: string; keywords: string[] }[];
  preferences: Record<string, unknown>;
}

describe.skipIf(missing !== null)(
  `the profile in Chromium${missing === null ? '' : ` (skipped: ${missing})`}`,
  () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let rustJobId = '';

    beforeAll(async () => {
      ensureDashboardBuilt();
      mkdirSync(SCREENSHOTS, { recursive: true });
      [server, browser] = await Promise.all([
        startServer({ count: 30, extra: [RUST_POSTING] }),
        launchChromium(),
      ]);
      page = await browser.newPage({ viewport: LAPTOP });
      // No live updates (as for a browser with a token set), so a fresh score in the inbox
      // comes from the profile view refreshing its queries, not from the event stream.
      await page.route('**/api/events/stream**', (route) => route.abort());
      const found = (await (
        await fetch(`${server.url}/api/jobs?q=Ferrous&rejected=include&status=all`)
      ).json()) as { items: { id: string; company: string }[] };
      rustJobId = found.items.find((j) => j.company === RUST_POSTING.company)?.id ?? '';
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    const profile = async (): Promise<ProfileJson> =>
      (await (await fetch(`${server.url}/api/profile`)).json()) as ProfileJson;

    /** The Rust posting's score as the inbox row shows it, after searching for it. */
    async function inboxScore(): Promise<string> {
      await page.getByLabel('Search postings').fill('Ferrous');
      // The search's own answer (only this posting), not the unfiltered list before it.
      const rows = page.getByRole('listbox', { name: 'Ranked postings' }).getByRole('option');
      await expect.poll(() => rows.count()).toBe(1);
      return (await page.locator(`[id="job-${rustJobId}"] .score`).textContent()) ?? '';
    }

    /** The whole page in one picture: the dashboard scrolls inside its main area. */
    async function shootWhole(on: Page, name: string, width: number): Promise<void> {
      const height = await on.evaluate('document.querySelector("main").scrollHeight');
      await on.setViewportSize({ width, height: Number(height) + 40 });
      await on.screenshot({ path: join(SCREENSHOTS, name) });
    }

    it("edits a skill, saves it, and the inbox shows the posting's new score", async () => {
      expect(rustJobId).not.toBe('');
      await page.goto(`${server.url}/inbox`);
      const before = await inboxScore();
      expect(Number(before)).toBeGreaterThan(0);

      // In-app navigation, so the inbox's cached page must be invalidated to change.
      await page.getByRole('link', { name: 'Profile' }).click();
      const form = page.getByRole('form', { name: 'Edit profile' });
      await form.waitFor();
      const keywords = form.getByLabel('Keywords of Backend');
      const typed = await keywords.inputValue();
      expect(typed).toContain('TypeScript');
      await keywords.fill(`${typed}, Rust`);

      // A field the server refuses is named next to it, and nothing is saved.
      const currency = form.getByLabel('Currency');
      await currency.fill('dollars');
      await form.getByRole('button', { name: 'Save profile' }).click();
      await expect.poll(() => currency.getAttribute('aria-invalid')).toBe('true');
      const described = (await currency.getAttribute('aria-describedby')) ?? '';
      const reason = page.locator(`[id="${described.split(' ').at(-1) ?? ''}"]`);
      expect(await reason.textContent()).toMatch(/pattern|match|invalid/i);
      expect(await form.getByRole('alert').textContent()).toContain('Nothing was saved');
      expect((await profile()).skills.find((s) => s.name === 'Backend')?.keywords).not.toContain(
        'Rust',
      );
      await shootWhole(page, 'profile-form-error-light-laptop.png', LAPTOP.width);
      await page.setViewportSize(LAPTOP);

      await currency.fill('USD');
      await form.getByRole('button', { name: 'Save profile' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      expect(await form.getByLabel('Currency').getAttribute('aria-invalid')).toBe('false');

      const saved = await profile();
      expect(saved.skills.find((s) => s.name === 'Backend')?.keywords).toContain('Rust');

      await page.getByRole('link', { name: 'Inbox' }).click();
      await expect.poll(inboxScore).not.toBe(before);
      expect(Number(await inboxScore())).toBeGreaterThan(Number(before));
    });

    it('re-imports a resume: previews the changes and unplaced lines, then saves on confirm', async () => {
      const before = await profile();
      await page.goto(`${server.url}/profile`);
      await page.getByRole('form', { name: 'Edit profile' }).waitFor();

      // A refused file says why, and nothing is stored.
      await page.getByLabel('Resume file').setInputFiles({
        name: 'scan.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      });
      const refusal = page.locator('.profile-import [role="alert"]');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('PNG image');

      await page.getByLabel('Resume file').setInputFiles({
        name: 'jane-doe.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from(toMarkdown(SAMPLE)),
      });
      const preview = page.getByRole('region', { name: 'Import preview' });
      await preview.waitFor();
      const changes = preview.getByRole('list', { name: 'What would change' });
      expect(await changes.textContent()).toContain('Daniela Ferreira → Jane Doe');
      expect(await changes.textContent()).toMatch(/Experience added:.*Acme Payments GmbH/);
      expect(await preview.getByRole('list', { name: 'Unplaced lines' }).textContent()).toMatch(
        /Volunteer/i,
      );
      expect(await preview.textContent()).toContain('preferences');
      // Previewing stored nothing.
      expect((await profile()).basics.name).toBe(before.basics.name);
      await shootWhole(page, 'profile-import-preview-light-laptop.png', LAPTOP.width);
      await page.setViewportSize(LAPTOP);

      // The same preview at phone width in the dark scheme.
      const context = await browser.newContext({ viewport: PHONE, colorScheme: 'dark' });
      const phone = await context.newPage();
      await phone.goto(`${server.url}/profile`);
      await phone.getByLabel('Resume file').setInputFiles({
        name: 'jane-doe.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from(toMarkdown(SAMPLE)),
      });
      const phonePreview = phone.getByRole('region', { name: 'Import preview' });
      await phonePreview.waitFor();
      const overflow = await phone.evaluate(
        'document.querySelector("main").scrollWidth - document.querySelector("main").clientWidth',
      );
      expect(Number(overflow)).toBeLessThanOrEqual(0);
      await shootWhole(phone, 'profile-import-preview-dark-phone.png', PHONE.width);
      await context.close();

      await preview.getByRole('button', { name: 'Save imported profile' }).click();
      await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
      await page.getByRole('heading', { level: 1, name: 'Jane Doe' }).waitFor();
      const after = await profile();
      expect(after.basics.name).toBe('Jane Doe');
      expect(after.preferences).toEqual(before.preferences);
      // The form now edits the imported profile.
      expect(
        await page
          .getByRole('form', { name: 'Edit profile' })
          .getByLabel('Name', { exact: true })
          .inputValue(),
      ).toBe('Jane Doe');
    });
  },
);
