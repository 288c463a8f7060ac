import {
  APPLIED_STAGES,
  NO_FILTERS,
  companyKey,
  contentRulesKey,
  contentScreen,
  fnv1a64,
  isDomainError,
  screenTiming,
  type Application,
  type CorpusCounts,
  type FilterRule,
  type Profile,
  type Rejection,
} from '@applydesk/domain';
import type {
  JobFeaturesEntry,
  MatchBasis,
  MatchWrite,
  RankBasis,
  RankingCorpus,
} from '@applydesk/store';
import type { EngineContext, OnProgress } from '../context.js';
import { rankerFor } from '../ranking/ranker.js';
import { resolveProfile } from './profile.js';

export interface RankResult {
  profileId: string;
  /** Open postings ranked this run: scored now, or with a stored score that is still current. */
  scored: number;
  /** Postings whose score was computed this run (the rest kept a current stored score). */
  computed: number;
  /** Matches written: new or changed scores, and verdicts of time and history rules. */
  written: number;
  /** Postings whose features were extracted this run (new or changed content, new rules). */
  extracted: number;
  /** Postings at or above min_match_score that no filter holds back. */
  shortlisted: number;
  newlyShortlisted: number;
  /** Postings held back, by the rule that holds them. */
  heldBack: Partial<Record<FilterRule, number>>;
  /** Postings that could not be read for ranking, with why; the rest are ranked. */
  failed: { jobId: string; reason: string }[];
  tookMs: number;
  /** Where the time went: extracting features, reading them, scoring, shortlisting, saving. */
  phasesMs: { extract: number; read: number; score: number; shortlist: number; save: number };
}

const PAGE = 500;

/**
 * How far the corpus may move from the counts the stored scores were computed against before
 * every score is computed again: postings scored since (new or changed) or a change in the
 * number of postings, as a share of the postings counted. BM25's document frequencies move
 * little with a few percent more postings of the same kind, and the counts are taken afresh at
 * least daily anyway (the day is part of the scoring key).
 */
export const CORPUS_DRIFT = 0.1;

/** One posting in this run: its score (computed now or kept) and its verdict. */
interface Ranked {
  jobId: string;
  score: number;
  rejection: Rejection | null;
  overridden: boolean;
  stored: MatchBasis | null;
  /** The match computed this run; absent when the stored score is kept. */
  fresh?: MatchWrite;
}

/**
 * Ranks every open posting for a profile.
 *
 * Features and the content filters' verdict are computed once per posting content (and
 * again only when the rules or the features version change), so a run after ingest reads
 * descriptions of new postings only.
 *
 * A score depends on the posting's content, the scoring key (profile, settings, scorer
 * version and the day: ages and posted-within rules move daily) and BM25's corpus counts. The
 * counts are kept per profile (ranking_corpus) with the key of the scores computed against
 * them. When the key is unchanged and the corpus moved less than CORPUS_DRIFT since the
 * counts were taken, stored scores of unchanged postings are kept without reading their
 * features, and only new or changed postings are scored, against the kept counts. Otherwise
 * (first run of the day, profile, settings or rules changed, corpus moved more) the counts are
 * taken afresh from every posting's features and every posting is scored. Either way only
 * scores that changed are written. Time and history rules (posted within, applied to the
 * company lately, daily cap) are judged again for every posting at every run.
 *
 * Postings at or above the threshold that no filter holds back are shortlisted (an
 * application at `shortlisted`, once; a posting the user moved along keeps its stage), best
 * first, up to the daily cap.
 */
