/** What a model is used for; each task has its own ordered list of models. */
export type LlmTask = 'analysis' | 'drafting' | 'embeddings' | 'research';
export type LlmProviderType = 'openai' | 'anthropic' | 'google' | 'cohere' | 'openai-compatible';

export interface ProviderLimits {
  /** Requests a minute. */
  rpm?: number;
  /** Tokens a minute (input estimated before the call, corrected by the usage reported after). */
  tpm?: number;
  /** Requests at once. */
  concurrency?: number;
}

/** A provider as the gateway needs it: the engine resolves the key from the environment. */
export interface GatewayProvider {
  name: string;
  type: LlmProviderType;
  /** The API root; each type has its public default (openai-compatible has none). */
  baseUrl?: string | undefined;
  /** OpenAI only: Chat Completions (the default, which proxies also speak) or Responses. */
  api?: 'chat' | 'responses' | undefined;
  apiKey?: string | undefined;
  /** Where the key should come from, for the message when it is missing. */
  apiKeyEnv?: string | undefined;
  limits?: ProviderLimits | undefined;
}

export interface ModelRoute {
  provider: string;
  model: string;
}

/** How one attempt ended; the store's ledger keeps the same four. */
export type LlmCallOutcome = 'ok' | 'error' | 'cached' | 'skipped';

/** Why an attempt failed or was passed over. */
export type LlmErrorKind =
  | 'rate_limited'
  | 'server'
  | 'timeout'
  | 'network'
  | 'auth'
  | 'bad_request'
  | 'not_found'
  | 'bad_response'
  | 'unsupported'
  | 'aborted'
  | 'breaker_open'
  | 'no_api_key'
  | 'budget'
  | 'unknown';

/** One ledger row: every attempt at a model, whatever its outcome. */
export interface LlmCallRecord {
  at: string;
  task: LlmTask;
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  priceKnown: boolean;
  latencyMs: number;
  outcome: LlmCallOutcome;
  errorKind: LlmErrorKind | null;
  errorMessage: string | null;
  jobId: string | null;
  draftId: string | null;
}

/** Where attempts are written and spend is read; the store's llmCalls repository fits. */
export interface LlmLedger {
  record(call: LlmCallRecord): Promise<unknown>;
  /** USD spent in [since, until). */
  spend(range: { since: string; until?: string }): Promise<number>;
}

export interface LlmCachedAnswer {
  key: string;
  provider: string;
  model: string;
  text: string;
  usage: { inputTokens: number; outputTokens: number };
}

/** Answers by request hash; the store's llmCache repository fits. */
export interface LlmCache {
  get(key: string): Promise<LlmCachedAnswer | null>;
  put(entry: LlmCachedAnswer): Promise<void>;
}

export interface GenerateRequest {
  task: LlmTask;
  system?: string;
  prompt: string;
  maxOutputTokens?: number;
  temperature?: number;
  jobId?: string;
  draftId?: string;
  signal?: AbortSignal;
  /** Ask the models even when an identical request has a cached answer (the new one is cached). */
  fresh?: boolean;
  /**
   * The models to walk instead of the task's configured list (a user asking for drafts
   * from particular models). Each must name a configured provider.
   */
  models?: ModelRoute[];
  /**
   * Streams the answer: called with each piece of text as the model writes it (a failed
   * attempt's pieces are followed by the next attempt's from the start; `onRestart` says so).
   */
  onText?: (delta: string) => void;
  /** Called when an attempt that had streamed text failed and another one begins. */
  onRestart?: () => void;
}

/** What happened to one model on the way to the answer. */
export interface AttemptNote {
  provider: string;
  model: string;
  outcome: LlmCallOutcome;
  errorKind: LlmErrorKind | null;
  message: string | null;
}

export interface GenerateResult {
  text: string;
  provider: string;
  model: string;
  usage: { inputTokens: number; outputTokens: number };
  costUsd: number;
  /** False when the model has no price: costUsd is 0 but the call was not free. */
  priceKnown: boolean;
  cached: boolean;
  attempts: AttemptNote[];
}

export interface EmbedRequest {
  texts: string[];
  jobId?: string;
  signal?: AbortSignal;
}

export interface EmbedResult {
  embeddings: number[][];
  provider: string;
  model: string;
  usage: { inputTokens: number };
  costUsd: number;
  priceKnown: boolean;
  attempts: AttemptNote[];
}

export interface RetrySettings {
  /** Tries per model, the first included. */
  maxAttempts: number;
  /** Back-off before the second try, doubled each time after. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this fails over to the next model instead of waiting. */
  maxRetryAfterMs: number;
}

export interface BreakerSettings {
  /** Consecutive failures that open a provider's breaker. */
  failureThreshold: number;
  /** How long an open breaker skips its provider before one trial call is let through. */
  cooldownMs: number;
}
