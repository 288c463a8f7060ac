import { z } from 'zod';
import { DomainError } from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { failureKind } from '../http/http-client.js';
import { withSignal } from '../shared/requests.js';
import { onBaseUrl } from '../shared/urls.js';
import { entriesFromPage, entryToDraft, type PageEntry } from './map.js';

export const JsonLdConfig = BaseSourceConfig.extend({
  type: z.literal('jsonld'),
  url: z.url().optional().describe('a job or careers page whose JSON-LD declares JobPostings'),
  urls: z.array(z.url()).optional().describe('several such pages'),
  company: z
    .string()
    .min(1)
    .optional()
    .describe('company name for every posting (overrides the page)'),
}).refine((c) => c.url !== undefined || (c.urls?.length ?? 0) > 0, {
  message: 'give `url` or `urls`',
  path: ['url'],
});
export type JsonLdConfig = z.infer<typeof JsonLdConfig>;

export const JsonLdSecrets = z.object({});
export type JsonLdSecrets = z.infer<typeof JsonLdSecrets>;

type Ctx = SourceContext<JsonLdConfig, JsonLdSecrets>;

export function pageUrls(config: JsonLdConfig): string[] {
  return [...new Set([...(config.url === undefined ? [] : [config.url]), ...(config.urls ?? [])])];
}

async function readPage(
  ctx: Ctx,
  pageUrl: string,
): Promise<{ entries: PageEntry[]; skipped: number }> {
  const res = await ctx.http.request({
    // The page itself, or the same path on `baseUrl` (a mirror, or tests).
    url: onBaseUrl(pageUrl, ctx.config.baseUrl),
    headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' },
    ...withSignal(ctx.signal),
  });
  const { entries, skipped } = entriesFromPage(res.text, pageUrl);
  const withNotes =
    skipped.length === 0 ? entries : entries.map((e) => ({ ...e, skippedBlocks: skipped }));
  return { entries: withNotes, skipped: skipped.length };
}

/** One failure for a run where some pages failed: the first one's kind, every page named. */
function combined(failures: { url: string; error: unknown }[], total: number): unknown {
  if (failures.length === 1 && total === 1) return failures[0]!.error;
  const first = failures[0]!.error;
  const kind = failureKind(first) ?? 'network';
  const retryAt = failures
    .map((f) => (f.error instanceof DomainError ? f.error.details?.retryAt : undefined))
    .filter((r): r is string => typeof r === 'string')
    .sort()
    .at(-1);
  const list = failures.map(
    (f) => `${f.url}: ${f.error instanceof Error ? f.error.message : String(f.error)}`,
  );
  return new DomainError(
    'UPSTREAM_FAILED',
    `${failures.length} of ${total} pages failed: ${list.join('; ')}`,
    {
      details: {
        kind,
        url: failures[0]!.url,
        pages: failures.map((f) => f.url),
        ...(retryAt === undefined ? {} : { retryAt }),
      },
    },
  );
}

export const jsonLdSource = defineSource<JsonLdConfig, JsonLdSecrets>({
  type: 'jsonld',
  label: 'Any page with JSON-LD',
  description:
    'Reads schema.org JobPosting from the JSON-LD of any job or careers page (Greenhouse, Workable, WordPress job plugins, Yoast, …); pages without it are read from their title and OpenGraph tags',
  terms: {
    termsUrl: null,
    attribution: null,
    minPollMinutes: 60,
    notes:
      "Reads only the pages you list, once per run. Respect each site's terms and robots.txt. A page without JobPosting gives one posting guessed from its title and text, flagged `fallback: true` in raw.",
  },
  configSchema: JsonLdConfig,
  secretSchema: JsonLdSecrets,
  async test(ctx) {
    const urls = pageUrls(ctx.config);
    const first = urls[0]!;
    const { entries, skipped } = await readPage(ctx, first);
    const postings = entries.filter((e) => e.via === 'json-ld').length;
    const note = skipped > 0 ? `; ${skipped} JSON-LD block(s) could not be read` : '';
    return postings > 0
      ? {
          ok: true,
          message: `${first} declares ${postings} JobPosting(s)${note}`,
          available: postings,
        }
      : entries.length > 0
        ? {
            ok: true,
            message: `${first} declares no JobPosting; its title and text would be used${note}`,
            available: 1,
          }
        : {
            ok: false,
            message: `${first} declares no JobPosting and has no title to fall back on${note}`,
            available: 0,
          };
  },
  async *fetch(ctx) {
    const urls = pageUrls(ctx.config);
    const failures: { url: string; error: unknown }[] = [];
    for (const url of urls) {
      let entries: PageEntry[];
      try {
        ({ entries } = await readPage(ctx, url));
      } catch (error) {
        if (ctx.signal?.aborted === true) throw error;
        failures.push({ url, error });
        continue;
      }
      if (entries.length > 0) yield entries;
    }
    // Pages that answered are stored; the run still fails so nothing is closed for the others.
    if (failures.length > 0) throw combined(failures, urls.length);
  },
  normalize(raw, ctx) {
    return entryToDraft(raw, { sourceId: ctx.sourceId, now: ctx.now, company: ctx.config.company });
  },
});
