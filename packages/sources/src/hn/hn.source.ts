import { z } from 'zod';
import {
  escapeHtml,
  inferSeniority,
  type EmploymentType,
  type JobInputDraft,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { firstDate } from '../shared/dates.js';
import { idOf, parsePosting, refuse } from '../shared/refuse.js';
import { expectShape, reportTest, withSignal } from '../shared/requests.js';
import { apiBase } from '../shared/urls.js';
import { classifyHiringComment, type HiringEmployment } from './parse-comment.js';

export const HN_TYPE = 'hn';
const DEFAULT_BASE = 'https://hn.algolia.com';
const ITEM_URL = 'https://news.ycombinator.com/item?id=';
/** Algolia serves at most 1000 hits per query page; a monthly thread has 400-700 comments. */
const COMMENTS_PER_PAGE = 1000;
const MAX_COMMENT_PAGES = 5;
const HIRING_TITLE = /^Ask HN: Who is hiring\?/i;

export const HnConfig = BaseSourceConfig.extend({
  months: z
    .number()
    .int()
    .min(1)
    .max(12)
    .default(1)
    .describe('how many recent monthly "Ask HN: Who is hiring?" threads to read'),
});
export type HnConfig = z.infer<typeof HnConfig>;

/** A story hit of Algolia's HN search (the fields used here). */
const StoryHit = z.object({
  objectID: z.string(),
  title: z.string().nullish(),
  created_at: z.string().nullish(),
  num_comments: z.number().nullish(),
});
const StorySearch = z.object({ hits: z.array(z.unknown()) });
const CommentSearch = z.object({
  hits: z.array(z.unknown()),
  nbPages: z.number().int().nonnegative().optional(),
  page: z.number().int().nonnegative().optional(),
});

/** A comment hit of Algolia's HN search, as `fetch` yields it and `normalize` reads it. */
export const HnCommentHit = z.object({
  objectID: z.string().min(1),
  comment_text: z.string().nullish(),
  author: z.string().nullish(),
  created_at: z.string().nullish(),
  created_at_i: z.number().nullish(),
  parent_id: z.number().nullish(),
  story_id: z.number().nullish(),
  story_title: z.string().nullish(),
});
export type HnCommentHit = z.infer<typeof HnCommentHit>;

type Ctx = Pick<SourceContext<HnConfig, Record<string, never>>, 'config' | 'http' | 'signal'>;

function base(config: HnConfig): string {
  return apiBase(config.baseUrl, DEFAULT_BASE);
}

export function storiesUrl(config: HnConfig): string {
  return `${base(config)}/api/v1/search_by_date?tags=story,author_whoishiring&query=who%20is%20hiring&hitsPerPage=${Math.max(20, config.months * 4)}`;
}

export function commentsUrl(config: HnConfig, storyId: string, page: number): string {
  return `${base(config)}/api/v1/search?tags=comment,story_${storyId}&hitsPerPage=${COMMENTS_PER_PAGE}&page=${page}`;
}

/** An Algolia answer as `schema` reads it, else a `malformed` failure. */
async function getSearch<T>(ctx: Ctx, url: string, schema: z.ZodType<T>): Promise<T> {
  const body = await ctx.http.getJson(url, withSignal(ctx.signal));
  return expectShape(schema, body, url, 'of an unexpected shape');
}

/** The most recent "Who is hiring" threads, newest first. */
async function hiringStories(ctx: Ctx): Promise<z.infer<typeof StoryHit>[]> {
  const url = storiesUrl(ctx.config);
  const body = await getSearch(ctx, url, StorySearch);
  const stories = body.hits
    .map((hit) => StoryHit.safeParse(hit))
    .flatMap((r) => (r.success ? [r.data] : []))
    .filter((story) => HIRING_TITLE.test(story.title ?? ''))
    .sort((a, b) => Date.parse(b.created_at ?? '') - Date.parse(a.created_at ?? ''));
  return stories.slice(0, ctx.config.months);
}

function employmentType(kind: HiringEmployment | null): EmploymentType {
  switch (kind) {
    case 'Full-time':
      return 'full_time';
    case 'Part-time':
      return 'part_time';
    case 'Contract':
      return 'contract';
    case 'Intern':
      return 'internship';
    default:
      return 'unknown';
  }
}

/** HN's items are comments: refusals name them so. */
const COMMENT = { item: 'comment' };

export const hnSource = defineSource({
  type: HN_TYPE,
  label: 'Hacker News: Who is hiring?',
  description:
    'Top-level comments of the monthly "Ask HN: Who is hiring?" threads, read through the Algolia HN Search API; each job comment is parsed into company, roles, place, remote, pay and link.',
  terms: {
    termsUrl: 'https://hn.algolia.com/api',
    attribution:
      'Each posting is a Hacker News comment written by its author: link to it (news.ycombinator.com/item?id=...) and name Hacker News as the source.',
    minPollMinutes: 60,
    notes:
      'Public API, no key. Threads are posted on the first weekday of each month; most comments arrive in the first days, so polling more than hourly gains nothing. Only top-level comments are read; replies and talk about the thread are skipped.',
  },
  configSchema: HnConfig,
  secretSchema: z.object({}),

  test(ctx) {
    return reportTest(async () => {
      const stories = await hiringStories(ctx);
      const latest = stories[0];
      if (latest === undefined) {
        return {
          ok: false,
          message: 'the HN search answered, but found no "Ask HN: Who is hiring?" thread',
        };
      }
      return {
        ok: true,
        message: `latest thread: ${latest.title ?? latest.objectID} (${latest.num_comments ?? '?'} comments)`,
      };
    });
  },

  async *fetch(ctx) {
    for (const story of await hiringStories(ctx)) {
      const storyId = Number(story.objectID);
      for (let page = 0; page < MAX_COMMENT_PAGES; page++) {
        const url = commentsUrl(ctx.config, story.objectID, page);
        const body = await getSearch(ctx, url, CommentSearch);
        const posts = body.hits.filter((raw) => {
          const hit = HnCommentHit.safeParse(raw);
          if (!hit.success || hit.data.parent_id !== storyId) return false;
          // Talk about the thread and deleted comments are not postings, nor worth reporting.
          return classifyHiringComment(hit.data.comment_text ?? '').kind === 'job';
        });
        if (posts.length > 0) yield posts;
        if (body.hits.length === 0 || page + 1 >= (body.nbPages ?? 1)) break;
      }
    }
  },

  normalize(raw, ctx): JobInputDraft {
    const hit = parsePosting(HnCommentHit, raw, HN_TYPE, idOf(raw, 'objectID'), COMMENT);
    const invalid = (reason: string) => refuse(HN_TYPE, hit.objectID, reason, COMMENT);
    const text = hit.comment_text ?? '';
    if (text.trim() === '') throw invalid('has no text (deleted or flagged)');
    const verdict = classifyHiringComment(text);
    if (verdict.posting === null) throw invalid(`is not a job post (${verdict.kind})`);
    const post = verdict.posting;
    if (post.title === '') throw invalid(`names no role (company ${post.company})`);

    const itemUrl = `${ITEM_URL}${hit.objectID}`;
    const by =
      hit.author === undefined || hit.author === null ? '' : ` by ${escapeHtml(hit.author)}`;
    return {
      sourceType: HN_TYPE,
      sourceId: ctx.sourceId,
      externalId: hit.objectID,
      url: post.applyUrl ?? itemUrl,
      canonicalUrl: itemUrl,
      title: post.title,
      company: post.company,
      location: post.locationText,
      remote: post.remote,
      employmentType: employmentType(post.employmentType),
      seniority: inferSeniority(post.roles[0] ?? post.title),
      salary:
        post.salary === null
          ? null
          : {
              min: post.salary.min,
              max: post.salary.max,
              currency: post.salary.currency,
              period: post.salary.period,
            },
      descriptionHtml: `${text}<p><a href="${itemUrl}">Posted on Hacker News${by}</a></p>`,
      descriptionText: '',
      skills: [],
      postedAt: firstDate(ctx.now(), hit.created_at, hit.created_at_i),
      fetchedAt: ctx.now().toISOString(),
      raw,
    };
  },
});
