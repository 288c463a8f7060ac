import { z } from 'zod';
import {
  RemoteMode,
  inferEmploymentType,
  inferRemote,
  type EmploymentType,
  type JobInputDraft,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { httpFailure } from '../http/http-client.js';
import { firstDate } from '../shared/dates.js';
import { refuseNamed } from '../shared/refuse.js';
import { withSignal } from '../shared/requests.js';
import { absoluteHttpUrl, looksLikeHttpUrl, onBaseUrl } from '../shared/urls.js';
import { parseFeed, splitJobTitle, type FeedEntry } from './feed.js';

export const RssConfig = BaseSourceConfig.extend({
  type: z.literal('rss'),
  url: z.url().describe('the RSS or Atom feed'),
  company: z
    .string()
    .min(1)
    .optional()
    .describe('company for every posting (a company’s own feed)'),
  remote: RemoteMode.optional().describe(
    'remote, hybrid or onsite for every posting (a remote-only board); else guessed',
  ),
});
export type RssConfig = z.infer<typeof RssConfig>;

export const RssSecrets = z.object({});
export type RssSecrets = z.infer<typeof RssSecrets>;

type Ctx = SourceContext<RssConfig, RssSecrets>;

async function readFeed(ctx: Ctx): Promise<FeedEntry[]> {
  const url = ctx.config.url;
  const res = await ctx.http.request({
    // The feed itself, or the same path on `baseUrl` (a mirror, or tests).
    url: onBaseUrl(url, ctx.config.baseUrl),
    headers: {
      accept:
        'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
    },
    ...withSignal(ctx.signal),
  });
  const feed = parseFeed(res.text);
  if (!feed.ok)
    throw httpFailure('malformed', url, `${url} is not a readable feed: ${feed.reason}`);
  return feed.entries;
}

/** "jobs@acme.com (Acme Inc)" → "Acme Inc"; a bare e-mail address names no company. */
function authorName(author: string | null): string | null {
  if (author === null) return null;
  const paren = /\(([^)]+)\)\s*$/.exec(author);
  const name = (paren?.[1] ?? author).trim();
  return name === '' || /^\S+@\S+$/.test(name) ? null : name;
}

/** The employment type the first of `labels` that names one says. */
function employmentType(...labels: string[]): EmploymentType {
  for (const label of labels) {
    const type = inferEmploymentType(label);
    if (type !== 'unknown') return type;
  }
  return 'unknown';
}

/** The `remote` option, else what the first of the location, title and categories says. */
function remoteMode(config: RssConfig, ...labels: (string | null)[]): RemoteMode {
  if (config.remote !== undefined) return config.remote;
  for (const location of labels) {
    const mode = inferRemote({ location });
    if (mode !== 'unknown') return mode;
  }
  return 'unknown';
}

function invalid(what: string, reason: string) {
  return refuseNamed(what, reason, 'feed item');
}

/**
 * Maps one feed entry. Company: the `company` option, else a `<company>` element, else the
 * author (dc:creator), else the company named in the title ("Acme: Engineer", "Engineer at
 * Acme", "Acme is hiring Engineer"), else the feed's title. The title loses the company part
 * when it named one; `raw.item` keeps it as written.
 */
export function normalizeRss(
  raw: unknown,
  ctx: Pick<Ctx, 'sourceId' | 'config' | 'now'>,
): JobInputDraft {
  if (typeof raw !== 'object' || raw === null || typeof (raw as FeedEntry).title !== 'string') {
    throw invalid('?', 'is not a feed entry');
  }
  const entry = raw as FeedEntry;
  const base = entry.feed.link ?? ctx.config.url;
  const url = absoluteHttpUrl(entry.link, base) ?? (looksLikeHttpUrl(entry.id) ? entry.id : null);
  const label = entry.title !== '' ? `"${entry.title}"` : (entry.id ?? '?');
  if (entry.title === '') throw invalid(label, 'has no title');
  if (url === null) throw invalid(label, 'has no link');
  const split = splitJobTitle(entry.title);
  const company =
    ctx.config.company ??
    entry.extras.company ??
    authorName(entry.author) ??
    split?.company ??
    entry.feed.title ??
    '';
  if (company === '') throw invalid(label, 'names no company (set the `company` option)');
  const title = split?.title ?? entry.title;
  const location =
    entry.extras.location ??
    entry.extras.region ??
    ([entry.extras.state, entry.extras.country].filter((p) => p !== undefined).join(', ') || null);
  const skills = (entry.extras.skills ?? '')
    .split(/\s*[,;]\s*/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return {
    sourceType: 'rss',
    sourceId: ctx.sourceId,
    externalId: entry.id ?? url,
    url,
    title,
    company,
    location,
    remote: remoteMode(ctx.config, location, title, ...entry.categories),
    employmentType: employmentType(
      entry.extras.type ?? entry.extras.job_type ?? '',
      ...entry.categories,
      title,
    ),
    descriptionHtml: entry.isText ? '' : entry.html,
    descriptionText: entry.isText ? entry.html : '',
    skills,
    postedAt: firstDate(ctx.now(), entry.date),
    fetchedAt: ctx.now().toISOString(),
    expiresAt: firstDate(ctx.now(), entry.extras.expires_at),
    raw,
  };
}

export const rssSource = defineSource<RssConfig, RssSecrets>({
  type: 'rss',
  label: 'RSS or Atom feed',
  description:
    "Any job feed in RSS 2.0, RSS 1.0 or Atom: a board's feed (We Work Remotely, …) or a company's own",
  terms: {
    termsUrl: null,
    attribution: null,
    minPollMinutes: 30,
    notes:
      "Check the feed's own terms; most boards ask that postings link back to them, which the item links do.",
  },
  configSchema: RssConfig,
  secretSchema: RssSecrets,
  async test(ctx) {
    const entries = await readFeed(ctx);
    return {
      ok: true,
      message: `${ctx.config.url} lists ${entries.length} items`,
      available: entries.length,
    };
  },
  async *fetch(ctx) {
    const entries = await readFeed(ctx);
    if (entries.length > 0) yield entries;
  },
  normalize: normalizeRss,
});
