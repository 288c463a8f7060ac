import type { ScoreWeights } from '@applydesk/domain';
import type { Store } from '@applydesk/store';

/** One step of a long task, for progress bars, the dashboard and SSE alike. */
export interface ProgressEvent {
  task: string;
  done: number;
  total: number;
  message?: string;
}
export type OnProgress = (event: ProgressEvent) => void;

/** What every use-case runs against: the store, the settings it needs, and the clock. */
export interface EngineContext {
  store: Store;
  settings: {
    minMatchScore: number;
    weights: ScoreWeights;
    draftTop: number;
  };
  now: () => Date;
}