export async function rankJobs(
  ctx: EngineContext,
  options: { profileId?: string; actor: string; onProgress?: OnProgress },
): Promise<RankResult> {
  const started = Date.now();
  const profile = await resolveProfile(ctx, options.profileId);
  const now = ctx.now();
  const rules = ctx.settings.filters ?? NO_FILTERS;
  const ranker = rankerFor(ctx.settings);
  const result: RankResult = {
    profileId: profile.id,
    scored: 0,
    computed: 0,
    written: 0,
    extracted: 0,
    shortlisted: 0,
    newlyShortlisted: 0,
    heldBack: {},
    failed: [],
    tookMs: 0,
    phasesMs: { extract: 0, read: 0, score: 0, shortlist: 0, save: 0 },
  };
  let mark = performance.now();
  const lap = (phase: keyof RankResult['phasesMs']) => {
    const at = performance.now();
    result.phasesMs[phase] = Math.round(at - mark);
    mark = at;
  };

  await refreshFeatures(ctx, ranker, rules, result, options.onProgress);
  lap('extract');

  const baseKey = scoringKeyOf(profile, ctx.settings, ranker.version, now);
  const bases: RankBasis[] = [];
  for await (const page of ctx.store.jobFeatures.rankBases(profile.id))
    for (const basis of page) bases.push(basis);
  const [kept, history] = await Promise.all([
    ctx.store.matches.corpus(profile.id),
    applicationHistory(ctx, profile.id, bases),
  ]);
  const prepared = ranker.prepare(profile, now);

  // Keep the counts (and so every current stored score) while the corpus moved little.
  let corpus: RankingCorpus | null = null;
  let toScore: JobFeaturesEntry[] = [];
  let incremental = false;
  if (
    kept !== null &&
    kept.baseKey === baseKey &&
    Math.abs(bases.length - kept.docs) <= CORPUS_DRIFT * kept.docs
  ) {
    const stale = bases.filter((b) => !scoreIsCurrent(b, kept.scoringKey));
    if (kept.rescored + stale.length <= CORPUS_DRIFT * kept.docs) {
      toScore =
        stale.length === 0 ? [] : await ctx.store.jobFeatures.getMany(stale.map((b) => b.jobId));
      corpus = { ...kept, rescored: kept.rescored + toScore.length, computedAt: now.toISOString() };
      incremental = true;
    }
  }
  if (corpus === null) {
    for await (const page of ctx.store.jobFeatures.stream()) for (const e of page) toScore.push(e);
    const counts = ranker.count(
      toScore.map((e) => e.data),
      prepared,
    );
    corpus = {
      profileId: profile.id,
      baseKey,
      // Scores name the counts they were computed against: new counts, new scores.
      scoringKey: fnv1a64(JSON.stringify([baseKey, counts])),
      docs: toScore.length,
      rescored: 0,
      counts,
      computedAt: now.toISOString(),
    };
  }
  const stats = ranker.stats(corpus.counts as CorpusCounts, prepared);
  const { scoringKey } = corpus;
  const avoided = new Set(profile.preferences.avoidCompanies.map((c) => companyKey(c)));
  lap('read');

  const verdict = (basis: {
    companyKey: string;
    postedAt: string | null;
    rejection: Rejection | null;
  }): Rejection | null =>
    basis.rejection ??
    (avoided.has(basis.companyKey)
      ? { rule: 'companies_excluded', reason: 'the company is on your profile’s avoid list' }
      : screenTiming({ company: basis.companyKey, postedAt: basis.postedAt }, rules, {
          now,
          appliedCompanies: history.appliedCompanies,
        }));
  const basisOf = new Map<string, RankBasis>();
  if (toScore.length > 0) for (const basis of bases) basisOf.set(basis.jobId, basis);
  const ranked: Ranked[] = [];
  const computedAt = now.toISOString();
  for (const [i, entry] of toScore.entries()) {
    let score;
    try {
      score = ranker.score(entry.data, prepared, now, stats);
    } catch (error) {
      result.failed.push({ jobId: entry.jobId, reason: reasonOf(error) });
      continue;
    }
    const stored = basisOf.get(entry.jobId)?.match ?? null;
    const overridden = stored?.overridden ?? false;
    const rejection = verdict(entry);
    ranked.push({
      jobId: entry.jobId,
      score: score.score,
      rejection,
      overridden,
      stored,
      fresh: {
        jobId: entry.jobId,
        profileId: profile.id,
        score: score.score,
        components: score.components,
        reasons: score.reasons,
        skills: score.skills,
        rejection,
        // Written back unchanged (upsertMany never overwrites it); read here for the shortlist.
        overridden,
        computedAt,
        contentHash: entry.contentHash,
        scoringKey,
      },
    });
    if ((i + 1) % 5000 === 0)
      options.onProgress?.({ task: 'rank-score', done: i + 1, total: toScore.length });
  }
  result.computed = ranked.length;
  if (incremental)
    // Kept counts: every other posting keeps its current stored score.
    for (const basis of bases) {
      const stored = basis.match;
      if (stored === null || !scoreIsCurrent(basis, scoringKey)) continue;
      ranked.push({
        jobId: basis.jobId,
        score: stored.score,
        rejection: verdict(basis),
        overridden: stored.overridden,
        stored,
      });
    }
  result.scored = ranked.length;
  lap('score');

  await shortlist(ctx, profile, ranked, history, rules.dailyCap, options.actor, result);
  lap('shortlist');

  const changed: MatchWrite[] = [];
  const verdicts: { jobId: string; rejection: Rejection | null }[] = [];
  for (const r of ranked) {
    if (r.fresh !== undefined) {
      r.fresh.rejection = r.rejection;
      if (!isCurrent(r.fresh, r.stored)) changed.push(r.fresh);
    } else if ((r.rejection?.rule ?? null) !== r.stored?.rejectedRule)
      verdicts.push({ jobId: r.jobId, rejection: r.rejection });
  }
  for (let start = 0; start < changed.length; start += 2000) {
    await ctx.store.matches.upsertMany(changed.slice(start, start + 2000));
    options.onProgress?.({
      task: 'rank-save',
      done: Math.min(start + 2000, changed.length),
      total: changed.length,
    });
  }
  await ctx.store.matches.setRejections(profile.id, verdicts);
  if (!incremental || toScore.length > 0) await ctx.store.matches.saveCorpus(corpus);
  result.written = changed.length + verdicts.length;
  result.heldBack = await ctx.store.matches.rejectionCounts(profile.id);
  lap('save');
  result.tookMs = Date.now() - started;
  return result;
}

