import {
  DomainError,
  isDomainError,
  type DraftKind,
  type DraftQuality,
  type GroundingReport,
  type Job,
  type Profile,
} from '@applydesk/domain';
import type { Gateway } from '../gateway/gateway.js';
import type { AttemptNote, ModelRoute } from '../gateway/types.js';
import { checkDraftSafety, checkGrounding } from '../grounding/index.js';
import { analyzePosting } from '../offline/analysis.js';
import type { Tone } from '../offline/phrases.js';
import { writeOfflineDraft } from '../offline/writer.js';
import { buildDraftPrompt } from './prompt.js';
import { scoreDraft } from './quality.js';

export interface WriteDraftsInput {
  job: Job;
  profile: Profile;
  kind: DraftKind;
  now: Date;
  tone?: Tone;
  /** The user's instructions for this kind of draft. */
  template?: string | undefined;
  /** Absent, or without drafting models: the offline writer alone. */
  gateway?: Gateway | undefined;
  /** One candidate per model, side by side; absent: one candidate from the drafting route. */
  models?: ModelRoute[] | undefined;
  /** Ask the models even when the same request has a cached answer. */
  fresh?: boolean;
  signal?: AbortSignal;
  /** Streams each candidate as it is written (its index in the run, the new text). */
  onText?: (candidate: number, delta: string) => void;
  /** A candidate's model failed mid-answer and the next one starts over. */
  onRestart?: (candidate: number) => void;
}

/** One draft written for the posting, scored, before it is stored. */
export interface DraftCandidate {
  text: string;
  writer: 'offline' | 'llm';
  model: string | null;
  costUsd: number;
  prompt: string | null;
  grounding: GroundingReport;
  citedRequirements: string[];
  quality: DraftQuality;
  notes: string[];
  /** True when the draft obeyed the posting instead of the user, or leaked the rules. */
  unsafe: boolean;
  attempts: AttemptNote[];
}

function modelName(route: { provider: string; model: string }): string {
  return `${route.provider}:${route.model}`;
}

