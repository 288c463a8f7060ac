import type { Job, Profile } from '@applydesk/domain';
import {
  evidenceByWording,
  rankEvidence,
  textMentionsSkill,
  type RankedEvidence,
} from './evidence.js';
import { postingText } from './sections.js';
import { isCovered, pairRequirement, type PairedRequirement } from './pairing.js';
import { extractRequirements, problemStatement, type Requirement } from './requirements.js';
import { cleanText, contentTerms, normalizeForCompare, sharedTerms, shorten } from './text.js';
import { isQuotable } from './untrusted.js';

/** A requirement the profile does not back, said plainly instead of claimed. */
export type Gap =
  | {
      kind: 'skill';
      /** Every needed skill the profile shows nothing for, the first requirement's first. */
      skills: string[];
      requirement: Requirement;
    }
  | {
      kind: 'years';
      skill: string | null;
      required: number;
      have: number | null;
      requirement: Requirement;
    };

/** A requirement the draft cites, with the evidence it pairs it with. */
export interface Citation {
  requirement: Requirement;
  evidence: RankedEvidence;
  /** For "React and TypeScript" when no one statement names both: a statement for the rest. */
  also: RankedEvidence | null;
}

/** Everything the writers need about one posting and one profile, computed once. */
export interface PostingAnalysis {
  job: Job;
  profile: Profile;
  now: Date;
  title: string;
  company: string;
  problem: string | null;
  requirements: Requirement[];
  paired: PairedRequirement[];
  /** Canonical skills the posting's requirements name, in posting order. */
  postingSkills: string[];
  gap: Gap | null;
}

const KIND_PRIORITY: Record<Requirement['kind'], number> = {
  required: 0,
  responsibility: 1,
  nice: 2,
};

/** A short, markup-free name from the posting (title, company), or the fallback when it is unusable. */
function safeName(raw: string, fallback: string): string {
  const cleaned = shorten(cleanText(raw), 80);
  return cleaned === '' || !isQuotable(cleaned) ? fallback : cleaned;
}

/**
 * Skills the posting needs that the profile lacks: from its requirements first, then from
 * the work it describes ("I need a Laravel developer to …"); else a years shortfall.
 */
function firstGap(paired: PairedRequirement[]): Gap | null {
  const required = paired.filter((p) => p.requirement.kind === 'required');
  const needed = [...required, ...paired.filter((p) => p.requirement.kind === 'responsibility')];
  const missing = needed.find((p) => p.missingSkills.length > 0);
  if (missing !== undefined) {
    const skills = [...new Set(needed.flatMap((p) => p.missingSkills))];
    return { kind: 'skill', skills, requirement: missing.requirement };
  }
  const short = required.find((p) => p.yearsShort !== null);
  if (short?.yearsShort == null) return null;
  return { kind: 'years', ...short.yearsShort, requirement: short.requirement };
}

export function analyzePosting(job: Job, profile: Profile, now: Date): PostingAnalysis {
  const requirements = extractRequirements(job);
  const paired = requirements.map((requirement) => pairRequirement(profile, requirement, now));
  const postingSkills = [...new Set(requirements.flatMap((r) => r.skills))];
  return {
    job,
    profile,
    now,
    title: safeName(job.title, 'this role'),
    company: safeName(job.company, 'your company'),
    problem: problemStatement(job),
    requirements,
    paired,
    postingSkills,
    gap: firstGap(paired),
  };
}

/** Citations below this many may fall back on a bare skill listing as evidence. */
const MIN_CITATIONS = 2;

/** Content terms of a text that are not skill names (skills are scored on their own). */
function wordingTerms(text: string, skills: readonly string[]): Set<string> {
  const skillTerms = new Set(skills.flatMap((skill) => [...contentTerms(skill)]));
  return new Set([...contentTerms(text)].filter((term) => !skillTerms.has(term)));
}