/** The stored score was computed from this content against these counts and settings. */
function scoreIsCurrent(basis: RankBasis, scoringKey: string): boolean {
  return (
    basis.match !== null &&
    basis.match.contentHash === basis.contentHash &&
    basis.match.scoringKey === scoringKey
  );
}

/** Extracts features (and the content filters' verdict) of postings new or changed since. */
async function refreshFeatures(
  ctx: EngineContext,
  ranker: ReturnType<typeof rankerFor>,
  rules: NonNullable<EngineContext['settings']['filters']>,
  result: RankResult,
  onProgress: OnProgress | undefined,
): Promise<void> {
  const rulesKey = contentRulesKey(rules);
  const screen = contentScreen(rules, ranker.convert);
  const total = await ctx.store.jobFeatures.countPending({ version: ranker.version, rulesKey });
  if (total === 0) return;
  let afterId: string | undefined;
  for (;;) {
    const jobs = await ctx.store.jobFeatures.pending({
      version: ranker.version,
      rulesKey,
      limit: PAGE,
      ...(afterId === undefined ? {} : { afterId }),
    });
    if (jobs.length === 0) return;
    const ready: JobFeaturesEntry[] = [];
    for (const job of jobs) {
      try {
        ready.push({
          jobId: job.id,
          contentHash: job.contentHash,
          version: ranker.version,
          data: ranker.extract(job),
          companyKey: companyKey(job.company),
          postedAt: job.postedAt,
          rulesKey,
          rejection: screen(job),
        });
      } catch (error) {
        // One posting that cannot be read never stops the ranking of the rest.
        result.failed.push({ jobId: job.id, reason: reasonOf(error) });
      }
    }
    await ctx.store.jobFeatures.upsertMany(ready);
    result.extracted += ready.length;
    onProgress?.({ task: 'rank-features', done: result.extracted, total });
    afterId = jobs.at(-1)?.id;
    if (jobs.length < PAGE) return;
  }
}

interface History {
  /** jobId -> the application of this profile. */
  byJob: Map<string, Application>;
  /** companyKey -> when this profile last applied there. */
  appliedCompanies: Map<string, string>;
  /**
   * Postings shortlisted today (UTC) and still at that stage, for the daily cap. Ones moved
   * along since are not counted: a cap on what waits for review, not on what was applied to.
   */
  shortlistedToday: number;
}

