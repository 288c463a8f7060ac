import type { Capture } from './capture.js';
import { isRecord } from './text.js';

/**
 * Messages between the extension's own parts. Every listener checks that the sender is this
 * extension (`sender.id`) and that the message has one of these shapes; anything else is
 * dropped. Pages never take part: the content script does not listen to window messages.
 */
export type ContentRequest =
  { type: 'extract' } | { type: 'fill'; letter: string | null; answers: string[] };

export type BackgroundRequest =
  { type: 'capture'; capture: Capture } | { type: 'scores'; urls: string[] } | { type: 'flush' };

export interface ExtractResponse {
  capture: Capture | null;
  /** The url the server keys the posting by (Upwork: /jobs/~0…), for the lookup. */
  jobUrl: string | null;
  title: string | null;
  form: { letter: boolean; questions: string[] };
}

export interface FillResponse {
  letter: boolean;
  answers: number;
}

export type CaptureOutcome =
  | { status: 'sent'; created: number; updated: number; unchanged: number; rejected: string[] }
  | { status: 'queued'; reason: string; queued: number }
  | { status: 'refused'; reason: string };

export interface ScoresResponse {
  scores: Record<string, number | null>;
}

const MAX_TEXT = 50_000;

function isStringArray(value: unknown, max: number): value is string[] {
  return (
    Array.isArray(value) &&
    value.length <= max &&
    value.every((v) => typeof v === 'string' && v.length <= MAX_TEXT)
  );
}

/** The message as a ContentRequest, or null when it is not one. */
export function asContentRequest(message: unknown): ContentRequest | null {
  if (!isRecord(message)) return null;
  if (message.type === 'extract') return { type: 'extract' };
  if (message.type === 'fill') {
    const letter = message.letter;
    if (letter !== null && (typeof letter !== 'string' || letter.length > MAX_TEXT)) return null;
    if (!isStringArray(message.answers, 50)) return null;
    return { type: 'fill', letter, answers: message.answers };
  }
  return null;
}

/** The message as a BackgroundRequest, or null. A capture's content is checked by the server. */
export function asBackgroundRequest(message: unknown): BackgroundRequest | null {
  if (!isRecord(message)) return null;
  if (message.type === 'flush') return { type: 'flush' };
  if (message.type === 'scores') {
    return isStringArray(message.urls, 500) ? { type: 'scores', urls: message.urls } : null;
  }
  if (message.type === 'capture') {
    const c = message.capture;
    if (!isRecord(c) || typeof c.pageUrl !== 'string' || typeof c.capturedAt !== 'string')
      return null;
    if (!['upwork-search', 'upwork-job', 'jobposting'].includes(c.kind as string)) return null;
    if (!Array.isArray(c.jobs) || c.jobs.length > 200) return null;
    const size = JSON.stringify(c).length;
    return size <= 1_000_000 ? { type: 'capture', capture: c as unknown as Capture } : null;
  }
  return null;
}

/** Whether a runtime message came from this extension (its pages, worker or content scripts). */
export function fromThisExtension(sender: { id?: string | undefined }, ownId: string): boolean {
  return sender.id !== undefined && sender.id === ownId;
}
