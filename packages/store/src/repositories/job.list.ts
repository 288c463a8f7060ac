import { DomainError } from '@applydesk/domain';
import { sql, type RawBuilder } from 'kysely';
import { toCount } from '../codec.js';
import type { StoreContext } from '../context.js';
import { readDataVersion, type CachedListing, type OrderedKeys } from '../listing-cache.js';
import { decodeCursor, encodeCursor, type Cursor, type CursorValue } from '../cursor.js';
import { postgresQueryParts, sqliteMatchExpression } from '../fts.js';
import type { JobListItem, JobPage, JobQuery, JobSort } from '../repositories.js';
import { JOB_LIST_COLUMNS, jobListItemFromRow, type JobListRow } from './job.mapper.js';

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 200;
/** Column weights for bm25, in FTS column order: title, company, description, skills. */
const BM25 = sql.raw('bm25(jobs_fts, 10.0, 4.0, 1.0, 4.0)');

type Fragment = RawBuilder<unknown>;

const CURSOR_KIND: Record<JobSort, 'integer' | 'number' | 'time'> = {
  score: 'integer',
  relevance: 'number',
  posted: 'time',
  fetched: 'time',
};

interface Plan {
  from: Fragment;
  /** The same joins without the text search: enough to read the rows of a page by id. */
  rowsFrom: Fragment;
  where: Fragment[];
  score: Fragment;
  stage: Fragment;
  applicationId: Fragment;
  rejectedRule: Fragment;
  rejectedReason: Fragment;
  sortValue: Fragment;
  sort: JobSort;
  desc: boolean;
}

function textSearch(
  ctx: StoreContext,
  text: string | undefined,
): { where: Fragment; rank: Fragment } | null {
  if (text === undefined) return null;
  if (ctx.dialect === 'sqlite') {
    const match = sqliteMatchExpression(text);
    if (match === null) return null;
    // bm25 is lower for better matches; negated so that "desc" means best first on both dialects.
    return {
      where: sql`jobs_fts match ${match}`,
      rank: sql`-${BM25}`,
    };
  }
  const parts = postgresQueryParts(text);
  if (parts === null) return null;
  const query = sql`(websearch_to_tsquery('english', ${parts.words}) && to_tsquery('english', ${`${parts.prefix}:*`}))`;
  // float8 so the rank survives the trip through a cursor exactly (ts_rank returns float4).
  return {
    where: sql`j.search @@ ${query}`,
    rank: sql`ts_rank(j.search, ${query})::float8`,
  };
}

function plan(ctx: StoreContext, query: JobQuery): Plan {
  const search = textSearch(ctx, query.text);
  const profileId = query.profileId;
  const profileJoins: Fragment[] = [];
  if (profileId !== undefined) {
    profileJoins.push(sql`left join matches m on m.job_id = j.id and m.profile_id = ${profileId}`);
    profileJoins.push(
      sql`left join applications a on a.job_id = j.id and a.profile_id = ${profileId}`,
    );
  }
  const joins = profileJoins;
  // SQLite: the full-text match drives the join (CROSS JOIN keeps it outermost). Led by the
  // score index instead, SQLite re-ran the match for every scored posting: 45 s on 100k.
  const ftsFirst = ctx.dialect === 'sqlite' && search !== null;
  // Without a profile there is no score or stage; filters then see null, as the listing shows.
  const score = profileId !== undefined ? sql`m.score` : sql`cast(null as integer)`;
  const stage = profileId !== undefined ? sql`a.stage` : sql`cast(null as text)`;
  const applicationId = profileId !== undefined ? sql`a.id` : sql`cast(null as text)`;
  // A rejection the user overrode no longer holds the posting back, so it lists as none.
  const heldBack =
    ctx.dialect === 'postgres'
      ? sql`m.rejected_rule is not null and not m.overridden`
      : sql`m.rejected_rule is not null and m.overridden = 0`;
  const rejectedRule =
    profileId !== undefined
      ? sql`case when ${heldBack} then m.rejected_rule end`
      : sql`cast(null as text)`;
  const rejectedReason =
    profileId !== undefined
      ? sql`case when ${heldBack} then m.rejected_reason end`
      : sql`cast(null as text)`;

  const where: Fragment[] = [];
  const status = query.status ?? 'open';
  if (status !== 'all') where.push(sql`j.status = ${status}`);
  // A role seen on several sources lists once, as its canonical job (see markDuplicate and,
  // for PostgreSQL's generated `canonical` column, migrations/0002_provenance.ts).
  if (query.includeDuplicates !== true)
    where.push(ctx.dialect === 'postgres' ? sql`j.canonical` : sql`j.duplicate_of is null`);
  if (search !== null) where.push(search.where);
  if (query.sourceTypes !== undefined && query.sourceTypes.length > 0) {
    where.push(sql`j.source_type in (${sql.join(query.sourceTypes)})`);
  }
  if (query.remote !== undefined && query.remote.length > 0)
    where.push(sql`j.remote in (${sql.join(query.remote)})`);
  if (profileId !== undefined && query.rejected !== undefined)
    where.push(query.rejected ? sql`(${heldBack})` : sql`not coalesce(${heldBack}, false)`);
  if (query.minScore !== undefined) where.push(sql`${score} >= ${query.minScore}`);
  if (query.maxScore !== undefined) where.push(sql`${score} <= ${query.maxScore}`);
  // A posting without an application shows as `discovered`, so it filters as one too.
  if (query.stages !== undefined && query.stages.length > 0) {
    where.push(sql`coalesce(${stage}, 'discovered') in (${sql.join(query.stages)})`);
  }

  const fallback: JobSort = profileId !== undefined ? 'score' : 'posted';
  let sort = query.sort ?? fallback;
  // Relevance needs words to rank by; with none left after cleaning, use the default order.
  if (sort === 'relevance' && search === null) sort = fallback;
  const sortValue: Fragment =
    sort === 'relevance' && search !== null
      ? search.rank
      : sort === 'score'
        ? score
        : sort === 'fetched'
          ? sql`j.fetched_at`
          : sql`j.posted_at`;

  const from = ftsFirst
    ? sql`jobs_fts cross join jobs j on j.seq = jobs_fts.rowid ${sql.join(joins, sql` `)}`
    : sql`jobs j ${sql.join(joins, sql` `)}`;
  const rowsFrom = sql`jobs j ${sql.join(profileJoins, sql` `)}`;
  return {
    from,
    rowsFrom,
    where,
    score,
    stage,
    applicationId,
    rejectedRule,
    rejectedReason,
    sortValue,
    sort,
    desc: (query.order ?? 'desc') === 'desc',
  };
}

