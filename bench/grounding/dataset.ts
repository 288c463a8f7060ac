/**
 * The grounding evaluation set: drafts written for the ranking evaluation's profiles
 * (bench/eval/profiles), each with its planted fabrications and some true claims
 * labelled by exact substring, kind and the reason for the label.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  prepareJob,
  type DraftKind,
  type GroundingClaimKind,
  type Job,
  type Profile,
} from '@applydesk/domain';
import { EVAL_NOW, loadProfiles, toProfile } from '../eval/dataset.js';

export const GROUNDING_DIR = dirname(fileURLToPath(import.meta.url));
/** Years of experience are counted up to the ranking evaluation's fixed date. */
export const GROUNDING_NOW = new Date(EVAL_NOW);

export interface LabelledClaim {
  /** Exact substring of the draft text. */
  claim: string;
  kind: GroundingClaimKind;
  /** Why it is (or is not) backed by the profile. */
  why: string;
}

export interface LabelledDraft {
  id: string;
  /** A profile file name under bench/eval/profiles. */
  profile: string;
  kind: DraftKind;
  /** The posting's company, when the draft names it. */
  company?: string;
  text: string;
  fabrications: LabelledClaim[];
  truths: LabelledClaim[];
  note?: string;
}

export function loadDrafts(): LabelledDraft[] {
  return readdirSync(GROUNDING_DIR)
    .filter((name) => /^drafts-.*\.json$/.test(name))
    .sort()
    .flatMap(
      (name) => JSON.parse(readFileSync(join(GROUNDING_DIR, name), 'utf8')) as LabelledDraft[],
    );
}

export function loadGroundingProfiles(): Map<string, Profile> {
  return new Map(loadProfiles().map((p) => [p.file, toProfile(p.draft)]));
}

/** A minimal posting for the draft's company, so naming the company is not read as a claim. */
export function jobFor(draft: LabelledDraft): Job | undefined {
  if (draft.company === undefined) return undefined;
  const prepared = prepareJob({
    sourceType: 'bench',
    sourceId: 'bench:grounding',
    externalId: draft.id,
    url: `https://example.com/jobs/${draft.id}`,
    title: 'Role',
    company: draft.company,
    location: null,
    remote: 'remote',
    descriptionHtml: '',
    descriptionText: '',
    postedAt: EVAL_NOW,
    fetchedAt: EVAL_NOW,
    raw: {},
  });
  return { ...prepared, id: draft.id, status: 'open', createdAt: EVAL_NOW, updatedAt: EVAL_NOW };
}
