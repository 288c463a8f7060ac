import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  browserMissing,
  ensureExtensionBuilt,
  inCi,
  launchWithExtension,
  startApplyDesk,
  startPageServer,
  type ApplyDeskServer,
  type LoadedExtension,
  type PageServer,
} from './support.js';

const missing = browserMissing();
if (missing !== null && inCi()) throw new Error(`browser tests must run under CI: ${missing}`);

const SEARCH = 'https://www.upwork.com/nx/search/jobs/?q=typescript';
const JOB = 'https://www.upwork.com/jobs/~021861234567890123456';
const GREENHOUSE = 'https://boards.greenhouse.io/northwind/jobs/5123456';

/** The few extension APIs the tests call inside the extension's worker and pages. */
interface ChromeApi {
  storage: {
    local: {
      get(keys: string[]): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
  action: { getBadgeText(details: object): Promise<string> };
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

interface Listed {
  id: string;
  url: string;
  score: number | null;
  stage: string;
}

describe.skipIf(missing !== null)('browser extension in Chromium', () => {
  let pages: PageServer;
  let server: ApplyDeskServer;
  let ext: LoadedExtension;

  /** The server's postings whose url is one of the Upwork tiles, found over HTTP with a token. */
  async function upworkJobs(): Promise<Listed[]> {
    const res = await fetch(`${server.url}/api/jobs?source=upwork&limit=200&rejected=include`, {
      headers: { Authorization: `Bearer ${server.token}` },
    });
    return ((await res.json()) as { items: Listed[] }).items;
  }

  const storage = (keys: string[]): Promise<Record<string, unknown>> =>
    ext.worker.evaluate(
      (k) => (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.get(k),
      keys,
    );
  const badge = (): Promise<string> =>
    ext.worker.evaluate(() =>
      (globalThis as unknown as { chrome: ChromeApi }).chrome.action.getBadgeText({}),
    );

  async function tabIdOf(url: string): Promise<number> {
    const id = await ext.worker.evaluate(async (u) => {
      const tabs = await (globalThis as unknown as { chrome: ChromeApi }).chrome.tabs.query({});
      return tabs.find((t) => t.url === u)?.id ?? null;
    }, url);
    if (id === null) throw new Error(`no tab shows ${url}`);
    return id;
  }

  /** The side panel's page for a tab. Headless Chromium cannot open the real side panel (it
   * needs a click on the toolbar), so the same page is opened in a tab, aimed by `?tab=`. */
  async function openPanel(url: string): Promise<Page> {
    const panel = await ext.context.newPage();
    await panel.goto(`chrome-extension://${ext.id}/sidepanel.html?tab=${await tabIdOf(url)}`);
    return panel;
  }

  /** Clicks a tile's Save button: a real (trusted) click at the button inside the badge. */
  async function clickSave(page: Page, index: number): Promise<void> {
    await page.locator('applydesk-tile').nth(index).locator('button').click();
  }

  beforeAll(async () => {
    ensureExtensionBuilt();
    pages = await startPageServer();
    server = await startApplyDesk();
    ext = await launchWithExtension(pages.port);
  });

  afterAll(async () => {
    await ext?.context.close();
    await server?.close();
    await pages?.close();
  });

  it('pairs with a code from the options page and stores the token', async () => {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.id}/options.html`);
    await options.fill('#server', server.url);
    await options.fill('#code', await server.pairingCode());
    await options.click('#save');
    await expect.poll(() => options.textContent('#status')).toContain('Paired as');
    const stored = await storage(['server', 'token']);
    expect(stored.server).toBe(server.url);
    expect(typeof stored.token).toBe('string');
    await options.close();
  });

  it('badges every Upwork tile and saves one tile to the server', async () => {
    const page = await ext.context.newPage();
    await page.goto(SEARCH);
    await expect.poll(() => page.locator('applydesk-tile').count()).toBe(3);
    expect(await page.locator('applydesk-tile').first().textContent()).toBeDefined();

    await clickSave(page, 1);
    await expect
      .poll(() => page.locator('applydesk-tile').nth(1).locator('button').textContent())
      .toBe('Saved');
    const saved = (await upworkJobs()).find(
      (j) => j.url === 'https://www.upwork.com/jobs/~021862345678901234567',
    );
    expect(saved).toBeDefined();
    expect(typeof saved?.score).toBe('number');
    await expect
      .poll(() => page.locator('applydesk-tile').nth(1).locator('span').textContent())
      .toBe(`ApplyDesk ${saved?.score}`);
    await page.close();
  });

  it('badges Upwork search results reached from a job page without a page load', async () => {
    const page = await ext.context.newPage();
    await page.goto(JOB);
    expect(await page.locator('applydesk-tile').count()).toBe(0);
    await page.evaluate(async () => {
      const html = await (await fetch('/search-markup')).text();
      history.pushState({}, '', '/nx/search/jobs/?q=rust');
      document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
    });
    await expect.poll(() => page.locator('applydesk-tile').count(), { timeout: 10_000 }).toBe(3);
    await page.close();
  });

  it('captures a job page from the panel, shows its score, picks a draft, fills the form without submitting, marks it applied', async () => {
    const page = await ext.context.newPage();
    await page.goto(JOB);
    const panel = await openPanel(JOB);
    await expect.poll(() => panel.textContent('#score'), { timeout: 15_000 }).toMatch(/^\d+$/);
    const job = (await upworkJobs()).find((j) => j.url === JOB);
    expect(job).toBeDefined();
    expect(await panel.textContent('#score')).toBe(String(job?.score));
    expect(await panel.locator('#reasons li').count()).toBeGreaterThan(0);
    expect(await panel.textContent('#form-info')).toContain('2 question field(s)');

    await panel.click('#generate');
    await expect
      .poll(() => panel.locator('.draft .pick').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await panel.locator('.draft .pick').first().click();
    await expect.poll(() => panel.locator('.draft.approved').count()).toBe(1);
    const approved = (await panel.locator('.draft.approved pre').textContent()) ?? '';
    expect(approved.length).toBeGreaterThan(20);

    await expect.poll(() => panel.isEnabled('#fill')).toBe(true);
    await panel.click('#fill');
    await expect.poll(() => page.inputValue('#cover-letter-textarea')).toBe(approved);
    expect(await panel.textContent('#message')).toContain('submit it yourself');
    // Nothing pressed the page's submit button or submitted its form.
    expect(await page.getAttribute('body', 'data-submitted')).toBeNull();

    await panel.click('#applied');
    await expect.poll(() => panel.textContent('#message')).toContain('Marked as applied');
    expect((await upworkJobs()).find((j) => j.url === JOB)?.stage).toBe('applied');
    await panel.close();
    await page.close();
  });

  it('queues captures while the server is unreachable, once per posting, and sends them later', async () => {
    const { url } = server;
    // A port nothing listens on: connections are refused, as with a stopped server.
    await ext.worker.evaluate(() =>
      (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.set({
        server: 'http://127.0.0.1:9',
      }),
    );
    const page = await ext.context.newPage();
    await page.goto(SEARCH);
    await expect.poll(() => page.locator('applydesk-tile').count()).toBe(3);
    await clickSave(page, 2);
    await expect
      .poll(() => page.locator('applydesk-tile').nth(2).locator('button').textContent())
      .toBe('Queued');
    await page.reload();
    await expect.poll(() => page.locator('applydesk-tile').count()).toBe(3);
    await clickSave(page, 2);
    await expect
      .poll(() => page.locator('applydesk-tile').nth(2).locator('button').textContent())
      .toBe('Queued');
    expect(((await storage(['queue'])).queue as unknown[]).length).toBe(1);
    expect(await badge()).toBe('1');

    await ext.worker.evaluate(
      (u) =>
        (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.set({ server: u }),
      url,
    );
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.id}/options.html`);
    await options.evaluate(() =>
      (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime.sendMessage({
        type: 'flush',
      }),
    );
    await expect.poll(async () => ((await storage(['queue'])).queue as unknown[]).length).toBe(0);
    expect(await badge()).toBe('');
    expect(
      (await upworkJobs()).some(
        (j) => j.url === 'https://www.upwork.com/jobs/~021863456789012345678',
      ),
    ).toBe(true);
    await options.close();
    await page.close();
  });

  it('ignores forged messages and synthetic clicks from the page', async () => {
    pages.pages.set(
      'www.upwork.com/jobs/~029999999999999999999',
      `<!doctype html><html><body>
        <form id="f"><label for="cl">Cover Letter</label><textarea id="cl" name="coverLetter"></textarea>
        <button type="submit">Send</button></form>
        <script>
          document.getElementById('f').addEventListener('submit', (e) => { e.preventDefault(); document.body.dataset.submitted = 'yes'; });
        </script></body></html>`,
    );
    const page = await ext.context.newPage();
    await page.goto('https://www.upwork.com/jobs/~029999999999999999999');
    const before = (await upworkJobs()).length;
    const attempts = await page.evaluate(async (id) => {
      const forged = { type: 'fill', letter: 'FORGED', answers: [] };
      window.postMessage(forged, '*');
      window.postMessage({ ...forged, sender: { id } }, '*');
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome
        ?.runtime;
      let sendMessage = 'unavailable';
      if (typeof runtime?.sendMessage === 'function') {
        try {
          await (runtime.sendMessage as (i: string, m: unknown) => Promise<unknown>)(id, {
            type: 'capture',
            capture: {
              kind: 'upwork-search',
              pageUrl: location.href,
              capturedAt: new Date().toISOString(),
              jobs: [],
            },
          });
          sendMessage = 'answered';
        } catch {
          sendMessage = 'refused';
        }
      }
      await new Promise((r) => setTimeout(r, 500));
      return { sendMessage, value: (document.getElementById('cl') as HTMLTextAreaElement).value };
    }, ext.id);
    expect(attempts.value).toBe('');
    expect(attempts.sendMessage).not.toBe('answered');
    expect(await page.getAttribute('body', 'data-submitted')).toBeNull();

    // A script of the search page pressing an ApplyDesk button is not the user: nothing is saved.
    const search = await ext.context.newPage();
    await search.goto(SEARCH);
    await expect.poll(() => search.locator('applydesk-tile').count()).toBe(3);
    await search.evaluate(() => {
      const host = document.querySelectorAll('applydesk-tile')[0];
      host?.shadowRoot?.querySelector('button')?.click();
    });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await search.locator('applydesk-tile').nth(0).locator('button').textContent()).toBe(
      'Save',
    );
    expect((await upworkJobs()).length).toBe(before);
    await search.close();
    await page.close();
  });

  it('follows LinkedIn from the feed to a posting and on to another without a page load', async () => {
    // The user starts on the feed and opens a posting from it: LinkedIn loads no page.
    const page = await ext.context.newPage();
    await page.goto('https://www.linkedin.com/feed/');
    const panel = await openPanel('https://www.linkedin.com/feed/');
    await expect
      .poll(() => panel.textContent('#message'), { timeout: 15_000 })
      .toContain('No job posting found');
    await page.evaluate(async () => {
      const html = await (await fetch('/jobs/view/4012345678/')).text();
      history.pushState({}, '', '/jobs/view/4012345678/');
      document.documentElement.innerHTML = new DOMParser().parseFromString(
        html,
        'text/html',
      ).documentElement.innerHTML;
    });
    await expect
      .poll(() => panel.textContent('#title'), { timeout: 15_000 })
      .toBe('Senior TypeScript Engineer');
    // As LinkedIn does: a new address by pushState, then the new posting drawn in place.
    await page.evaluate(() => {
      history.pushState({}, '', '/jobs/view/4098765432/');
      const heading = document.querySelector('.job-details-jobs-unified-top-card__job-title a');
      if (heading !== null) heading.textContent = 'Staff Platform Engineer';
    });
    await expect
      .poll(() => panel.textContent('#title'), { timeout: 15_000 })
      .toBe('Staff Platform Engineer');
    expect(await panel.textContent('#message')).toContain('Captured');
    const stored = await fetch(`${server.url}/api/jobs?q=Staff%20Platform&limit=5`, {
      headers: { Authorization: `Bearer ${server.token}` },
    });
    const body = (await stored.json()) as { items: { url: string }[] };
    expect(body.items.map((item) => item.url)).toContain(
      'https://www.linkedin.com/jobs/view/4098765432/',
    );
    await panel.close();
    await page.close();
  });

  it('on a Greenhouse page: captures the posting, shows its score, fills the cover letter without submitting', async () => {
    const page = await ext.context.newPage();
    await page.goto(GREENHOUSE);
    const panel = await openPanel(GREENHOUSE);
    await expect
      .poll(() => panel.textContent('#message'), { timeout: 15_000 })
      .toContain('Captured');
    expect(((await storage(['queue'])).queue as unknown[]).length).toBe(0);
    expect((await storage(['refused'])).refused ?? []).toEqual([]);
    // The posting a source brought in is found by its url, with its score.
    await expect.poll(() => panel.textContent('#score')).toMatch(/^\d+$/);
    expect(await panel.textContent('#title')).toBe('Platform Engineer');
    expect(await panel.textContent('#form-info')).toContain('letter field and 1 question field(s)');

    await panel.click('#generate');
    await expect
      .poll(() => panel.locator('.draft .pick').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await panel.locator('.draft .pick').first().click();
    await expect.poll(() => panel.isEnabled('#fill')).toBe(true);
    const approved = (await panel.locator('.draft.approved pre').textContent()) ?? '';
    await panel.click('#fill');
    await expect.poll(() => page.inputValue('#cover_letter_text')).toBe(approved);
    expect(await page.inputValue('#first_name')).toBe('');
    expect(await page.getAttribute('body', 'data-submitted')).toBeNull();
    await panel.close();
    await page.close();
  });
});
