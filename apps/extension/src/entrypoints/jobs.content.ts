import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { upworkJobUrlOf, captureKey, type Capture } from '../lib/capture.js';
import { JOB_SITE_MATCHES } from '../lib/content-matches.js';
import { fillForm } from '../lib/fill.js';
import {
  asContentRequest,
  fromThisExtension,
  type BackgroundRequest,
  type CaptureOutcome,
  type ExtractResponse,
  type ScoresResponse,
} from '../lib/messages.js';
import { extractCapture, findForm, siteFor } from '../lib/sites/index.js';
import { isSearchPage, upworkJobUrlFromPage, upworkTiles } from '../lib/sites/upwork.js';

function describe(): ExtractResponse {
  const pageUrl = location.href;
  const capture = extractCapture(document, pageUrl, new Date().toISOString());
  const form = findForm(document, pageUrl);
  let jobUrl: string | null = null;
  let title: string | null = null;
  if (capture !== null) {
    jobUrl =
      capture.kind === 'jobposting'
        ? (capture.jobs[0]?.url ?? null)
        : upworkJobUrlOf(capture.jobs[0]);
    const first = capture.jobs[0] as { title?: unknown; job?: { title?: unknown } } | undefined;
    const raw = first?.title ?? first?.job?.title;
    title = typeof raw === 'string' ? raw.replace(/<[^>]*>/g, '').slice(0, 300) : null;
    if (capture.kind === 'upwork-search') jobUrl = captureKey(capture);
  } else if (siteFor(pageUrl).name === 'upwork') {
    // The apply page carries no posting data, but its address names the job.
    jobUrl = upworkJobUrlFromPage(pageUrl);
  }
  return {
    capture,
    jobUrl,
    title,
    form: {
      letter: form.letter !== null,
      questions: form.questions.map((q) => q.label.slice(0, 300)),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Upwork search: a score badge and a save button on every tile

const decorated = new WeakSet<Element>();

function badge(tile: Element): { score: HTMLElement; save: HTMLButtonElement } {
  const host = document.createElement('applydesk-tile');
  // A shadow root keeps the page's styles out. The page can still see it (as it can see any
  // element); what matters is that its scripts cannot press Save: clicks are checked with
  // isTrusted below.
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent =
    ':host{display:inline-flex;gap:6px;align-items:center;font:12px system-ui,sans-serif;margin:4px 0}' +
    '.s{padding:1px 6px;border-radius:8px;background:#e5e7eb;color:#111}' +
    'button{font:inherit;padding:1px 8px;border:1px solid #2563eb;border-radius:8px;background:#fff;color:#2563eb;cursor:pointer}';
  const score = document.createElement('span');
  score.className = 's';
  score.title = 'ApplyDesk score';
  score.textContent = 'ApplyDesk –';
  const save = document.createElement('button');
  save.type = 'button';
  save.textContent = 'Save';
  root.append(style, score, save);
  tile.prepend(host);
  return { score, save };
}

async function showScores(parts: Map<string, HTMLElement>): Promise<void> {
  if (parts.size === 0) return;
  const answer = await browser.runtime.sendMessage<BackgroundRequest, ScoresResponse | undefined>({
    type: 'scores',
    urls: [...parts.keys()],
  });
  for (const [url, el] of parts) {
    const score = answer?.scores[url];
    el.textContent = typeof score === 'number' ? `ApplyDesk ${score}` : 'ApplyDesk –';
  }
}

function decorateTiles(): void {
  const scores = new Map<string, HTMLElement>();
  for (const tile of upworkTiles(document, location.href)) {
    if (decorated.has(tile.element)) continue;
    decorated.add(tile.element);
    const { score, save } = badge(tile.element);
    scores.set(tile.jobUrl, score);
    save.addEventListener('click', (event) => {
      // Only the user's own click: a script of the page cannot press it for them.
      if (!event.isTrusted) return;
      event.preventDefault();
      event.stopPropagation();
      // Read again at click time: the page state may have arrived since the badge was drawn.
      const current =
        upworkTiles(document, location.href).find((t) => t.jobUrl === tile.jobUrl) ?? tile;
      const capture: Capture = {
        kind: 'upwork-search',
        pageUrl: location.href,
        capturedAt: new Date().toISOString(),
        jobs: [current.job],
      };
      save.disabled = true;
      save.textContent = 'Saving…';
      void browser.runtime
        .sendMessage<BackgroundRequest, CaptureOutcome | undefined>({ type: 'capture', capture })
        .then(
          async (outcome) => {
            save.textContent =
              outcome?.status === 'sent'
                ? 'Saved'
                : outcome?.status === 'queued'
                  ? 'Queued'
                  : 'Refused';
            save.disabled = outcome?.status !== 'refused';
            await showScores(new Map([[tile.jobUrl, score]]));
          },
          () => {
            save.textContent = 'Save';
            save.disabled = false;
          },
        );
    });
  }
  void showScores(scores).catch(() => undefined);
}

/** Decorates Upwork search results as they load, from the first time the page is a search. */
function watchSearchTiles(): (url: URL) => void {
  let watching = false;
  return (url) => {
    if (watching) return;
    if (!url.hostname.endsWith('upwork.com') || !isSearchPage(url)) return;
    watching = true;
    decorateTiles();
    // Results load in place as the user scrolls or searches again.
    let pending: ReturnType<typeof setTimeout> | undefined;
    new MutationObserver(() => {
      clearTimeout(pending);
      pending = setTimeout(decorateTiles, 300);
    }).observe(document.body, { childList: true, subtree: true });
  };
}

export default defineContentScript({
  matches: JOB_SITE_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    // Only this extension's own pages and worker are heard; window.postMessage is never read.
    browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
      if (!fromThisExtension(sender, browser.runtime.id) || sender.tab !== undefined) return false;
      const request = asContentRequest(message);
      if (request === null) return false;
      if (request.type === 'extract') sendResponse(describe());
      else
        sendResponse(fillForm(findForm(document, location.href), request.letter, request.answers));
      return false;
    });

    const searchTiles = watchSearchTiles();
    searchTiles(new URL(location.href));
    // Upwork moves between pages without loading one (history API): a job page can become a
    // search page under this script. The event comes as the address changes, before the new
    // results are drawn; the observer then decorates them as they arrive.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => searchTiles(event.newUrl));
  },
});
