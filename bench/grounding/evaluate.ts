/** Scores the grounding check against the labelled drafts: recall and precision of unsupported claims. */
import { DRAFT_KINDS, prepareJob, type GroundingClaim, type Job } from '@applydesk/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkDraftSafety,
  checkGrounding,
  DRAFT_SYSTEM_PROMPT,
  writeOfflineDraft,
  type SafetyViolationKind,
} from '@applydesk/llm';
import { loadPostings, toJob } from '../eval/dataset.js';
import {
  GROUNDING_DIR,
  GROUNDING_NOW,
  jobFor,
  loadDrafts,
  loadGroundingProfiles,
  type LabelledClaim,
  type LabelledDraft,
} from './dataset.js';

export interface DraftResult {
  id: string;
  profile: string;
  /** Planted fabrications no flagged claim overlaps. */
  missed: LabelledClaim[];
  /** Flagged claims that overlap no planted fabrication. */
  falseAlarms: { text: string; kind: string; reason: string }[];
  /** Labelled true claims that were flagged anyway. */
  truthsFlagged: LabelledClaim[];
}

export interface GroundingEval {
  drafts: number;
  fabrications: number;
  found: number;
  flagged: number;
  flaggedCorrect: number;
  recall: number;
  precision: number;
  truths: number;
  truthsFlagged: number;
  results: DraftResult[];
}

function spanOf(draft: LabelledDraft, label: LabelledClaim): [number, number] {
  const start = draft.text.indexOf(label.claim);
  if (start < 0) throw new Error(`${draft.id}: "${label.claim}" is not in the text`);
  return [start, start + label.claim.length];
}

function overlaps(claim: GroundingClaim, [start, end]: [number, number]): boolean {
  return (claim.start ?? -1) < end && start < (claim.end ?? -1);
}

export function evaluateGrounding(drafts: LabelledDraft[] = loadDrafts()): GroundingEval {
  const profiles = loadGroundingProfiles();
  let fabrications = 0;
  let found = 0;
  let flagged = 0;
  let flaggedCorrect = 0;
  let truths = 0;
  let truthsFlagged = 0;
  const results: DraftResult[] = [];
  for (const draft of drafts) {
    const profile = profiles.get(draft.profile);
    if (profile === undefined) throw new Error(`${draft.id}: no profile ${draft.profile}`);
    const job = jobFor(draft);
    const report = checkGrounding(draft.text, profile, {
      now: GROUNDING_NOW,
      ...(job === undefined ? {} : { job }),
    });
    const unsupported = report.claims.filter((c) => !c.supported);
    const planted = draft.fabrications.map((f) => spanOf(draft, f));
    const missed = draft.fabrications.filter(
      (_, i) => !unsupported.some((c) => overlaps(c, planted[i]!)),
    );
    const falseAlarms = unsupported.filter((c) => !planted.some((p) => overlaps(c, p)));
    const truthFlags = draft.truths.filter((t) => {
      const span = spanOf(draft, t);
      return unsupported.some((c) => overlaps(c, span) && !planted.some((p) => overlaps(c, p)));
    });
    fabrications += planted.length;
    found += planted.length - missed.length;
    flagged += unsupported.length;
    flaggedCorrect += unsupported.length - falseAlarms.length;
    truths += draft.truths.length;
    truthsFlagged += truthFlags.length;
    results.push({
      id: draft.id,
      profile: draft.profile,
      missed,
      falseAlarms: falseAlarms.map((c) => ({
        text: c.text,
        kind: c.kind ?? 'other',
        reason: c.reason ?? '',
      })),
      truthsFlagged: truthFlags,
    });
  }
  return {
    drafts: drafts.length,
    fabrications,
    found,
    flagged,
    flaggedCorrect,
    recall: fabrications === 0 ? 1 : found / fabrications,
    precision: flagged === 0 ? 1 : flaggedCorrect / flagged,
    truths,
    truthsFlagged,
    results,
  };
}

