import { z } from 'zod';
import {
  DomainError,
  escapeHtml,
  formatIssues,
  type EmploymentType,
  type JobInputDraft,
  type Seniority,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { httpFailure } from '../http/http-client.js';
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
  return (config.baseUrl ?? DEFAULT_BASE).replace(/\/+$/, '');
}

function init(ctx: Ctx) {
  return ctx.signal === undefined ? {} : { signal: ctx.signal };
}

export function storiesUrl(config: HnConfig): string {
  return `${base(config)}/api/v1/search_by_date?tags=story,author_whoishiring&query=who%20is%20hiring&hitsPerPage=${Math.max(20, config.months * 4)}`;
}

export function commentsUrl(config: HnConfig, storyId: string, page: number): string {
  return `${base(config)}/api/v1/search?tags=comment,story_${storyId}&hitsPerPage=${COMMENTS_PER_PAGE}&page=${page}`;
}

function shapeOf<S extends z.ZodType>(schema: S, body: unknown, url: string): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw httpFailure(
    'malformed',
    url,
    `${url} answered JSON of an unexpected shape: ${formatIssues(parsed.error).join('; ')}`,
  );
}

/** The most recent "Who is hiring" threads, newest first. */
async function hiringStories(ctx: Ctx): Promise<z.infer<typeof StoryHit>[]> {
  const url = storiesUrl(ctx.config);
  const body = shapeOf(StorySearch, await ctx.http.getJson(url, init(ctx)), url);
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

/** The level a role title states, if any ("Sr Backend Engineer" -> senior). */
export function seniorityOfTitle(title: string): Seniority {
  if (/\bintern(ship)?s?\b/i.test(title)) return 'intern';
  if (/\b(cto|vp|vice president|director|head of|chief)\b/i.test(title)) return 'executive';
  if (/\b(principal|distinguished)\b/i.test(title)) return 'principal';
  if (/\b(staff|lead|manager)\b/i.test(title)) return 'lead';
  if (/\b(senior|sr\.?)(?![a-z])/i.test(title)) return 'senior';
  if (/\b(junior|jr\.?|entry[- ]level|graduate|new grad)(?![a-z])/i.test(title)) return 'junior';
  if (/\b(mid[- ]level|intermediate)\b/i.test(title)) return 'mid';
  return 'unknown';
}

function postedAt(hit: HnCommentHit): string | null {
  const fromText =
    hit.created_at === undefined || hit.created_at === null ? NaN : Date.parse(hit.created_at);
  if (Number.isFinite(fromText)) return new Date(fromText).toISOString();
  if (
    typeof hit.created_at_i === 'number' &&
    Number.isFinite(hit.created_at_i) &&
    hit.created_at_i > 0
  ) {
    return new Date(hit.created_at_i * 1000).toISOString();
  }
  return null;
}

function invalid(id: string, reason: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError('INVALID_INPUT', `hn comment ${id}: ${reason}`, {
    details: { externalId: id, ...details },
  });
}

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

  async test(ctx) {
    try {
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
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  },

  async *fetch(ctx) {
    for (const story of await hiringStories(ctx)) {
      const storyId = Number(story.objectID);
      for (let page = 0; page < MAX_COMMENT_PAGES; page++) {
        const url = commentsUrl(ctx.config, story.objectID, page);
        const body = shapeOf(CommentSearch, await ctx.http.getJson(url, init(ctx)), url);
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
    const parsed = HnCommentHit.safeParse(raw);
    const idGuess =
      typeof raw === 'object' && raw !== null && 'objectID' in raw ? String(raw.objectID) : '?';
    if (!parsed.success) {
      const problems = formatIssues(parsed.error);
      throw invalid(idGuess, `cannot be mapped: ${problems.join('; ')}`, { problems });
    }
    const hit = parsed.data;
    const text = hit.comment_text ?? '';
    if (text.trim() === '') throw invalid(hit.objectID, 'has no text (deleted or flagged)');
    const verdict = classifyHiringComment(text);
    if (verdict.posting === null)
      throw invalid(hit.objectID, `is not a job post (${verdict.kind})`);
    const post = verdict.posting;
    if (post.title === '') throw invalid(hit.objectID, `names no role (company ${post.company})`);

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
      seniority: seniorityOfTitle(post.roles[0] ?? post.title),
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
      postedAt: postedAt(hit),
      fetchedAt: ctx.now().toISOString(),
      raw,
    };
  },
});