function whereClause(parts: readonly Fragment[]): Fragment {
  return parts.length === 0 ? sql`` : sql`where ${sql.join(parts, sql` and `)}`;
}

/**
 * Rows after the cursor in (sort value, id) order with nulls last in either direction;
 * written out because nulls compare as unknown, not as "last".
 */
function afterCursor(cursor: Cursor, desc: boolean): Fragment {
  const beyond = desc ? sql`<` : sql`>`;
  if (cursor.value === null) return sql`(f.sort_value is null and f.id ${beyond} ${cursor.id})`;
  return sql`(f.sort_value ${beyond} ${cursor.value}
    or (f.sort_value = ${cursor.value} and f.id ${beyond} ${cursor.id})
    or f.sort_value is null)`;
}

function cursorValueOf(value: unknown): CursorValue {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number' || value === null) return value;
  // pg hands back numeric types it cannot hold exactly as strings; none of the sort values are.
  return JSON.stringify(value);
}

/** The ids (and sort values) of one page, the whole listing's count, and whether more follow. */
interface PageKeys {
  keys: { id: string; sort_value: unknown }[];
  totalCount: number;
  more: boolean;
  /** The cached listing the page came from, which also keeps its rows. */
  listing?: CachedListing;
}

/** What makes two listings the same, whatever page of them is asked for. */
function listingKey(query: JobQuery, p: Plan): string {
  return JSON.stringify([
    query.profileId ?? null,
    query.text ?? null,
    query.status ?? 'open',
    query.includeDuplicates === true,
    query.sourceTypes ?? [],
    query.remote ?? [],
    query.rejected ?? null,
    query.minScore ?? null,
    query.maxScore ?? null,
    query.stages ?? [],
    p.sort,
    p.desc,
  ]);
}

/** Every posting of the listing in order: its count and all its pages come from this one scan. */
async function orderedKeys(ctx: StoreContext, p: Plan, direction: Fragment): Promise<OrderedKeys> {
  const result = await sql<{ id: string; sort_value: unknown }>`
    select j.id as id, ${p.sortValue} as sort_value
    from ${p.from}
    ${whereClause(p.where)}
    order by 2 ${direction} nulls last, 1 ${direction}
  `.execute(ctx.db);
  const ids = new Array<string>(result.rows.length);
  const sortValues = new Array<unknown>(result.rows.length);
  result.rows.forEach((row, i) => {
    ids[i] = row.id;
    sortValues[i] = row.sort_value;
  });
  return { ids, sortValues };
}

/**
 * A page from the cached listing, or null when the cache cannot answer: inside a transaction
 * (its own writes are not committed, so no data version covers them), or a cursor whose row
 * moved or left the listing (the database then finds what follows its sort value).
 */
