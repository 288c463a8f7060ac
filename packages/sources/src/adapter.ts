import { z } from 'zod';
import type { JobInputDraft } from '@applydesk/domain';
import type { HttpClient } from './http/http-client.js';
import type { TokenStore } from './upwork/oauth.js';

/** Options every configured source has, whatever its type. */
export const BaseSourceConfig = z.object({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, - and _')
    .describe('your name for this source'),
  type: z.string(),
  baseUrl: z.url().optional().describe('override the API host (mirrors, tests)'),
  schedule: z.string().optional().describe('cron expression for the server scheduler'),
  enabled: z.boolean().default(true),
});
export type BaseSourceConfig = z.infer<typeof BaseSourceConfig>;

/** What a source asks of its users: where its terms are, what it wants credited, how often to poll. */
export interface SourceTerms {
  termsUrl: string | null;
  attribution: string | null;
  /** The shortest interval between runs the source's terms or etiquette allow. */
  minPollMinutes: number;
  notes: string;
}

export interface SourceContext<C, S> {
  /** `<type>:<name>`, stored on every posting as its provenance. */
  sourceId: string;
  config: C;
  secrets: S;
  http: HttpClient;
  now: () => Date;
  signal?: AbortSignal;
  /**
   * Durable, encrypted storage for this source's OAuth tokens, when the engine has one
   * (sources that sign in, like Upwork, keep refreshed tokens here between runs).
   */
  tokens?: TokenStore;
}

export interface SourceTestResult {
  ok: boolean;
  message: string;
  /** Postings visible right now, when cheap to know. */
  available?: number;
}

/**
 * One job source: its options, its secrets, a check that access works, a paged fetch of
 * raw postings as the source sends them, and the mapping of one raw posting to a Job.
 */
export interface SourceAdapter<
  C extends BaseSourceConfig = BaseSourceConfig,
  S = Record<string, never>,
> {
  type: string;
  label: string;
  description: string;
  terms: SourceTerms;
  configSchema: z.ZodType<C>;
  /** Read from the environment; names documented in `sources list`. */
  secretSchema: z.ZodType<S>;
  test(ctx: SourceContext<C, S>): Promise<SourceTestResult>;
  fetch(ctx: SourceContext<C, S>): AsyncIterable<unknown[]>;
  /** Throws INVALID_INPUT naming the posting when it cannot be mapped; the batch goes on. */
  normalize(
    raw: unknown,
    ctx: Pick<SourceContext<C, S>, 'sourceId' | 'config' | 'now'>,
  ): JobInputDraft;
}

/** Erases an adapter's option types so adapters of every kind fit one typed list. */
export type AnySourceAdapter = SourceAdapter<
  BaseSourceConfig & Record<string, unknown>,
  Record<string, unknown>
>;

export function defineSource<C extends BaseSourceConfig, S>(
  adapter: SourceAdapter<C, S>,
): AnySourceAdapter {
  return adapter as unknown as AnySourceAdapter;
}
