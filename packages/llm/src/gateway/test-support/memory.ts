import type { LlmCache, LlmCachedAnswer, LlmCallRecord, LlmLedger } from '../types.js';

/** An in-memory ledger, as the store's llmCalls repository behaves. */
export function memoryLedger(seed: LlmCallRecord[] = []): LlmLedger & { rows: LlmCallRecord[] } {
  const rows = [...seed];
  return {
    rows,
    record(call) {
      rows.push(call);
      return Promise.resolve(call);
    },
    spend({ since, until }) {
      const from = Date.parse(since);
      const to = until === undefined ? Infinity : Date.parse(until);
      return Promise.resolve(
        rows
          .filter((r) => Date.parse(r.at) >= from && Date.parse(r.at) < to)
          .reduce((sum, r) => sum + r.costUsd, 0),
      );
    },
  };
}

export function memoryCache(): LlmCache & { entries: Map<string, LlmCachedAnswer> } {
  const entries = new Map<string, LlmCachedAnswer>();
  return {
    entries,
    get: (key) => Promise.resolve(entries.get(key) ?? null),
    put: (entry) => {
      entries.set(entry.key, entry);
      return Promise.resolve();
    },
  };
}

/** A clock that only moves when something sleeps, so waits are counted, not timed. */
export function fakeClock(start: string): {
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  sleeps: number[];
  advance: (ms: number) => void;
} {
  let t = Date.parse(start);
  const sleeps: number[] = [];
  return {
    now: () => new Date(t),
    sleeps,
    advance: (ms) => {
      t += ms;
    },
    sleep: (ms) => {
      sleeps.push(ms);
      t += ms;
      // Let the other waiters see the new time before this one resumes.
      return new Promise((resolve) => setImmediate(resolve));
    },
  };
}