export interface OfflineScan {
  drafts: number;
  claims: number;
  /** Claims flagged in drafts the offline writer built from the profile alone: all false alarms. */
  flagged: number;
  examples: { profile: string; posting: string; kind: string; text: string; reason: string }[];
  /** The same drafts through checkDraftSafety: none obeys the posting, so each is a false alarm. */
  unsafe: number;
  unsafeExamples: { posting: string; kind: string; violations: string[] }[];
}

/**
 * A second precision check on realistic text: the offline writer's drafts for every eval
 * profile and posting say nothing about the user that the profile does not, so each
 * flagged claim there is a false alarm.
 */
export function scanOfflineDrafts(): OfflineScan {
  const profiles = loadGroundingProfiles();
  const scan: OfflineScan = {
    drafts: 0,
    claims: 0,
    flagged: 0,
    examples: [],
    unsafe: 0,
    unsafeExamples: [],
  };
  for (const posting of loadPostings()) {
    const job: Job = { ...toJob(posting), raw: {} };
    for (const [name, profile] of profiles) {
      for (const kind of DRAFT_KINDS) {
        const draft = writeOfflineDraft({ job, profile, kind, now: GROUNDING_NOW });
        const report = checkGrounding(draft.text, profile, { now: GROUNDING_NOW, job });
        const safety = checkDraftSafety(draft.text, {
          job,
          systemPrompt: DRAFT_SYSTEM_PROMPT,
          profile,
        });
        if (!safety.safe) {
          scan.unsafe++;
          if (scan.unsafeExamples.length < 10)
            scan.unsafeExamples.push({
              posting: job.id,
              kind,
              violations: safety.violations.map((v) => `${v.kind}: ${v.evidence}`),
            });
        }
        scan.drafts++;
        scan.claims += report.claims.length;
        for (const claim of report.claims.filter((c) => !c.supported)) {
          scan.flagged++;
          if (scan.examples.length < 20)
            scan.examples.push({
              profile: name,
              posting: job.id,
              kind,
              text: claim.text,
              reason: claim.reason ?? '',
            });
        }
      }
    }
  }
  return scan;
}

interface InjectionCase {
  id: string;
  title: string;
  company: string;
  description: string;
  expect: SafetyViolationKind;
  obeying: string;
  clean: string;
}

export interface SafetyEval {
  postings: number;
  /** Obeying drafts caught with the expected kind of violation. */
  caught: number;
  /** Clean drafts that passed. */
  passed: number;
  failures: string[];
}

/** The injection corpus the safety tests use, scored as a whole. */
export function evaluateSafety(): SafetyEval {
  const path = join(
    GROUNDING_DIR,
    '../../packages/llm/src/grounding/fixtures/injection-postings.json',
  );
  const cases = JSON.parse(readFileSync(path, 'utf8')) as InjectionCase[];
  const result: SafetyEval = { postings: cases.length, caught: 0, passed: 0, failures: [] };
  for (const c of cases) {
    const prepared = prepareJob({
      sourceType: 'bench',
      sourceId: 'bench:injection',
      externalId: c.id,
      url: `https://example.com/jobs/${c.id}`,
      title: c.title,
      company: c.company,
      location: null,
      descriptionHtml: '',
      descriptionText: c.description,
      postedAt: null,
      fetchedAt: GROUNDING_NOW.toISOString(),
      raw: {},
    });
    const job: Job = {
      ...prepared,
      id: c.id,
      status: 'open',
      createdAt: prepared.fetchedAt,
      updatedAt: prepared.fetchedAt,
    };
    const context = { job, systemPrompt: DRAFT_SYSTEM_PROMPT };
    const obeying = checkDraftSafety(c.obeying, context);
    if (obeying.violations.some((v) => v.kind === c.expect)) result.caught++;
    else result.failures.push(`${c.id}: obeying draft not caught as ${c.expect}`);
    const clean = checkDraftSafety(c.clean, context);
    if (clean.safe) result.passed++;
    else
      result.failures.push(
        `${c.id}: clean draft flagged (${clean.violations.map((v) => v.kind).join(', ')})`,
      );
  }
  return result;
}
