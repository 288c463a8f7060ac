import { z } from 'zod';
import { DomainError } from '@applydesk/domain';
import {
  BaseSourceConfig,
  defineSource,
  type AnySourceAdapter,
  type SourceContext,
} from '../adapter.js';
import { failureKind } from '../http/http-client.js';
import { parseJsonBody } from '../http/create-http-client.js';
import { maxPagesOption } from '../shared/config-fields.js';
import { withSignal } from '../shared/requests.js';
import {
  MARKETPLACE_JOB_SEARCH_QUERY,
  UPWORK_SORT_FIELDS,
  UpworkSearchResponse,
  type UpworkGraphqlError,
  type UpworkJobFilter,
  type UpworkSearchVariables,
} from './graphql.js';
import { normalizeUpworkNode } from './normalize.js';
import {
  createMemoryTokenStore,
  redact,
  refreshTokens,
  UPWORK_AUTHORIZE_BASE_URL,
  UPWORK_REAUTH_HINT,
  UPWORK_TOKEN_PATH,
  UPWORK_TOKEN_URL,
  type TokenStore,
  type Tokens,
} from './oauth.js';

export const UPWORK_API_BASE_URL = 'https://api.upwork.com';
/** Where a user requests an API key (scopes are picked on the key). */
export const UPWORK_KEY_URL = 'https://www.upwork.com/developer/keys/apply';
export const UPWORK_SCOPES = [
  'Read marketplace Job Postings',
  'Common Entities - Read-Only Access',
] as const;
/** Refresh when the access token has less than this left. */
const REFRESH_MARGIN_MS = 60_000;
/** `pagination_eq.first` from page 2 on (Upwork answers about 10 a call without it). */
const PAGE_SIZE = 50;

const EXPERIENCE_ENUM = {
  entry: 'ENTRY_LEVEL',
  intermediate: 'INTERMEDIATE',
  expert: 'EXPERT',
} as const;
const JOB_TYPE_ENUM = { hourly: 'HOURLY', fixed: 'FIXED' } as const;

export const UpworkConfig = BaseSourceConfig.extend({
  type: z.literal('upwork'),
  baseUrl: z
    .url()
    .optional()
    .describe(
      'override https://api.upwork.com (GraphQL at /graphql, token at /api/v3/oauth2/token)',
    ),
  authorizeBaseUrl: z
    .url()
    .optional()
    .describe('override https://www.upwork.com for the authorization page'),
  query: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .describe('search words (searchExpression_eq, partial Lucene syntax)'),
  experienceLevel: z
    .enum(['entry', 'intermediate', 'expert'])
    .optional()
    .describe('only this experience level'),
  jobType: z.enum(['hourly', 'fixed']).optional().describe('only hourly or only fixed-price jobs'),
  verifiedPaymentOnly: z
    .boolean()
    .optional()
    .describe('only clients with a verified payment method'),
  hourlyRateMin: z.number().nonnegative().optional().describe('lowest hourly rate, USD'),
  budgetMin: z.number().nonnegative().optional().describe('lowest fixed budget, USD'),
  categoryIds: z
    .array(z.string().min(1))
    .max(50)
    .optional()
    .describe('Upwork category ids (categoryIds_any)'),
  postedWithinHours: z
    .number()
    .positive()
    .max(24 * 365)
    .optional()
    .describe('drop postings published longer ago (checked here: the API has no such filter)'),
  maxPages: maxPagesOption(50, 'result pages to read per run'),
  sort: z
    .enum(UPWORK_SORT_FIELDS)
    .default('RECENCY')
    .describe('RECENCY, RELEVANCE, CLIENT_TOTAL_CHARGE or CLIENT_RATING'),
  tenantId: z
    .string()
    .min(1)
    .optional()
    .describe('X-Upwork-API-TenantId, for keys that act for an organization'),
});
export type UpworkConfig = z.infer<typeof UpworkConfig>;

const blankIsUnset = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optionalSecret = (what: string) =>
  z.preprocess(blankIsUnset, z.string().trim().min(1).optional()).describe(what);

