import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  browserMissing,
  ensureDashboardBuilt,
  inCi,
  launchChromium,
  SCREENSHOTS,
  startServer,
  type RunningServer,
} from './support.js';

const missing = browserMissing();
/** The inbox's rows (the filters' <option>s share the role, so scope to the list). */
const postingRows = (page: Page) =>
  page.getByRole('listbox', { name: 'Ranked postings' }).getByRole('option');
const INVENTED = 'I spent 14 years at Google as a Distinguished Engineer.';

describe('dashboard needs a browser', () => {
  it.skipIf(missing === null || !inCi())('fails in CI when Chromium is missing', () => {
    throw new Error(missing ?? '');
  });
});

describe.skipIf(missing !== null)(
  `review desk in Chromium${missing === null ? '' : ` (skipped: ${missing})`}`,
  () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    const dialogs: string[] = [];

    beforeAll(async () => {
      ensureDashboardBuilt();
      [server, browser] = await Promise.all([startServer({ count: 60 }), launchChromium()]);
      page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    const appliedCount = async (): Promise<number> => {
      const text = await page.getByTestId('applied-count').textContent();
      return Number(text);
    };

    it('serves the dashboard shell under the strict CSP, for / and client routes', async () => {
      const root = await fetch(`${server.url}/`);
      expect(root.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await root.text();
      expect(html).toContain('<title>ApplyDesk</title>');
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      const deep = await fetch(`${server.url}/pipeline`, { headers: { accept: 'text/html' } });
      expect(await deep.text()).toBe(html);
      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? '';
      const js = await fetch(`${server.url}${asset}`);
      expect(js.headers.get('cache-control')).toContain('immutable');
      expect(js.headers.get('content-type')).toContain('javascript');
      expect(
        (await fetch(`${server.url}/api/nothing`, { headers: { accept: 'text/html' } })).status,
      ).toBe(404);
    });

    it('moves the inbox selection with j and k', async () => {
      await page.goto(`${server.url}/inbox`);
      const rows = postingRows(page);
      await rows.first().waitFor();
      await expect.poll(() => rows.nth(0).getAttribute('aria-selected')).toBe('true');
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await expect.poll(() => rows.nth(2).getAttribute('aria-selected')).toBe('true');
      expect(await rows.nth(0).getAttribute('aria-selected')).toBe('false');
      await page.keyboard.press('k');
      await expect.poll(() => rows.nth(1).getAttribute('aria-selected')).toBe('true');
      const listbox = page.getByRole('listbox', { name: 'Ranked postings' });
      const active = await listbox.getAttribute('aria-activedescendant');
      expect(active).toBe(await rows.nth(1).getAttribute('id'));
    });

    it("approves with a and rejects with r the selected posting's best pending draft", async () => {
      const top = (await (
        await fetch(`${server.url}/api/jobs?sort=score&order=desc&limit=3`)
      ).json()) as { items: { id: string; title: string }[] };
      const [, second, third] = top.items;
      const draftFor = async (jobId: string) => {
        const res = await fetch(`${server.url}/api/jobs/${jobId}/drafts`, { method: 'POST' });
        return ((await res.json()) as { drafts: { id: string }[] }).drafts[0]!.id;
      };
      const status = async (draftId: string) =>
        ((await (await fetch(`${server.url}/api/drafts/${draftId}`)).json()) as { status: string })
          .status;
      const approveMe = await draftFor(second!.id);
      const rejectMe = await draftFor(third!.id);

      await page.goto(`${server.url}/inbox`);
      const rows = postingRows(page);
      await rows.first().waitFor();
      await page.keyboard.press('j');
      await expect.poll(() => rows.nth(1).getAttribute('aria-selected')).toBe('true');
      await page.keyboard.press('a');
      await page.getByRole('status').filter({ hasText: 'Approved the draft' }).waitFor();
      expect(await status(approveMe)).toBe('approved');

      await page.keyboard.press('j');
      await expect.poll(() => rows.nth(2).getAttribute('aria-selected')).toBe('true');
      await page.keyboard.press('r');
      await page.getByRole('status').filter({ hasText: 'Rejected the draft' }).waitFor();
      expect(await status(rejectMe)).toBe('rejected');
    });

    it('reviews a draft: flags an invented claim, clears it, approves, applies, and the funnel moves', async () => {
      await page.goto(`${server.url}/insights`);
      await page.getByTestId('applied-count').waitFor();
      const before = await appliedCount();

      const top = (await (
        await fetch(`${server.url}/api/jobs?sort=score&order=desc&limit=1`)
      ).json()) as {
        items: { id: string; title: string }[];
      };
      const job = top.items[0]!;
      await page.getByRole('link', { name: 'Inbox' }).click();
      await postingRows(page).first().click();
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/jobs/${job.id}`);
      await page.getByRole('heading', { level: 1, name: job.title }).waitFor();

      await page.getByRole('button', { name: 'Write draft' }).click();
      const card = page.locator('article.draft').first();
      await card.waitFor();
      const editor = card.locator('textarea');
      const original = await editor.inputValue();
      expect(original.length).toBeGreaterThan(50);
      await expect.poll(() => card.locator('mark.flag').count()).toBe(0);

      // An invented claim: the debounced save re-checks it and the flag appears in the text.
      await editor.fill(`${original}\n\n${INVENTED}`);
      const flag = card.locator('.checked mark.flag', { hasText: 'Google' });
      await flag.waitFor({ timeout: 10_000 });
      await card.scrollIntoViewIfNeeded();
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, 'posting-flagged-light-laptop.png') });
      expect(await card.getByRole('list', { name: 'Unsupported claims' }).textContent()).toMatch(
        /Google/,
      );

      // Approval is refused while the claim stands, and the server's reason is shown.
      await card.getByRole('button', { name: 'Approve' }).click();
      const alert = card.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/Google/);

      // Editing it back clears the flag.
      await editor.fill(original);
      await flag.waitFor({ state: 'detached', timeout: 10_000 });
      await expect.poll(() => card.locator('mark.flag').count()).toBe(0);

      await card.getByRole('button', { name: 'Approve' }).click();
      await card.getByRole('status').filter({ hasText: 'Approved.' }).waitFor();
      await card.locator('.chip.status-approved').waitFor();

      // The pipeline's keyboard alternative to dragging: the card's stage list.
      await page.getByRole('link', { name: 'Pipeline' }).click();
      const cardItem = page.locator(`li.card[data-job-id="${job.id}"]`);
      await cardItem.waitFor();
      await cardItem.locator('select').selectOption('applied');
      await page
        .locator(`section[data-stage="applied"] li.card[data-job-id="${job.id}"]`)
        .waitFor();

      // An illegal move is refused with the server's reason.
      await page.locator(`li.card[data-job-id="${job.id}"] select`).selectOption('discovered');
      const refused = page.getByRole('alert');
      await refused.waitFor();
      expect(await refused.textContent()).toMatch(/cannot move from applied to discovered/);

      // Its history lists the move.
      const moved = page.locator(`li.card[data-job-id="${job.id}"]`);
      await moved.getByRole('button', { name: 'History' }).click();
      await moved
        .getByRole('list', { name: 'Stage history' })
        .filter({ hasText: 'applied' })
        .waitFor();

      await page.getByRole('link', { name: 'Insights' }).click();
      await expect.poll(appliedCount, { timeout: 10_000 }).toBe(before + 1);
      expect(dialogs).toEqual([]);
    });

    it('moves a card by dragging it to another column', async () => {
      await page.goto(`${server.url}/pipeline`);
      const card = page.locator('section[data-stage="shortlisted"] li.card').first();
      await card.waitFor();
      const jobId = await card.getAttribute('data-job-id');
      // Grabbed by its title: the link inside must not turn this into dragging a URL.
      await card.getByRole('link').dragTo(page.locator('section[data-stage="drafting"]'));
      const alert = page.getByRole('alert');
      if ((await alert.count()) > 0) throw new Error(`move refused: ${await alert.textContent()}`);
      await page
        .locator(`section[data-stage="drafting"] li.card[data-job-id="${jobId}"]`)
        .waitFor();
      const detail = (await (await fetch(`${server.url}/api/jobs/${jobId}`)).json()) as {
        application: { stage: string };
      };
      expect(detail.application.stage).toBe('drafting');
    });
  },
);
