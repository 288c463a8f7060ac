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
  type FilterRule,
  type Profile,
  type Rejection,
} from '@applydesk/domain';
import type { JobFeaturesEntry, MatchBasis, MatchWrite } from '@applydesk/store';
import type { EngineContext, OnProgress } from '../context.js';
import { rankerFor } from '../ranking/ranker.js';
import { resolveProfile } from './profile.js';

export interface RankResult {
  profileId: string;
  /** Open postings scored this run. */
  scored: number;
  /** Scores that changed (or were new) and were written. */
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
 * Ranks every open posting for a profile.
 *
 * Features and the content filters' verdict are computed once per posting content (and
 * again only when the rules or the features version change), so a run after ingest reads
 * descriptions of new postings only. Scores are then computed for every open posting from
 * the stored features, which is cheap, and only scores that changed are written: a run after
 * a profile or weights change rewrites what moved, a run after ingest adds the new ones, and
 * age-dependent parts (recency, posted-within rules) stay true from day to day.
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

  const entries: JobFeaturesEntry[] = [];
  for await (const page of ctx.store.jobFeatures.stream()) entries.push(...page);
  const prepared = ranker.prepare(profile, now);
  const stats = ranker.stats(
    entries.map((e) => e.data),
    prepared,
  );
  const scoringKey = scoringKeyOf(profile, ctx.settings, ranker.version, now);
  const [bases, history] = await Promise.all([
    ctx.store.matches.bases(profile.id),
    applicationHistory(ctx, profile.id, entries),
  ]);
  const avoided = new Set(profile.preferences.avoidCompanies.map((c) => companyKey(c)));
  lap('read');

  const scored: (MatchWrite & { stored: MatchBasis | undefined })[] = [];
  for (const [i, entry] of entries.entries()) {
    let score;
    try {
      score = ranker.score(entry.data, prepared, now, stats);
    } catch (error) {
      result.failed.push({ jobId: entry.jobId, reason: reasonOf(error) });
      continue;
    }
    const rejection =
      entry.rejection ??
      (avoided.has(entry.companyKey)
        ? {
            rule: 'companies_excluded' as const,
            reason: 'the company is on your profile’s avoid list',
          }
        : screenTiming({ company: entry.companyKey, postedAt: entry.postedAt }, rules, {
            now,
            appliedCompanies: history.appliedCompanies,
          }));
    scored.push({
      jobId: entry.jobId,
      profileId: profile.id,
      score: score.score,
      components: score.components,
      reasons: score.reasons,
      skills: score.skills,
      rejection,
      // Written back unchanged (upsertMany never overwrites it); read here for the shortlist.
      overridden: bases.get(entry.jobId)?.overridden ?? false,
      computedAt: now.toISOString(),
      contentHash: entry.contentHash,
      scoringKey,
      stored: bases.get(entry.jobId),
    });
    if ((i + 1) % 5000 === 0)
      options.onProgress?.({ task: 'rank-score', done: i + 1, total: entries.length });
  }
  result.scored = scored.length;
  lap('score');

  await shortlist(ctx, profile, scored, history, rules.dailyCap, options.actor, result);

  lap('shortlist');
  const changed = scored.filter((m) => !isCurrent(m, m.stored));
  for (let start = 0; start < changed.length; start += 2000) {
    await ctx.store.matches.upsertMany(
      changed.slice(start, start + 2000).map(({ stored: _stored, ...match }) => match),
    );
    options.onProgress?.({
      task: 'rank-save',
      done: Math.min(start + 2000, changed.length),
      total: changed.length,
    });
  }
  result.written = changed.length;
  result.heldBack = await ctx.store.matches.rejectionCounts(profile.id);
  lap('save');
  result.tookMs = Date.now() - started;
  return result;
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
  entries: readonly JobFeaturesEntry[],
): Promise<History> {
  const applications = await ctx.store.applications.list({ profileId });
  const companyOf = new Map(entries.map((e) => [e.jobId, e.companyKey]));
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
  scored: MatchWrite[],
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
function isCurrent(match: MatchWrite, stored: MatchBasis | undefined): boolean {
  return (
    stored !== undefined &&
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