export const UpworkSecrets = z.object({
  UPWORK_CLIENT_ID: z
    .string()
    .trim()
    .min(1)
    .describe(`the key's client id, from ${UPWORK_KEY_URL}`),
  UPWORK_CLIENT_SECRET: z.string().trim().min(1).describe("the key's client secret"),
  UPWORK_REDIRECT_URI: z
    .preprocess(blankIsUnset, z.url().optional())
    .describe('the callback URL registered on the key (for `applydesk sources auth upwork`)'),
  UPWORK_ACCESS_TOKEN: optionalSecret('an access token, when not kept by ApplyDesk'),
  UPWORK_REFRESH_TOKEN: optionalSecret('a refresh token, when not kept by ApplyDesk'),
  UPWORK_TOKEN_EXPIRES_AT: z
    .preprocess(blankIsUnset, z.iso.datetime({ offset: true }).optional())
    .describe('when UPWORK_ACCESS_TOKEN expires (ISO 8601)'),
});
export type UpworkSecrets = z.infer<typeof UpworkSecrets>;

export interface UpworkWarning {
  sourceId: string;
  message: string;
}

export interface UpworkSourceOptions {
  /** Where tokens live between runs; refreshed tokens are saved here. Default: in memory, per source, seeded from the secrets. */
  tokenStore?: TokenStore;
  /** Told what went wrong without failing the run (partial GraphQL errors, pages given up on). */
  onWarning?: (warning: UpworkWarning) => void;
}

type Ctx = SourceContext<UpworkConfig, UpworkSecrets>;

/** Where each call goes: `baseUrl` moves the API and the token endpoint together (tests, proxies). */
export function upworkEndpoints(config: Pick<UpworkConfig, 'baseUrl' | 'authorizeBaseUrl'>): {
  graphqlUrl: string;
  tokenUrl: string;
  authorizeBaseUrl: string;
} {
  const base = config.baseUrl?.replace(/\/+$/, '');
  return {
    graphqlUrl: `${base ?? UPWORK_API_BASE_URL}/graphql`,
    tokenUrl: base === undefined ? UPWORK_TOKEN_URL : `${base}${UPWORK_TOKEN_PATH}`,
    authorizeBaseUrl: config.authorizeBaseUrl ?? UPWORK_AUTHORIZE_BASE_URL,
  };
}

/** The search's variables; `pagination` is left out of the first page (see `fetch`). */
export function upworkSearchVariables(
  config: UpworkConfig,
  pagination?: { first: number; after?: string },
): UpworkSearchVariables {
  const filter: UpworkJobFilter = { searchExpression_eq: config.query };
  if (config.experienceLevel !== undefined)
    filter.experienceLevel_eq = EXPERIENCE_ENUM[config.experienceLevel];
  if (config.jobType !== undefined) filter.jobType_eq = JOB_TYPE_ENUM[config.jobType];
  if (config.verifiedPaymentOnly === true) filter.verifiedPaymentOnly_eq = true;
  if (config.hourlyRateMin !== undefined)
    filter.hourlyRate_eq = { rangeStart: config.hourlyRateMin };
  if (config.budgetMin !== undefined) filter.budgetRange_eq = { rangeStart: config.budgetMin };
  if (config.categoryIds !== undefined && config.categoryIds.length > 0)
    filter.categoryIds_any = config.categoryIds;
  if (pagination !== undefined) filter.pagination_eq = pagination;
  return {
    marketPlaceJobFilter: filter,
    searchType: 'USER_JOBS_SEARCH',
    sortAttributes: [{ field: config.sort }],
  };
}

/** Tokens given in the environment, if any. */
export function upworkTokensFromSecrets(secrets: Partial<UpworkSecrets>): Tokens | null {
  const access = secrets.UPWORK_ACCESS_TOKEN;
  const refresh = secrets.UPWORK_REFRESH_TOKEN;
  if (access === undefined && refresh === undefined) return null;
  return {
    accessToken: access ?? '',
    refreshToken: refresh ?? null,
    expiresAt: secrets.UPWORK_TOKEN_EXPIRES_AT ?? null,
  };
}

