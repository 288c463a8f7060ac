import type { OnProgress } from '@applydesk/engine';
import type { CliIO } from './io.js';

const WIDTH = 24;
const LABELS: Record<string, string> = {
  ingest: 'Loading postings',
  rank: 'Ranking',
  draft: 'Drafting',
};

/**
 * A progress line per task on a terminal (redrawn in place), and one line per finished
 * task elsewhere, so logs of non-interactive runs still show where time went.
 */
export function progressReporter(io: CliIO): OnProgress & { finish(): void } {
  let current: string | undefined;
  const render: OnProgress & { finish(): void } = Object.assign(
    (event: Parameters<OnProgress>[0]) => {
      const label = (LABELS[event.task] ?? event.task).padEnd(16);
      if (current !== undefined && current !== event.task && io.interactive) io.err('\n');
      current = event.task;
      const ratio = event.total === 0 ? 1 : Math.min(1, event.done / event.total);
      if (io.interactive) {
        const filled = Math.round(ratio * WIDTH);
        io.err(
          `\r${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${event.done}/${event.total}`,
        );
      } else if (event.done >= event.total) {
        io.err(`${label.trim()}: ${event.done}/${event.total}\n`);
      }
    },
    {
      finish() {
        if (current !== undefined && io.interactive) io.err('\n');
        current = undefined;
      },
    },
  );
  return render;
}
