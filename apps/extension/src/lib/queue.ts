import type { Capture } from './capture.js';
import { captureKey } from './capture.js';

/** A capture waiting for the server, keyed by its job url so a posting is queued once. */
export interface QueuedCapture {
  key: string;
  capture: Capture;
  queuedAt: string;
  attempts: number;
}

/** A capture the server answered with a refusal (400 and the like): kept, not retried. */
export interface RefusedCapture {
  key: string;
  capture: Capture;
  reason: string;
  at: string;
}

export const MAX_QUEUE = 500;
export const MAX_REFUSED = 50;

/** Adds a capture; a newer capture of the same url replaces the older one. */
export function enqueue(
  queue: readonly QueuedCapture[],
  capture: Capture,
  now: Date,
): QueuedCapture[] {
  const key = captureKey(capture);
  const rest = queue.filter((entry) => entry.key !== key);
  // Past the cap the oldest give way: the newest pages are the ones the user is acting on.
  return [...rest, { key, capture, queuedAt: now.toISOString(), attempts: 0 }].slice(-MAX_QUEUE);
}

/** What a send's HTTP status means for a queued capture. */
export function disposition(
  status: number | 'network' | 'unreadable',
): 'done' | 'retry' | 'refused' {
  // No answer, or one that is not ApplyDesk's (a captive portal, another program on the port):
  // the capture waits for the real server.
  if (status === 'network' || status === 'unreadable') return 'retry';
  if (status >= 200 && status < 300) return 'done';
  // Not paired yet, rate limited, or the server is in trouble: try again later.
  if (status === 401 || status === 403 || status === 408 || status === 429 || status >= 500)
    return 'retry';
  return 'refused';
}

export function badgeText(count: number): string {
  return count === 0 ? '' : count > 99 ? '99+' : String(count);
}