async function pageFromCache(
  ctx: StoreContext,
  query: JobQuery,
  p: Plan,
  at: { cursor: Cursor | null; offset: number; limit: number },
  direction: Fragment,
): Promise<PageKeys | null> {
  if (ctx.listings === undefined || ctx.db.isTransaction) return null;
  const version = await readDataVersion(ctx.db, ctx.dialect);
  const listing = await ctx.listings.get(listingKey(query, p), version, () =>
    orderedKeys(ctx, p, direction),
  );
  let start = at.offset;
  if (at.cursor !== null) {
    const position = listing.position(at.cursor.id);
    if (position === undefined) return null;
    if (cursorValueOf(listing.sortValues[position]) !== at.cursor.value) return null;
    start = position + 1;
  }
  const end = Math.min(start + at.limit, listing.ids.length);
  const keys: PageKeys['keys'] = [];
  for (let i = start; i < end; i++)
    keys.push({ id: listing.ids[i] as string, sort_value: listing.sortValues[i] });
  return { keys, totalCount: listing.ids.length, more: end < listing.ids.length, listing };
}

/** A page straight from the database: the count, then the page's ids from narrow rows. */
async function pageFromDatabase(
  ctx: StoreContext,
  p: Plan,
  at: { cursor: Cursor | null; offset: number; limit: number },
  direction: Fragment,
): Promise<PageKeys> {
  const counted = await sql<{
    n: number | string;
  }>`select count(*) as n from ${p.from} ${whereClause(p.where)}`.execute(ctx.db);
  // Ids and sort values first: sorting thousands of matches with their descriptions attached
  // is what made a broad text search slow.
  const keys = await sql<{ id: string; sort_value: unknown }>`
    select f.id, f.sort_value from (
      select j.id as id, ${p.sortValue} as sort_value
      from ${p.from}
      ${whereClause(p.where)}
    ) f
    ${at.cursor === null ? sql`` : sql`where ${afterCursor(at.cursor, p.desc)}`}
    order by f.sort_value ${direction} nulls last, f.id ${direction}
    limit ${at.limit + 1} offset ${at.offset}
  `.execute(ctx.db);
  return {
    keys: keys.rows.slice(0, at.limit),
    totalCount: toCount(counted.rows[0]?.n),
    more: keys.rows.length > at.limit,
  };
}

export async function listJobs(ctx: StoreContext, query: JobQuery): Promise<JobPage> {
  const limit = Math.min(Math.max(1, Math.trunc(query.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);
  if (query.page !== undefined && (!Number.isInteger(query.page) || query.page < 1)) {
    throw new DomainError(
      'INVALID_INPUT',
      `page must be a whole number from 1 (got ${query.page})`,
    );
  }
  const p = plan(ctx, query);
  const cursor =
    query.cursor !== undefined ? decodeCursor(query.cursor, CURSOR_KIND[p.sort]) : null;
  const offset = cursor === null && query.page !== undefined ? (query.page - 1) * limit : 0;
  const direction = p.desc ? sql`desc` : sql`asc`;
  const at = { cursor, offset, limit };
  const {
    keys: pageKeys,
    totalCount,
    more,
    listing,
  } = (await pageFromCache(ctx, query, p, at, direction)) ??
  (await pageFromDatabase(ctx, p, at, direction));

  // Then the page's rows, by id: those the cached listing does not hold yet.
  const items = new Map<string, JobListItem>();
  for (const key of pageKeys) {
    const held = listing?.row(key.id) as JobListItem | undefined;
    if (held !== undefined) items.set(key.id, held);
  }
  const missing = pageKeys.filter((key) => !items.has(key.id)).map((key) => key.id);
  if (missing.length > 0) {
    const columns = sql.join(JOB_LIST_COLUMNS.map((column) => sql.ref(`j.${column}`)));
    const found = await sql<JobListRow>`
      select ${columns}, ${p.score} as score, ${p.stage} as stage, ${p.applicationId} as application_id,
        ${p.rejectedRule} as rejected_rule, ${p.rejectedReason} as rejected_reason
      from ${p.rowsFrom}
      where j.id in (${sql.join(missing)})
    `.execute(ctx.db);
    for (const row of found.rows) {
      const item = jobListItemFromRow(ctx.codec, row);
      listing?.remember(item.id, item);
      items.set(item.id, item);
    }
  }
  const page = pageKeys.flatMap((key) => {
    const item = items.get(key.id);
    return item === undefined ? [] : [{ item, sortValue: key.sort_value }];
  });
  const last = page.at(-1);
  const nextCursor =
    more && last !== undefined
      ? encodeCursor({ value: cursorValueOf(last.sortValue), id: last.item.id })
      : null;
  return { items: page.map((entry) => entry.item), totalCount, nextCursor };
}
