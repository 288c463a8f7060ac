import { browser } from 'wxt/browser';
import { attempt, problemText, type Draft, type JobDetail } from '../../lib/api.js';
import type {
  BackgroundRequest,
  CaptureOutcome,
  ContentRequest,
  ExtractResponse,
  FillResponse,
} from '../../lib/messages.js';
import { loadSettings } from '../../lib/settings.js';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const title = $('title');
const message = $('message');
const posting = $('posting');
const scoreEl = $('score');
const reasonsEl = $('reasons');
const draftsEl = $('drafts');
const formInfo = $('form-info');
const fillButton = $<HTMLButtonElement>('fill');
const modelsInput = $<HTMLInputElement>('models');

let tabId: number | null = null;
let page: ExtractResponse | null = null;
let detail: JobDetail | null = null;

const say = (text: string): void => {
  message.textContent = text;
};

/** The tab the panel is about: `?tab=` when opened for one, else the active tab. */
async function targetTab(): Promise<number | null> {
  const param = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(param) && param > 0) return param;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** The posting as the server has it; null when it is not there or the server cannot say. */
async function loadDetail(): Promise<void> {
  if (page?.jobUrl === null || page === null) return;
  const { jobUrl, title: pageTitle } = page;
  const answer = await attempt(await loadSettings(), async (client) => {
    const found = await client.jobs.findByUrl(jobUrl, { title: pageTitle });
    return found === null ? null : client.jobs.get(found.id);
  });
  detail = answer.ok ? answer.value : null;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className !== undefined) node.className = className;
  return node;
}

function approvedLetter(): Draft | undefined {
  return detail?.drafts.find(
    (d) => d.status === 'approved' && (d.kind === 'proposal' || d.kind === 'cover_letter'),
  );
}

function render(): void {
  posting.hidden = page === null;
  if (page === null) return;
  title.textContent = detail?.job.title ?? page.title ?? 'Job posting';
  scoreEl.textContent =
    detail?.match === null || detail === null ? '–' : String(detail.match.score);
  reasonsEl.replaceChildren(
    ...(detail?.match?.reasons ?? []).slice(0, 12).map((r) => el('li', r.text, r.kind)),
  );
  draftsEl.replaceChildren(
    ...(detail?.drafts ?? [])
      .filter((d) => d.status !== 'superseded' && d.status !== 'rejected')
      .map((draft) => {
        const box = el('div', undefined, `draft ${draft.status}`);
        box.dataset.draftId = draft.id;
        const quality =
          draft.quality === null ? '' : ` · quality ${Math.round(draft.quality.total)}`;
        box.append(
          el(
            'div',
            `${draft.kind} · ${draft.model ?? draft.writer} · ${draft.status}${quality}`,
            'meta',
          ),
        );
        box.append(el('pre', draft.text));
        const claims = draft.grounding?.claims ?? [];
        if (claims.length > 0) {
          const list = el('ul');
          for (const claim of claims) {
            const ok = claim.supported || claim.confirmedByUser === true;
            list.append(
              el(
                'li',
                `${ok ? '✓' : '⚠'} ${claim.text}${ok || claim.reason === undefined ? '' : ` (${claim.reason})`}`,
                ok ? 'ok' : 'flag',
              ),
            );
          }
          box.append(list);
        }
        if (draft.status === 'pending_review') {
          const pick = el('button', 'Pick');
          pick.type = 'button';
          pick.className = 'pick';
          pick.addEventListener('click', () => void act(() => approve(draft.id)));
          box.append(pick);
        }
        return box;
      }),
  );
  const questions = page.form.questions.length;
  formInfo.textContent = page.form.letter
    ? `This page has a letter field${questions > 0 ? ` and ${questions} question field(s)` : ''}.`
    : 'No application form found on this page.';
  fillButton.disabled = !page.form.letter || approvedLetter() === undefined;
}

async function capture(): Promise<void> {
  if (page?.capture === null || page === null) return;
  const outcome = await browser.runtime.sendMessage<BackgroundRequest, CaptureOutcome>({
    type: 'capture',
    capture: page.capture,
  });
  if (outcome.status === 'sent') {
    say(
      `Captured: ${outcome.created} new, ${outcome.updated} updated, ${outcome.unchanged} unchanged.`,
    );
  } else if (outcome.status === 'queued') {
    say(`Queued (${outcome.reason}); it is sent when the server answers.`);
  } else {
    say(`The server refused this capture: ${outcome.reason}`);
  }
}

