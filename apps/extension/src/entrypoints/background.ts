import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { attempt, problemText, scoresFor } from '../lib/api.js';
import type { Capture } from '../lib/capture.js';
import { asBackgroundRequest, fromThisExtension, type CaptureOutcome } from '../lib/messages.js';
import {
  badgeText,
  disposition,
  enqueue,
  MAX_REFUSED,
  type QueuedCapture,
  type RefusedCapture,
} from '../lib/queue.js';
import { loadSettings } from '../lib/settings.js';

const FLUSH_ALARM = 'applydesk-flush';

async function readQueue(): Promise<QueuedCapture[]> {
  const { queue } = await browser.storage.local.get('queue');
  return Array.isArray(queue) ? (queue as QueuedCapture[]) : [];
}

async function writeQueue(queue: QueuedCapture[]): Promise<void> {
  await browser.storage.local.set({ queue });
  await browser.action.setBadgeText({ text: badgeText(queue.length) });
  await browser.action.setBadgeBackgroundColor({ color: '#b45309' });
}

async function refuse(entry: RefusedCapture): Promise<void> {
  const { refused } = await browser.storage.local.get('refused');
  const list = Array.isArray(refused) ? (refused as RefusedCapture[]) : [];
  await browser.storage.local.set({ refused: [...list, entry].slice(-MAX_REFUSED) });
}

/** Sends one capture; the answer decides whether it is done, retried later or refused. */
async function send(
  capture: Capture,
): Promise<{ kind: 'done' | 'retry' | 'refused'; outcome: CaptureOutcome }> {
  const answer = await attempt(await loadSettings(), (client) => client.capture(capture));
  if (answer.ok) {
    const result = answer.value;
    return {
      kind: 'done',
      outcome: {
        status: 'sent',
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
        rejected: result.rejected.map((r) => r.reason),
      },
    };
  }
  const kind = disposition(answer.status);
  const reason = problemText(answer);
  return kind === 'refused'
    ? { kind, outcome: { status: 'refused', reason } }
    : { kind, outcome: { status: 'queued', reason, queued: 0 } };
}

// One flush at a time: a capture arriving mid-flush waits for the queue to settle.
let flushing: Promise<void> = Promise.resolve();

/** Runs after the work before it, whether or not that failed, so one failure stops nothing. */
function serially(work: () => Promise<void>): Promise<void> {
  flushing = flushing.catch(() => undefined).then(work);
  return flushing;
}

function flush(): Promise<void> {
  return serially(async () => {
    const queue = await readQueue();
    const left: QueuedCapture[] = [];
    for (const entry of queue) {
      const { kind, outcome } = await send(entry.capture);
      if (kind === 'retry') left.push({ ...entry, attempts: entry.attempts + 1 });
      else if (kind === 'refused' && outcome.status === 'refused') {
        await refuse({
          key: entry.key,
          capture: entry.capture,
          reason: outcome.reason,
          at: new Date().toISOString(),
        });
      }
      // The server is down: the rest would fail the same way.
      if (kind === 'retry') {
        left.push(...queue.slice(queue.indexOf(entry) + 1));
        break;
      }
    }
    // Captures queued while this flush ran are kept too.
    const now = await readQueue();
    const sentKeys = new Set(queue.map((e) => e.key));
    const arrived = now.filter((e) => !sentKeys.has(e.key));
    await writeQueue([...left, ...arrived]);
  });
}

async function capture(captured: Capture): Promise<CaptureOutcome> {
  const { kind, outcome } = await send(captured);
  if (kind !== 'retry') {
    if (kind === 'refused' && outcome.status === 'refused') {
      await refuse({
        key: captured.pageUrl,
        capture: captured,
        reason: outcome.reason,
        at: new Date().toISOString(),
      });
    }
    // The server answered: a good moment to send what waited for it.
    if (kind === 'done') void flush();
    return outcome;
  }
  let queued = 0;
  await serially(async () => {
    const queue = enqueue(await readQueue(), captured, new Date());
    queued = queue.length;
    await writeQueue(queue);
  });
  return { status: 'queued', reason: outcome.status === 'queued' ? outcome.reason : '', queued };
}

export default defineBackground(() => {
  void browser.alarms.create(FLUSH_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FLUSH_ALARM) void flush();
  });
  // The toolbar button opens the side panel; Chrome keeps one panel per window.
  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  void readQueue().then((queue) => browser.action.setBadgeText({ text: badgeText(queue.length) }));

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (!fromThisExtension(sender, browser.runtime.id)) return false;
    const request = asBackgroundRequest(message);
    if (request === null) return false;
    const reply = (value: unknown): void => sendResponse(value);
    if (request.type === 'capture') {
      void capture(request.capture).then(reply, (error: unknown) =>
        reply({ status: 'queued', reason: String(error), queued: 0 }),
      );
    } else if (request.type === 'scores') {
      void loadSettings()
        .then((settings) => scoresFor(settings, request.urls))
        .then(
          (scores) => reply({ scores }),
          () => reply({ scores: {} }),
        );
    } else {
      void flush().then(
        () => reply({ ok: true }),
        () => reply({ ok: false }),
      );
    }
    return true;
  });
});