/** How well a statement answers a requirement: its strength, the requirement's skills it names, and wording they share. */
function fitScore(requirement: Requirement, evidence: RankedEvidence): number {
  const shared = sharedTerms(
    wordingTerms(requirement.text, requirement.skills),
    contentTerms(evidence.text),
  ).length;
  const covered = requirement.skills.filter((skill) =>
    evidence.fact.skills.has(skill.toLowerCase()),
  ).length;
  return evidence.tier + 1.25 * shared + covered;
}

/**
 * Up to `max` covered requirements, each paired with a statement no other citation uses:
 * required items first, then duties, then nice-to-haves, in posting order, each taking its
 * best-fitting statement. A bare skill listing only stands in for a required or nice-to-have
 * skill, and only to reach two citations. The problem sentence is not cited again when
 * other requirements are available.
 */
export function pickCitations(
  analysis: PostingAnalysis,
  max: number,
  used: Set<string> = new Set(),
): Citation[] {
  const problemKey = analysis.problem === null ? null : normalizeForCompare(analysis.problem);
  const covered = analysis.paired
    .map((paired, index) => ({ paired, index }))
    .filter(({ paired }) => isCovered(paired))
    .sort(
      (a, b) =>
        KIND_PRIORITY[a.paired.requirement.kind] - KIND_PRIORITY[b.paired.requirement.kind] ||
        a.index - b.index,
    );
  const notProblem = covered.filter(
    ({ paired }) => normalizeForCompare(paired.requirement.text) !== problemKey,
  );
  const pool = notProblem.length > 0 ? notProblem : covered;

  const chosen = new Map<PairedRequirement, RankedEvidence>();
  for (const listings of [false, true]) {
    for (const { paired } of pool) {
      if (chosen.size >= (listings ? Math.min(max, MIN_CITATIONS) : max)) break;
      if (chosen.has(paired) || (listings && paired.requirement.kind === 'responsibility'))
        continue;
      const best = paired.candidates
        .filter((e) => (e.source === 'skill') === listings && !used.has(e.text))
        .map((e, order) => ({ e, order, fit: fitScore(paired.requirement, e) }))
        .sort((a, b) => b.fit - a.fit || a.order - b.order)[0];
      if (best === undefined) continue;
      used.add(best.e.text);
      chosen.set(paired, best.e);
    }
  }
  return pool.flatMap(({ paired }) => {
    const evidence = chosen.get(paired);
    return evidence === undefined
      ? []
      : [
          {
            requirement: paired.requirement,
            evidence,
            also: completingEvidence(paired, evidence, used),
          },
        ];
  });
}

/** A second statement for the requirement's skills the first one does not name, if one is needed and free. */
function completingEvidence(
  paired: PairedRequirement,
  first: RankedEvidence,
  used: Set<string>,
): RankedEvidence | null {
  const names = (e: RankedEvidence, skill: string): boolean =>
    e.fact.skills.has(skill.toLowerCase()) || textMentionsSkill(e.text, skill);
  const rest = paired.requirement.skills.filter((skill) => !names(first, skill));
  if (rest.length === 0 || first.source === 'skill') return null;
  const second = paired.candidates.find(
    (e) => e.source !== 'skill' && !used.has(e.text) && rest.some((skill) => names(e, skill)),
  );
  if (second === undefined) return null;
  used.add(second.text);
  return second;
}

/**
 * The strongest unused evidence for the skills the posting names, else the work whose
 * wording overlaps the posting most (three or more shared words).
 */
export function strongestEvidence(
  analysis: PostingAnalysis,
  used: ReadonlySet<string> = new Set(),
): RankedEvidence | null {
  const usable = (e: RankedEvidence): boolean => !used.has(e.text) && e.source !== 'skill';
  const skills = analysis.postingSkills.length > 0 ? analysis.postingSkills : analysis.job.skills;
  return (
    rankEvidence(analysis.profile, skills, analysis.now).find(usable) ??
    evidenceByWording(analysis.profile, postingText(analysis.job), analysis.now, 3).find(usable) ??
    null
  );
}
