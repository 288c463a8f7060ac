import {
  DomainError,
  STAGES,
  type Application,
  type Event,
  type Job,
  type Stage,
} from '@applydesk/domain';
import type { EngineContext } from '../context.js';
import { resolveProfile } from './profile.js';

/**
 * Moves a posting's application to a stage (creating the application when the posting has
 * none yet). Illegal moves are refused with the stages that are allowed from here.
 */
export async function moveApplication(
  ctx: EngineContext,
  options: { jobId: string; stage: Stage; note?: string; actor: string; profileId?: string },
): Promise<Application> {
  const profile = await resolveProfile(ctx, options.profileId);
  const job = await ctx.store.jobs.get(options.jobId);
  if (job === null) throw new DomainError('NOT_FOUND', `job ${options.jobId} does not exist`);
  return ctx.store.transaction(async (tx) => {
    const existing = await tx.applications.getByJob(job.id, profile.id);
    const application =
      existing ?? (await tx.applications.create(job.id, profile.id, options.actor));
    if (application.stage === options.stage) return application;
    return tx.applications.moveTo(application.id, options.stage, options.actor, options.note);
  });
}

export interface ApplicationCard {
  application: Application;
  job: Pick<Job, 'id' | 'title' | 'company' | 'sourceType' | 'url'> | null;
}

/** Applications with what a board card shows of their posting, newest move first. */
export async function listApplications(
  ctx: EngineContext,
  options: { stage?: Stage; limit?: number; profileId?: string } = {},
): Promise<ApplicationCard[]> {
  const profile = await resolveProfile(ctx, options.profileId);
  const applications = await ctx.store.applications.list({
    profileId: profile.id,
    limit: options.limit ?? 500,
    ...(options.stage === undefined ? {} : { stage: options.stage }),
  });
  const jobs = new Map(
    (await ctx.store.jobs.getMany(applications.map((a) => a.jobId))).map((job) => [job.id, job]),
  );
  return applications.map((application) => {
    const job = jobs.get(application.jobId);
    return {
      application,
      job:
        job === undefined
          ? null
          : {
              id: job.id,
              title: job.title,
              company: job.company,
              sourceType: job.sourceType,
              url: job.url,
            },
    };
  });
}

export interface StageChange {
  at: string;
  action: string;
  from: Stage | null;
  to: Stage;
  note: string | null;
  actor: string;
}

function asStage(value: unknown): Stage | null {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value)
    ? (value as Stage)
    : null;
}

/** One event as a stage change, when it is one. */
function stageChange(event: Event): StageChange | null {
  const data = event.data;
  if (event.action === 'application.created') {
    const to = asStage(data.stage);
    return to === null
      ? null
      : { at: event.at, action: event.action, from: null, to, note: null, actor: event.actor };
  }
  if (event.action === 'application.stage_changed') {
    const to = asStage(data.to);
    if (to === null) return null;
    return {
      at: event.at,
      action: event.action,
      from: asStage(data.from),
      to,
      note: typeof data.note === 'string' ? data.note : null,
      actor: event.actor,
    };
  }
  return null;
}

/** Every event of the given kind, oldest first, a page at a time. */
async function allEvents(ctx: EngineContext, entityId?: string): Promise<Event[]> {
  const events: Event[] = [];
  let afterId: string | undefined;
  for (;;) {
    const page = await ctx.store.events.list({
      entityType: 'application',
      limit: 1000,
      ...(entityId === undefined ? {} : { entityId }),
      ...(afterId === undefined ? { afterId: '' } : { afterId }),
    });
    events.push(...page);
    if (page.length < 1000) return events;
    afterId = page.at(-1)?.id;
  }
}

/** The stages an application went through, oldest first. */
export async function applicationHistory(
  ctx: EngineContext,
  applicationId: string,
): Promise<StageChange[]> {
  const application = await ctx.store.applications.get(applicationId);
  if (application === null) {
    throw new DomainError('NOT_FOUND', `application ${applicationId} does not exist`);
  }
  return (await allEvents(ctx, applicationId)).flatMap((e) => stageChange(e) ?? []);
}

const FUNNEL = [
  'found',
  'shortlisted',
  'drafted',
  'applied',
  'answered',
  'interview',
  'offer',
] as const;
export type FunnelStep = (typeof FUNNEL)[number];

/** The funnel steps a stage shows an application reached. */
const REACHED: Partial<Record<Stage, FunnelStep[]>> = {
  shortlisted: ['shortlisted'],
  drafting: ['drafted'],
  ready_for_review: ['drafted'],
  approved: ['drafted'],
  applied: ['drafted', 'applied'],
  interviewing: ['drafted', 'applied', 'answered', 'interview'],
  offer: ['drafted', 'applied', 'answered', 'offer'],
  hired: ['drafted', 'applied', 'answered', 'offer'],
};