/** Asks the tab's content script what the page holds; null when none answers. */
async function ask(tab: number): Promise<ExtractResponse | null> {
  try {
    return await browser.tabs.sendMessage<ContentRequest, ExtractResponse>(tab, {
      type: 'extract',
    });
  } catch {
    return null;
  }
}

/**
 * The page's posting. On a site outside the supported list there is no content script: the
 * user's click on the toolbar button grants this tab (activeTab), so the reader is injected
 * once, to find a schema.org JobPosting any page may carry. Without that grant, nothing.
 */
async function extractFrom(tab: number): Promise<ExtractResponse | null> {
  const first = await ask(tab);
  if (first !== null) return first;
  try {
    await browser.scripting.executeScript({
      target: { tabId: tab },
      files: ['/content-scripts/jobs.js'],
    });
  } catch {
    return null;
  }
  return ask(tab);
}

async function refresh(doCapture: boolean): Promise<void> {
  tabId = await targetTab();
  page = null;
  detail = null;
  if (tabId !== null) page = await extractFrom(tabId);
  if (page === null || (page.capture === null && page.jobUrl === null)) {
    title.textContent = 'ApplyDesk';
    say(
      page === null
        ? 'Open a job posting (on another site, click the ApplyDesk button on its page).'
        : 'No job posting found on this page.',
    );
    render();
    return;
  }
  if (doCapture) await capture();
  await loadDetail();
  if (detail === null)
    say(`${message.textContent ?? ''} The posting is not on the server yet.`.trim());
  render();
}

async function approve(draftId: string): Promise<void> {
  const answer = await attempt(await loadSettings(), (client) => client.drafts.approve(draftId));
  say(answer.ok ? 'Picked: the draft is approved.' : `Could not approve: ${problemText(answer)}`);
}

async function generate(models: string[] | null): Promise<void> {
  if (detail === null) return;
  say('Writing drafts…');
  const jobId = detail.job.id;
  const answer = await attempt(await loadSettings(), (client) =>
    client.jobs.draft(jobId, models === null ? {} : { models, fresh: true }),
  );
  say(answer.ok ? 'Drafts written; pick one.' : `Could not write drafts: ${problemText(answer)}`);
}

async function fill(): Promise<void> {
  const letter = approvedLetter();
  if (tabId === null || letter === undefined) return;
  const answers = (detail?.drafts ?? [])
    .filter((d) => d.status === 'approved' && d.kind === 'answer')
    .map((d) => d.text);
  const result = await browser.tabs.sendMessage<ContentRequest, FillResponse>(tabId, {
    type: 'fill',
    letter: letter.text,
    answers,
  });
  say(
    result.letter
      ? `Filled the letter${result.answers > 0 ? ` and ${result.answers} answer(s)` : ''}. Review it and submit it yourself.`
      : 'The page has no field for the letter.',
  );
}

async function markApplied(): Promise<void> {
  if (detail === null) return;
  const jobId = detail.job.id;
  const answer = await attempt(await loadSettings(), (client) =>
    client.jobs.moveStage(jobId, { stage: 'applied' }),
  );
  say(answer.ok ? 'Marked as applied.' : `Could not mark applied: ${problemText(answer)}`);
}

/** Runs an action, then shows the posting as the server now has it. */
async function act(action: () => Promise<void>): Promise<void> {
  try {
    await action();
    await loadDetail();
    render();
  } catch (error) {
    say(`Something went wrong: ${String(error)}`);
  }
}

$('capture').addEventListener('click', () => void act(capture));
$('generate').addEventListener('click', () => void act(() => generate(null)));
$('regenerate').addEventListener('click', () => {
  const models = modelsInput.value
    .split(',')
    .map((m) => m.trim())
    .filter((m) => m !== '');
  if (models.length === 0) {
    say('Name a model as provider:model.');
    return;
  }
  void act(() => generate(models));
});
fillButton.addEventListener('click', () => void act(fill));
$('applied').addEventListener('click', () => void act(markApplied));

// Follow the user: another tab, or the same tab on another page.
browser.tabs.onActivated.addListener(() => void refresh(true));
browser.tabs.onUpdated.addListener((id, change) => {
  if (id === tabId && change.status === 'complete') void refresh(true);
});

void refresh(true);
