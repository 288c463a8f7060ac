/**
 * The ranking evaluation set: hand-written profiles and postings, and a graded label for
 * every (profile, posting) pair. See README.md for how the labels were decided.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ProfileInput,
  prepareJob,
  type JobInputDraft,
  type Profile,
  type ProfileInputDraft,
  type ScorableJob,
} from '@applydesk/domain';

export const EVAL_DIR = dirname(fileURLToPath(import.meta.url));

/**
 * The fixed "now" the postings were written against: their ages (postedAt) and anything a
 * ranker reads from the clock are measured from it, so results do not drift day by day.
 */
export const EVAL_NOW = '2026-11-20T12:00:00.000Z';

export const GRADES = [0, 1, 2, 3] as const;
/** 3 apply today, 2 worth a look, 1 marginal, 0 not for this person. */
export type Grade = (typeof GRADES)[number];

export interface Label {
  /** The profile's `name`, which is also its file name under profiles/. */
  profile: string;
  /** The posting's key: `${sourceId}/${externalId}` (see postingKey). */
  posting: string;
  /** The posting's title, repeated so the file can be read and reviewed on its own. */
  title: string;
  grade: Grade;
  /** Why, in one sentence from the user's point of view. */
  reason: string;
}

export interface EvalProfile {
  /** The file name without `.json`; equal to the profile's `name`. */
  file: string;
  draft: ProfileInputDraft;
}

export function postingKey(posting: { sourceId: string; externalId: string }): string {
  return `${posting.sourceId}/${posting.externalId}`;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/** The profiles as written (drafts); dataset.test.ts checks that each parses. */
export function loadProfiles(): EvalProfile[] {
  const dir = join(EVAL_DIR, 'profiles');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({
      file: basename(name, '.json'),
      draft: readJson(join(dir, name)) as ProfileInputDraft,
    }));
}

/** The postings as a source would hand them to ingest; dataset.test.ts checks each one. */
export function loadPostings(): JobInputDraft[] {
  return readJson(join(EVAL_DIR, 'postings.json')) as JobInputDraft[];
}

export function loadLabels(): Label[] {
  return readJson(join(EVAL_DIR, 'labels.json')) as Label[];
}

/** A profile as the store would hold it: parsed, with an id and timestamps. */
export function toProfile(draft: ProfileInputDraft, now: string = EVAL_NOW): Profile {
  const input = ProfileInput.parse(draft);
  return { ...input, id: input.name, createdAt: now, updatedAt: now };
}

/** A posting as the store would hold it after ingest (prepareJob), keyed by postingKey. */
export function toJob(draft: JobInputDraft): ScorableJob {
  const { raw: _raw, ...job } = prepareJob(draft);
  return {
    ...job,
    id: postingKey(job),
    status: 'open',
    createdAt: job.fetchedAt,
    updatedAt: job.fetchedAt,
  };
}

/** label lookup: profile -> posting key -> label. */
export function labelIndex(labels: readonly Label[]): Map<string, Map<string, Label>> {
  const index = new Map<string, Map<string, Label>>();
  for (const label of labels) {
    let byPosting = index.get(label.profile);
    if (byPosting === undefined) index.set(label.profile, (byPosting = new Map<string, Label>()));
    byPosting.set(label.posting, label);
  }
  return index;
}