export interface Rate {
  applied: number;
  answered: number;
  /** answered / applied, or null before anything was applied to. */
  rate: number | null;
}

export interface Insights {
  funnel: Record<FunnelStep, number>;
  bySource: (Rate & { source: string })[];
  byScoreBand: (Rate & { band: string })[];
  spendPerApplication: { usd: number | null; applications: number; spentUsd: number };
  scoreDistribution: { from: number; to: number; count: number }[];
}

const BANDS = [
  { band: '0-49', min: 0, max: 49.999 },
  { band: '50-69', min: 50, max: 69.999 },
  { band: '70-84', min: 70, max: 84.999 },
  { band: '85-100', min: 85, max: 100 },
];

const rate = (applied: number, answered: number): Rate => ({
  applied,
  answered,
  rate: applied === 0 ? null : Math.round((answered / applied) * 1000) / 1000,
});

/**
 * What works: how far applications got (from their stage history, so a rejection after an
 * interview still counts the interview), answer rates by source and by score band, LLM spend
 * per application sent, and how scores are spread.
 */
export async function insights(
  ctx: EngineContext,
  options: { profileId?: string } = {},
): Promise<Insights> {
  const profile = await resolveProfile(ctx, options.profileId);
  const applications = await ctx.store.applications.list({ profileId: profile.id, limit: 100_000 });
  const mine = new Set(applications.map((a) => a.id));
  const reached = new Map<string, Set<FunnelStep>>();
  for (const event of await allEvents(ctx)) {
    if (!mine.has(event.entityId)) continue;
    const change = stageChange(event);
    if (change === null) continue;
    const steps = reached.get(event.entityId) ?? new Set<FunnelStep>();
    for (const step of REACHED[change.to] ?? []) steps.add(step);
    // A rejection after applying is an answer too.
    if (change.to === 'rejected' && steps.has('applied')) steps.add('answered');
    reached.set(event.entityId, steps);
  }
  const funnel = Object.fromEntries(FUNNEL.map((s) => [s, 0])) as Record<FunnelStep, number>;
  funnel.found = await ctx.store.jobs.count();
  for (const steps of reached.values()) for (const step of steps) funnel[step] += 1;
  // Drafted, applied and later steps passed through shortlisting, whether or not it was recorded.
  funnel.shortlisted = Math.max(funnel.shortlisted, funnel.drafted);

  const sources = new Map<string, { applied: number; answered: number }>();
  const bands = new Map<string, { applied: number; answered: number }>();
  const applied = applications.filter((a) => reached.get(a.id)?.has('applied') === true);
  const jobs = new Map(
    (await ctx.store.jobs.getMany(applied.map((a) => a.jobId))).map((job) => [job.id, job]),
  );
  for (const application of applied) {
    const answered = reached.get(application.id)?.has('answered') === true ? 1 : 0;
    const source = jobs.get(application.jobId)?.sourceType ?? 'unknown';
    const s = sources.get(source) ?? { applied: 0, answered: 0 };
    sources.set(source, { applied: s.applied + 1, answered: s.answered + answered });
    const match = await ctx.store.matches.get(application.jobId, profile.id);
    const band =
      BANDS.find((b) => (match?.score ?? 0) >= b.min && (match?.score ?? 0) <= b.max)?.band ??
      '0-49';
    const b = bands.get(band) ?? { applied: 0, answered: 0 };
    bands.set(band, { applied: b.applied + 1, answered: b.answered + answered });
  }

  const spentUsd = await ctx.store.llmCalls.spend({ since: '1970-01-01T00:00:00.000Z' });
  const scoreDistribution: Insights['scoreDistribution'] = (
    await ctx.store.matches.scoreHistogram(profile.id)
  ).map((count, band) => ({ from: band * 10, to: band * 10 + 10, count }));
  return {
    funnel,
    bySource: [...sources]
      .map(([source, r]) => ({ source, ...rate(r.applied, r.answered) }))
      .sort((a, b) => b.applied - a.applied),
    byScoreBand: BANDS.map(({ band }) => ({
      band,
      ...rate(bands.get(band)?.applied ?? 0, bands.get(band)?.answered ?? 0),
    })),
    spendPerApplication: {
      usd: funnel.applied === 0 ? null : Math.round((spentUsd / funnel.applied) * 10_000) / 10_000,
      applications: funnel.applied,
      spentUsd: Math.round(spentUsd * 10_000) / 10_000,
    },
    scoreDistribution,
  };
}