async function applicationHistory(
  ctx: EngineContext,
  profileId: string,
  entries: readonly RankBasis[],
): Promise<History> {
  const applications = await ctx.store.applications.list({ profileId });
  // Companies of applied postings only: no map of every ranked posting.
  const applied = new Set(
    applications.filter((a) => APPLIED_STAGES.includes(a.stage)).map((a) => a.jobId),
  );
  const companyOf = new Map<string, string>();
  if (applied.size > 0)
    for (const e of entries) if (applied.has(e.jobId)) companyOf.set(e.jobId, e.companyKey);
  const byJob = new Map(applications.map((a) => [a.jobId, a]));
  const appliedCompanies = new Map<string, string>();
  const dayStart = `${ctx.now().toISOString().slice(0, 10)}T00:00:00.000Z`;
  let shortlistedToday = 0;
  for (const application of applications) {
    if (application.stage === 'shortlisted' && application.stageChangedAt >= dayStart)
      shortlistedToday++;
    if (!APPLIED_STAGES.includes(application.stage)) continue;
    // Applied postings are often closed since, so not among the ranked ones: look them up.
    const key =
      companyOf.get(application.jobId) ??
      (await ctx.store.jobs
        .get(application.jobId)
        .then((job) => (job === null ? undefined : companyKey(job.company))));
    if (key === undefined) continue;
    const at = application.stageChangedAt;
    const known = appliedCompanies.get(key);
    if (known === undefined || known < at) appliedCompanies.set(key, at);
  }
  return { byJob, appliedCompanies, shortlistedToday };
}

/** Shortlists the best postings that clear the bar, up to what the daily cap leaves today. */
async function shortlist(
  ctx: EngineContext,
  profile: Profile,
  scored: Ranked[],
  history: History,
  dailyCap: number | null,
  actor: string,
  result: RankResult,
): Promise<void> {
  const candidates = scored
    .filter((m) => m.score >= ctx.settings.minMatchScore && (m.rejection === null || m.overridden))
    .sort((a, b) => b.score - a.score || a.jobId.localeCompare(b.jobId));
  result.shortlisted = candidates.length;
  let room = dailyCap === null ? Infinity : Math.max(0, dailyCap - history.shortlistedToday);
  const newOnes: (typeof candidates)[number][] = [];
  for (const match of candidates) {
    const existing = history.byJob.get(match.jobId);
    if (existing !== undefined && existing.stage !== 'discovered') continue;
    if (room <= 0) {
      match.rejection = {
        rule: 'daily_cap',
        reason: `the daily cap of ${dailyCap} new postings is reached; it is considered again tomorrow`,
      } satisfies Rejection;
      result.shortlisted--;
      continue;
    }
    room--;
    newOnes.push(match);
  }
  if (newOnes.length === 0) return;
  await ctx.store.transaction(async (tx) => {
    for (const match of newOnes) {
      const existing = history.byJob.get(match.jobId);
      if (existing === undefined)
        await tx.applications.create(match.jobId, profile.id, actor, 'shortlisted');
      else await tx.applications.moveTo(existing.id, 'shortlisted', actor, `scored ${match.score}`);
    }
  });
  result.newlyShortlisted = newOnes.length;
}

/** The stored match says the same: same content, same scoring inputs, same verdict. */
function isCurrent(match: MatchWrite, stored: MatchBasis | null): boolean {
  return (
    stored !== null &&
    stored.contentHash === match.contentHash &&
    stored.scoringKey === match.scoringKey &&
    stored.rejectedRule === (match.rejection?.rule ?? null)
  );
}

/**
 * What a score depends on besides the posting: the profile as last saved, the ranking and
 * filter settings, the scorer's version, and the day (ages and posted-within rules move daily).
 */
function scoringKeyOf(
  profile: Profile,
  settings: EngineContext['settings'],
  version: number,
  now: Date,
): string {
  return fnv1a64(
    JSON.stringify([
      profile.id,
      profile.updatedAt,
      settings.weights,
      settings.ranking ?? null,
      settings.filters ?? null,
      settings.minMatchScore,
      version,
      now.toISOString().slice(0, 10),
    ]),
  );
}

function reasonOf(error: unknown): string {
  return isDomainError(error)
    ? error.message
    : error instanceof Error
      ? error.message
      : String(error);
}