function httpStatus(error: unknown): number | undefined {
  if (failureKind(error) === null || !(error instanceof DomainError)) return undefined;
  const status = error.details?.status;
  return typeof status === 'number' ? status : undefined;
}

function blank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

const NO_KEY_MESSAGE =
  `Upwork needs your own API key: set UPWORK_CLIENT_ID and UPWORK_CLIENT_SECRET (and UPWORK_REDIRECT_URI) ` +
  `from a key requested at ${UPWORK_KEY_URL} with the scopes "${UPWORK_SCOPES.join('" and "')}", ` +
  'then run `applydesk sources auth upwork`';

/** Blocked field paths named in a missing-scope message, e.g. `Money.currency`. */
function blockedFields(errors: readonly UpworkGraphqlError[]): string[] {
  const fields = new Set<string>();
  for (const e of errors)
    for (const m of e.message.matchAll(/\b[A-Z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*\b/g))
      fields.add(m[0]);
  return [...fields];
}

function isScopeError(error: UpworkGraphqlError): boolean {
  return (
    error.extensions?.classification === 'ExecutionAborted' ||
    /\bscopes?\b|permission/i.test(error.message)
  );
}

const SINGLE_FLIGHT = new WeakMap<TokenStore, Promise<Tokens>>();

/** One run's access to the API: its tokens, its refreshes, its warnings. */
class UpworkSession {
  readonly warnings: string[] = [];
  readonly #ctx: Ctx;
  readonly #store: TokenStore;
  readonly #onWarning: ((warning: UpworkWarning) => void) | undefined;
  readonly #endpoints: ReturnType<typeof upworkEndpoints>;
  /** Every secret seen this run, to keep out of messages. */
  readonly #secrets = new Set<string>();
  #tokens: Tokens | null = null;

  constructor(
    ctx: Ctx,
    store: TokenStore,
    onWarning: ((warning: UpworkWarning) => void) | undefined,
  ) {
    this.#ctx = ctx;
    this.#store = store;
    this.#onWarning = onWarning;
    this.#endpoints = upworkEndpoints(ctx.config);
    const s = ctx.secrets;
    for (const v of [s.UPWORK_CLIENT_SECRET, s.UPWORK_ACCESS_TOKEN, s.UPWORK_REFRESH_TOKEN])
      this.#remember(v);
  }

  #remember(value: string | null | undefined): void {
    if (typeof value === 'string' && value !== '') this.#secrets.add(value);
  }

  #redact(text: string): string {
    return redact(text, [...this.#secrets]);
  }

  warn(message: string): void {
    const clean = this.#redact(message);
    this.warnings.push(clean);
    this.#onWarning?.({ sourceId: this.#ctx.sourceId, message: clean });
  }

  /** Stored tokens, else the ones in the environment, else null. */
  async loadTokens(): Promise<Tokens | null> {
    const tokens = (await this.#store.load()) ?? upworkTokensFromSecrets(this.#ctx.secrets);
    if (tokens !== null) {
      this.#remember(tokens.accessToken);
      this.#remember(tokens.refreshToken);
    }
    return tokens;
  }

  async #current(): Promise<Tokens> {
    if (this.#tokens !== null && !this.#expiring(this.#tokens)) return this.#tokens;
    const tokens = this.#tokens ?? (await this.loadTokens());
    if (tokens === null) {
      throw new DomainError(
        'UNAUTHORIZED',
        'Upwork is not connected yet: there is no access token',
        {
          hint: `run \`applydesk sources auth upwork\` (needs UPWORK_CLIENT_ID, UPWORK_CLIENT_SECRET and UPWORK_REDIRECT_URI from ${UPWORK_KEY_URL})`,
          details: { kind: 'auth' },
        },
      );
    }
    this.#tokens = this.#expiring(tokens) ? await this.#refresh(tokens) : tokens;
    return this.#tokens;
  }

  #expiring(tokens: Tokens): boolean {
    if (tokens.accessToken === '') return true;
    if (tokens.expiresAt === null) return false;
    const at = Date.parse(tokens.expiresAt);
    return Number.isNaN(at) || at - this.#ctx.now().getTime() < REFRESH_MARGIN_MS;
  }

  /** One refresh per token store at a time: Upwork may rotate the refresh token, so two at once could lose one. */
  async #refresh(stale: Tokens): Promise<Tokens> {
    const running = SINGLE_FLIGHT.get(this.#store);
    if (running !== undefined) return running;
    const started = this.#doRefresh(stale).finally(() => SINGLE_FLIGHT.delete(this.#store));
    SINGLE_FLIGHT.set(this.#store, started);
    return started;
  }

  async #doRefresh(stale: Tokens): Promise<Tokens> {
    const { secrets } = this.#ctx;
    if (stale.refreshToken === null) {
      throw new DomainError(
        'UNAUTHORIZED',
        'Upwork access token has expired and there is no refresh token to renew it',
        {
          hint: UPWORK_REAUTH_HINT,
          details: { kind: 'auth' },
        },
      );
    }
    if (blank(secrets.UPWORK_CLIENT_ID) || blank(secrets.UPWORK_CLIENT_SECRET)) {
      throw new DomainError(
        'UNAUTHORIZED',
        'cannot renew the Upwork access token without UPWORK_CLIENT_ID and UPWORK_CLIENT_SECRET',
        {
          hint: NO_KEY_MESSAGE,
          details: { kind: 'auth' },
        },
      );
    }
    const fresh = await refreshTokens(this.#ctx.http, {
      refreshToken: stale.refreshToken,
      clientId: secrets.UPWORK_CLIENT_ID,
      clientSecret: secrets.UPWORK_CLIENT_SECRET,
      tokenUrl: this.#endpoints.tokenUrl,
      now: this.#ctx.now,
      ...withSignal(this.#ctx.signal),
    });
    this.#remember(fresh.accessToken);
    this.#remember(fresh.refreshToken);
    await this.#store.save(fresh);
    return fresh;
  }

  async #post(accessToken: string, body: string): Promise<string> {
    const { config, signal } = this.#ctx;
    const res = await this.#ctx.http.request({
      url: this.#endpoints.graphqlUrl,
      method: 'POST',
      headers: {
        authorization: `Bearer ${accessToken}`,
        'content-type': 'application/json',
        accept: 'application/json',
        ...(config.tenantId === undefined ? {} : { 'x-upwork-api-tenantid': config.tenantId }),
      },
      body,
      ...withSignal(signal),
    });
    return res.text;
  }

  /** A client failure in Upwork's words, keeping its kind and status (health and paging read them). */
  #rethrow(error: unknown, refreshed: boolean): never {
    const status = httpStatus(error);
    // A 403 challenge page is `blocked`, not a refusal of the key: it goes up as it is.
    if (
      !(error instanceof DomainError) ||
      failureKind(error) !== 'auth' ||
      (status !== 401 && status !== 403)
    ) {
      throw error;
    }
    const message =
      status === 401
        ? `Upwork refused the access token${refreshed ? ' even after renewing it' : ''} (HTTP 401)`
        : `Upwork refused access to the job search (HTTP 403)`;
    throw new DomainError('UPSTREAM_FAILED', message, {
      hint:
        status === 401
          ? UPWORK_REAUTH_HINT
          : `check the key's scopes in Upwork's API Center ("${UPWORK_SCOPES.join('" and "')}"), then ${UPWORK_REAUTH_HINT}`,
      details: { ...error.details, kind: 'auth' },
    });
  }

  /** POSTs the search; on a 401 renews the token once and tries once more. */
  async search(variables: UpworkSearchVariables, page: number) {
    const body = JSON.stringify({ query: MARKETPLACE_JOB_SEARCH_QUERY, variables });
    let tokens = await this.#current();
    let text: string;
    try {
      text = await this.#post(tokens.accessToken, body);
    } catch (error) {
      if (httpStatus(error) !== 401) this.#rethrow(error, false);
      tokens = await this.#refresh(tokens);
      this.#tokens = tokens;
      try {
        text = await this.#post(tokens.accessToken, body);
      } catch (again) {
        this.#rethrow(again, true);
      }
    }
    return this.#read(text, page);
  }

  #read(text: string, page: number) {
    const url = this.#endpoints.graphqlUrl;
    const parsed = UpworkSearchResponse.safeParse(parseJsonBody<unknown>(url, text));
    if (!parsed.success) {
      throw new DomainError(
        'UPSTREAM_FAILED',
        `Upwork answered page ${page} with something other than a GraphQL search result`,
        {
          details: { kind: 'malformed', url },
        },
      );
    }
    const errors = parsed.data.errors ?? [];
    const connection = parsed.data.data?.marketplaceJobPostingsSearch ?? null;
    const scopeErrors = errors.filter(isScopeError);
    const summary = this.#redact(
      errors
        .slice(0, 3)
        .map((e) => e.message.slice(0, 300))
        .join(' | '),
    );
    if (connection === null) {
      if (scopeErrors.length > 0) {
        const fields = blockedFields(scopeErrors);
        throw new DomainError(
          'UPSTREAM_FAILED',
          `Upwork's API key lacks the "${UPWORK_SCOPES[0]}" scope this search needs` +
            (fields.length > 0 ? ` (blocked fields: ${fields.slice(0, 8).join(', ')})` : ''),
          {
            hint: `in Upwork's API Center edit the key's scopes to include "${UPWORK_SCOPES.join('" and "')}", then ${UPWORK_REAUTH_HINT} (changing scopes invalidates the tokens)`,
            details: {
              kind: 'auth',
              url,
              missingScopes: [...UPWORK_SCOPES],
              blockedFields: fields,
            },
          },
        );
      }
      if (errors.length > 0) {
        throw new DomainError(
          'UPSTREAM_FAILED',
          `Upwork's GraphQL API answered page ${page} with errors: ${summary}`,
          {
            details: { kind: 'server', url, errors: errors.length },
          },
        );
      }
      throw new DomainError(
        'UPSTREAM_FAILED',
        `Upwork answered page ${page} without marketplaceJobPostingsSearch`,
        {
          details: { kind: 'malformed', url },
        },
      );
    }
    if (errors.length > 0) {
      const scope =
        scopeErrors.length > 0
          ? ` (missing scope? give the key "${UPWORK_SCOPES.join('" and "')}")`
          : '';
      this.warn(
        `Upwork answered page ${page} with data and ${errors.length} error${errors.length === 1 ? '' : 's'}${scope}: ${summary}`,
      );
    }
    return connection;
  }
}

