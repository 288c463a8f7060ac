import type { OnProgress, ProgressEvent } from '@applydesk/engine';
import type { CliIO } from './io.js';

const WIDTH = 24;
const LABELS: Record<string, string> = {
  ingest: 'Loading postings',
  rank: 'Ranking',
  'rank-features': 'Reading postings',
  'rank-score': 'Scoring',
  'rank-save': 'Saving scores',
  draft: 'Drafting',
};

function label(task: string): string {
  return (LABELS[task] ?? task.replace(/^source:/, '')).padEnd(16);
}

function line(event: ProgressEvent): string {
  if (event.total === null)
    return `${label(event.task)} ${event.done} ${event.message ?? 'fetched'}…`;
  const ratio = event.total === 0 ? 1 : Math.min(1, event.done / event.total);
  const filled = Math.round(ratio * WIDTH);
  return `${label(event.task)} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${event.done}/${event.total}`;
}

/**
 * A progress line per task on a terminal (redrawn in place; a count while the total is
 * unknown), and one line per finished task elsewhere, so logs still show where time went.
 */
export function progressReporter(io: CliIO): OnProgress & { finish(): void } {
  let current: string | undefined;
  const render = (event: ProgressEvent) => {
    if (current !== undefined && current !== event.task && io.interactive) io.err('\n');
    current = event.task;
    if (io.interactive) io.err(`\r${line(event)}\x1b[K`);
    else if (event.total !== null && event.done >= event.total)
      io.err(`${label(event.task).trim()}: ${event.done}/${event.total}\n`);
  };
  return Object.assign(render, {
    finish() {
      if (current !== undefined && io.interactive) io.err('\n');
      current = undefined;
    },
  });
}
