import type { AppConfig } from '@applydesk/config';
import type { DraftKind, FilterRules, RankingSettings, ScoreWeights } from '@applydesk/domain';
import type { Gateway, Tone } from '@applydesk/llm';
import type { Store } from '@applydesk/store';
import type { SecretVault } from './secrets/vault.js';
import type { SourceSettings } from './sources/resolve-sources.js';

/** One step of a long task, for progress bars, the dashboard and SSE alike. */
export interface ProgressEvent {
  task: string;
  done: number;
  /** Null while the total is not known yet (a source still paging). */
  total: number | null;
  message?: string;
}
export type OnProgress = (event: ProgressEvent) => void;

export interface HttpSettings {
  proxies: string[];
  userAgent: string | undefined;
  timeoutMs: number;
  requestsPerMinutePerHost: number;
}

/** What every use-case runs against: the store, the settings it needs, and the clock. */
export interface EngineContext {
  store: Store;
  settings: {
    minMatchScore: number;
    weights: ScoreWeights;
    /** Ranking settings beyond the weights (recency windows, exchange rates), as configured. */
    ranking?: Partial<Omit<RankingSettings, 'weights'>>;
    /** The user's hard rules; none when absent. */
    filters?: FilterRules;
    draftTop: number;
    /** How drafts sound and the user's instructions per kind; warm and none when absent. */
    drafting?: { tone: Tone; templates: Partial<Record<DraftKind, string>> };
  };
  /**
   * The configuration the engine was opened with (file path, providers, server); settings
   * changed at run time are written back to it. Absent in throwaway contexts.
   */
  config?: AppConfig;
  /** The language models; absent when none is configured (drafts are written offline). */
  llm?: Gateway;
  /** Configured sources and how to reach them; absent where a caller needs none. */
  sources?: SourceSettings & { http: HttpSettings };
  now: () => Date;
  /** Encrypted storage for what sources must keep (OAuth tokens); absent in throwaway contexts. */
  vault?: SecretVault;
}
