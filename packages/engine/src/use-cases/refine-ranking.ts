import { isDomainError, type Job, type Match, type MatchReason } from '@applydesk/domain';
import {
  buildRerankPrompt,
  cosine,
  parseRerankAnswer,
  postingSummary,
  profileSummary,
  RERANK_SYSTEM_PROMPT,
} from '@applydesk/llm';
import type { EngineContext } from '../context.js';
import { rankedList } from './jobs.js';
import { resolveProfile } from './profile.js';

/** How much each refinement may move a score: the ranker stays the main judge. */
const SEMANTIC_WEIGHT = 0.15;
const MODEL_WEIGHT = 0.3;

export interface RefineResult {
  /** Postings looked at (the top K of the ranking). */
  considered: number;
  semantic: { applied: number; model: string | null; skipped: string | null };
  model: { applied: number; model: string | null; skipped: string | null };
  costUsd: number;
}

/** Why a step was skipped, in words: no model routed, or the gateway's own reason. */
function skipReason(error: unknown): string {
  if (isDomainError(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Refines the order of the top K postings with the user's models, when they have them:
 * semantic similarity of profile and posting from an embeddings model, and a fit judgement
 * from an analysis model (one call for all K, cached, within the LLM budget). Each moves the
 * stored score by a bounded share and adds its reason; the ranker's score stays the base, and
 * a posting's score is refined again only after it is recomputed. Budget and provider
 * failures skip the step with the reason rather than failing the ranking.
 */
export async function refineRanking(
  ctx: EngineContext,
  options: { top: number; profileId?: string; signal?: AbortSignal },
): Promise<RefineResult> {
  const profile = await resolveProfile(ctx, options.profileId);
  const result: RefineResult = {
    considered: 0,
    semantic: { applied: 0, model: null, skipped: null },
    model: { applied: 0, model: null, skipped: null },
    costUsd: 0,
  };
  const gateway = ctx.llm;
  const noModel = 'no model is configured for this task';
  if (gateway === undefined) {
    result.semantic.skipped = noModel;
    result.model.skipped = noModel;
    return result;
  }
  const ranked = await rankedList(ctx, { limit: options.top, profileId: profile.id });
  const jobs: Job[] = [];
  for (const item of ranked) {
    const job = await ctx.store.jobs.get(item.job.id);
    if (job !== null) jobs.push(job);
  }
  result.considered = jobs.length;
  if (jobs.length === 0) return result;

  const semantic = new Map<string, number>();
  if (gateway.hasModels('embeddings')) {
    try {
      const answer = await gateway.embed({
        texts: [profileSummary(profile), ...jobs.map(postingSummary)],
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      const [own, ...others] = answer.embeddings;
      jobs.forEach((job, i) =>
        semantic.set(job.id, Math.max(0, cosine(own ?? [], others[i] ?? []))),
      );
      result.semantic.model = `${answer.provider}:${answer.model}`;
      result.costUsd += answer.costUsd;
    } catch (error) {
      result.semantic.skipped = skipReason(error);
    }
  } else result.semantic.skipped = noModel;

  let verdicts = new Map<string, { fit: number; reason: string }>();
  if (gateway.hasModels('analysis')) {
    try {
      const answer = await gateway.generate({
        task: 'analysis',
        system: RERANK_SYSTEM_PROMPT,
        prompt: buildRerankPrompt(profile, jobs),
        maxOutputTokens: 60 * jobs.length + 100,
        temperature: 0,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      verdicts = parseRerankAnswer(answer.text, new Set(jobs.map((j) => j.id)));
      result.model.model = `${answer.provider}:${answer.model}`;
      result.costUsd += answer.costUsd;
      if (verdicts.size === 0) result.model.skipped = 'the model gave no usable verdict';
    } catch (error) {
      result.model.skipped = skipReason(error);
    }
  } else result.model.skipped = noModel;

  const bases = await ctx.store.matches.bases(profile.id);
  const writes = [];
  for (const { match } of ranked) {
    const similarity = semantic.get(match.jobId);
    const verdict = verdicts.get(match.jobId);
    if (similarity === undefined && verdict === undefined) continue;
    const base = withoutRefinement(match);
    let score = base.score;
    const components = { ...base.components };
    const reasons: MatchReason[] = [...base.reasons];
    if (similarity !== undefined) {
      components.semantic = Math.min(1, similarity);
      score = (1 - SEMANTIC_WEIGHT) * score + SEMANTIC_WEIGHT * 100 * Math.min(1, similarity);
      result.semantic.applied += 1;
    }
    if (verdict !== undefined) {
      components.model = verdict.fit / 100;
      score = (1 - MODEL_WEIGHT) * score + MODEL_WEIGHT * verdict.fit;
      reasons.push({
        kind: verdict.fit >= 60 ? 'plus' : verdict.fit < 40 ? 'minus' : 'info',
        component: 'model',
        text: `${result.model.model ?? 'model'} rates the fit ${verdict.fit}/100${verdict.reason === '' ? '' : `: ${verdict.reason}`}`,
      });
      result.model.applied += 1;
    }
    const basis = bases.get(match.jobId);
    writes.push({
      ...base,
      score: Math.max(0, Math.min(100, Math.round(score))),
      components,
      reasons,
      computedAt: ctx.now().toISOString(),
      ...(basis === undefined
        ? {}
        : { contentHash: basis.contentHash, scoringKey: basis.scoringKey }),
    });
  }
  if (writes.length > 0) await ctx.store.matches.upsertMany(writes);
  return result;
}

/**
 * The ranker's own match, without an earlier refinement: refining twice must not move a
 * score twice. The base score is recovered from the stored parts the refinement added.
 */
function withoutRefinement(match: Match): Match {
  const { semantic, model, ...components } = match.components;
  if (semantic === undefined && model === undefined) return match;
  let score = match.score;
  if (model !== undefined) score = (score - MODEL_WEIGHT * 100 * model) / (1 - MODEL_WEIGHT);
  if (semantic !== undefined)
    score = (score - SEMANTIC_WEIGHT * 100 * semantic) / (1 - SEMANTIC_WEIGHT);
  return {
    ...match,
    score: Math.max(0, Math.min(100, Math.round(score))),
    components,
    reasons: match.reasons.filter((r) => r.component !== 'model'),
  };
}