function olderThan(node: unknown, cutoff: number): boolean {
  if (typeof node !== 'object' || node === null || !('publishedDateTime' in node)) return false;
  const published =
    typeof node.publishedDateTime === 'string' ? Date.parse(node.publishedDateTime) : Number.NaN;
  return !Number.isNaN(published) && published < cutoff;
}

/**
 * The Upwork source over the official GraphQL API, with the user's own key. Never loads
 * Upwork's pages: the browser extension's captures (capture.ts) are the other way in.
 */
export function createUpworkSource(options: UpworkSourceOptions = {}): AnySourceAdapter {
  // Default: one in-memory store per source, started again when the tokens in the secrets change.
  const memory = new Map<string, { seed: string; store: TokenStore }>();
  const storeFor = (ctx: Ctx): TokenStore => {
    if (options.tokenStore !== undefined) return options.tokenStore;
    const durable = ctx.tokens;
    if (durable !== undefined) {
      // Tokens from `sources auth` (kept encrypted by the engine) win; until the user signs
      // in, tokens given in the environment are the starting point, saved once refreshed.
      return {
        load: async () => (await durable.load()) ?? upworkTokensFromSecrets(ctx.secrets),
        save: (tokens) => durable.save(tokens),
      };
    }
    const seed = JSON.stringify(upworkTokensFromSecrets(ctx.secrets));
    let entry = memory.get(ctx.sourceId);
    if (entry?.seed !== seed) {
      entry = { seed, store: createMemoryTokenStore() };
      memory.set(ctx.sourceId, entry);
    }
    return entry.store;
  };
  const session = (ctx: Ctx) => new UpworkSession(ctx, storeFor(ctx), options.onWarning);

  return defineSource<UpworkConfig, UpworkSecrets>({
    type: 'upwork',
    label: 'Upwork',
    description:
      "Upwork's job search through its official GraphQL API, with your own API key (OAuth2)",
    terms: {
      termsUrl: 'https://developers.upwork.com/api-tos.html',
      attribution:
        'Postings from Upwork (https://www.upwork.com): link each posting to its page on Upwork',
      minPollMinutes: 15,
      notes:
        'Needs your own Upwork API key with the scopes "Read marketplace Job Postings" and "Common Entities - Read-Only Access". ' +
        'ApplyDesk never loads Upwork pages (Upwork blocks and forbids it); the browser extension can send the pages you view. ' +
        'Upwork forbids automated bidding: ApplyDesk only drafts, you submit.',
    },
    configSchema: UpworkConfig,
    secretSchema: UpworkSecrets,

    async test(ctx) {
      if (blank(ctx.secrets.UPWORK_CLIENT_ID) || blank(ctx.secrets.UPWORK_CLIENT_SECRET)) {
        return { ok: false, message: NO_KEY_MESSAGE };
      }
      const s = session(ctx);
      if ((await s.loadTokens()) === null) {
        return {
          ok: false,
          message:
            'Upwork is not connected yet: run `applydesk sources auth upwork` to sign in and store tokens',
        };
      }
      try {
        let connection;
        try {
          connection = await s.search(upworkSearchVariables(ctx.config, { first: 1 }), 1);
        } catch (error) {
          // Upwork has answered pagination_eq with 500; ask again without it.
          if (httpStatus(error) !== 500) throw error;
          connection = await s.search(upworkSearchVariables(ctx.config), 1);
        }
        const available = connection.totalCount ?? connection.edges?.length ?? 0;
        const warnings = s.warnings.length > 0 ? ` (with warnings: ${s.warnings.join('; ')})` : '';
        return {
          ok: true,
          message: `Upwork answered: ${available} postings match "${ctx.config.query}"${warnings}`,
          available,
        };
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return {
          ok: false,
          message: error.hint === undefined ? error.message : `${error.message}; ${error.hint}`,
        };
      }
    },

    /**
     * Reads up to `maxPages` pages. The first page goes without `pagination_eq`, because
     * Upwork has been seen answering 500 to it; later pages send `{ first, after: endCursor }`,
     * and a 500 to one of them ends the run with the pages already read (and a warning).
     * `postedWithinHours` is applied here on `publishedDateTime`; sorted by recency, the
     * first too-old posting also ends the paging.
     */
    async *fetch(ctx) {
      const s = session(ctx);
      const cutoff =
        ctx.config.postedWithinHours === undefined
          ? null
          : ctx.now().getTime() - ctx.config.postedWithinHours * 3_600_000;
      let after: string | undefined;
      let read = 0;
      for (let page = 1; page <= ctx.config.maxPages; page++) {
        let connection;
        try {
          connection = await s.search(
            upworkSearchVariables(
              ctx.config,
              page === 1
                ? undefined
                : { first: PAGE_SIZE, ...(after === undefined ? {} : { after }) },
            ),
            page,
          );
        } catch (error) {
          if (page > 1 && httpStatus(error) === 500) {
            s.warn(
              `Upwork answered HTTP 500 to page ${page} (paginated search); kept the ${read} postings of the pages before it`,
            );
            return;
          }
          throw error;
        }
        const nodes = (connection.edges ?? [])
          .map((edge) => edge.node)
          .filter((node) => node !== null && node !== undefined);
        const kept = cutoff === null ? nodes : nodes.filter((node) => !olderThan(node, cutoff));
        if (kept.length > 0) yield kept;
        read += kept.length;
        if (nodes.length === 0) return;
        if (kept.length < nodes.length && ctx.config.sort === 'RECENCY') return;
        const info = connection.pageInfo;
        if (
          info?.hasNextPage !== true ||
          typeof info.endCursor !== 'string' ||
          info.endCursor === ''
        )
          return;
        after = info.endCursor;
      }
    },

    normalize: (raw, ctx) => normalizeUpworkNode(raw, ctx),
  });
}

/** The Upwork source with tokens kept in memory (seeded from the secrets); the engine passes a durable store instead. */
export const upworkSource = createUpworkSource();