/** The draft without wrapping a model sometimes adds: fences, a leading "Here is …" line. */
export function cleanModelText(text: string): string {
  let out = text.trim();
  const fenced = /^```[a-z]*\n([\s\S]*?)\n```$/i.exec(out);
  if (fenced?.[1] !== undefined) out = fenced[1].trim();
  out = out.replace(
    /^(here(?:'s| is) (?:a |the |your )?(?:draft|proposal|cover letter)[^\n]*:)\s*\n+/i,
    '',
  );
  return out.trim();
}

/** Why a model gave no draft, in a line the user can act on. */
function failureNote(route: ModelRoute | null, error: unknown): string {
  const who = route === null ? 'the drafting models' : modelName(route);
  if (isDomainError(error)) {
    const reset = error.details?.reason === 'budget' ? ` (${error.hint ?? ''})` : '';
    return `${who}: ${error.message}${reset}`;
  }
  return `${who}: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Writes drafts for one posting: with each requested model (or the drafting route, which
 * fails over down its list), each answer checked for safety and grounding and scored; the
 * offline writer steps in when no model is configured, none answers, or every answer was
 * unsafe, and says why in its notes. Best first: safe before unsafe, then by quality.
 */
export async function writeDrafts(input: WriteDraftsInput): Promise<DraftCandidate[]> {
  const { job, profile, kind, now } = input;
  const tone = input.tone ?? 'warm';
  const analysis = analyzePosting(job, profile, now);
  const offline = (notes: string[]): DraftCandidate => {
    const written = writeOfflineDraft({ job, profile, kind, now, tone });
    const quality = scoreDraft({
      text: written.text,
      kind,
      grounding: written.grounding,
      requirements: analysis.requirements.map((r) => r.text),
      problem: analysis.problem,
    });
    const { cited: _cited, ...scores } = quality;
    return {
      text: written.text,
      writer: 'offline',
      model: null,
      costUsd: 0,
      prompt: null,
      grounding: written.grounding,
      citedRequirements: written.citedRequirements,
      quality: scores,
      notes,
      unsafe: false,
      attempts: [],
    };
  };

  const gateway = input.gateway;
  const wanted = input.models ?? [];
  const first = wanted[0];
  if (gateway === undefined && first !== undefined) {
    throw new DomainError(
      'INVALID_INPUT',
      `model ${modelName(first)}: unknown provider "${first.provider}"`,
      {
        hint: 'no language model provider is configured: list them under llm.providers in applydesk.yaml',
      },
    );
  }
  if (gateway === undefined || (wanted.length === 0 && !gateway.hasModels('drafting'))) {
    return [offline(['written offline: no language model is configured for drafting'])];
  }

  const built = buildDraftPrompt({
    analysis,
    kind,
    tone,
    template: input.template,
    samples: profile.writingSamples,
  });
  const runs: (ModelRoute | null)[] = wanted.length > 0 ? wanted : [null];
  const settled = await Promise.allSettled(
    runs.map((route, index) =>
      gateway.generate({
        task: 'drafting',
        system: built.system,
        prompt: built.prompt,
        maxOutputTokens: kind === 'tailored_resume' ? 2000 : 900,
        temperature: 0.4,
        jobId: job.id,
        ...(route === null ? {} : { models: [route] }),
        ...(input.fresh === true ? { fresh: true } : {}),
        ...(input.signal === undefined ? {} : { signal: input.signal }),
        ...(input.onText === undefined
          ? {}
          : { onText: (delta: string) => input.onText?.(index, delta) }),
        ...(input.onRestart === undefined ? {} : { onRestart: () => input.onRestart?.(index) }),
      }),
    ),
  );

  const candidates: DraftCandidate[] = [];
  const failures: string[] = [];
  settled.forEach((outcome, i) => {
    const route = runs[i] ?? null;
    if (outcome.status === 'rejected') {
      // A request naming an unknown model, or the user stopping, is not the model failing.
      if (input.signal?.aborted === true || isDomainError(outcome.reason, 'INVALID_INPUT'))
        throw outcome.reason;
      failures.push(failureNote(route, outcome.reason));
      return;
    }
    const answer = outcome.value;
    const text = cleanModelText(answer.text);
    const model = modelName(answer);
    const notes: string[] = [];
    if (answer.cached) notes.push(`reused the cached answer of ${model} to the same prompt`);
    const failedOver = answer.attempts.filter(
      (a) => a.outcome === 'error' || a.outcome === 'skipped',
    );
    if (failedOver.length > 0) {
      notes.push(
        `written by ${model} after ${failedOver.map((a) => `${modelName(a)} (${a.errorKind ?? a.outcome})`).join(', ')}`,
      );
    }
    const safety = checkDraftSafety(text, { job, systemPrompt: built.system, profile });
    for (const v of safety.violations)
      notes.push(`refused: ${v.kind.replace(/_/g, ' ')}: ${v.evidence}`);
    const grounding = checkGrounding(text, profile, { job, now });
    const { cited, ...quality } = scoreDraft({
      text,
      kind,
      grounding,
      requirements: built.requirements,
      problem: analysis.problem,
    });
    candidates.push({
      text,
      writer: 'llm',
      model,
      costUsd: answer.costUsd,
      prompt: `${built.system}\n\n${built.prompt}`,
      grounding,
      citedRequirements: cited,
      quality,
      notes,
      unsafe: !safety.safe,
      attempts: answer.attempts,
    });
  });

  if (!candidates.some((c) => !c.unsafe)) {
    const why =
      candidates.length > 0
        ? 'every model draft was refused as unsafe'
        : `no model answered (${failures.join('; ')})`;
    candidates.push(offline([`written offline: ${why}`]));
  } else if (failures.length > 0) {
    for (const c of candidates) c.notes.push(...failures.map((f) => `no candidate from ${f}`));
  }
  return candidates.sort(
    (a, b) => Number(a.unsafe) - Number(b.unsafe) || b.quality.total - a.quality.total,
  );
}
