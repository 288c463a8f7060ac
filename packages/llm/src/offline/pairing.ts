import type { Profile } from '@applydesk/domain';
import {
  evidenceByWording,
  rankEvidence,
  totalWorkYears,
  yearsWithSkill,
  type RankedEvidence,
} from './evidence.js';
import type { Requirement } from './requirements.js';

/** A requirement with what the profile shows for it. */
export interface PairedRequirement {
  requirement: Requirement;
  /** Profile statements that back it, best first, distinct texts. Empty when none do. */
  candidates: RankedEvidence[];
  /** Skills it requires that the profile shows nothing for. */
  missingSkills: string[];
  /** Set when it asks for more years than the user's dated roles show. */
  yearsShort: { skill: string | null; required: number; have: number | null } | null;
}

/** "React or Vue", "Playwright/Cypress", "e.g. Redis": any one of the skills will do. */
const ALTERNATIVES =
  /\bor\b|\/|\bany of\b|\bone of\b|\bsimilar\b|\bequivalent\b|\bsuch as\b|\be\.g\.|\bfor example\b|\blike\b/i;

function distinctTexts(evidence: RankedEvidence[]): RankedEvidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => (seen.has(e.text) ? false : (seen.add(e.text), true)));
}

/** Skill evidence ordered by strength, then by how many of the requirement's skills it names. */
function skillCandidates(profile: Profile, skills: readonly string[], now: Date): RankedEvidence[] {
  const ranked = rankEvidence(profile, skills, now);
  const coverage = new Map<string, number>();
  for (const e of ranked) coverage.set(e.text, (coverage.get(e.text) ?? 0) + 1);
  const ordered = ranked
    .map((e, index) => ({ e, index }))
    .sort(
      (a, b) =>
        b.e.tier - a.e.tier ||
        (coverage.get(b.e.text) ?? 0) - (coverage.get(a.e.text) ?? 0) ||
        a.index - b.index,
    )
    .map(({ e }) => e);
  return distinctTexts(ordered);
}

function yearsShortfall(
  profile: Profile,
  requirement: Requirement,
  alternatives: boolean,
  now: Date,
): PairedRequirement['yearsShort'] {
  const required = requirement.years;
  if (required === null) return null;
  if (requirement.skills.length === 0) {
    const have = totalWorkYears(profile, now);
    return have !== null && have >= required ? null : { skill: null, required, have };
  }
  const perSkill = requirement.skills.map((skill) => ({
    skill,
    have: yearsWithSkill(profile, skill, now),
  }));
  // With alternatives the best skill counts; otherwise every named skill must reach the bar.
  const ordered = [...perSkill].sort((a, b) =>
    alternatives ? (b.have ?? -1) - (a.have ?? -1) : (a.have ?? -1) - (b.have ?? -1),
  );
  const deciding = ordered[0];
  if (deciding === undefined || (deciding.have !== null && deciding.have >= required)) return null;
  return { skill: deciding.skill, required, have: deciding.have };
}

/** Pairs one requirement with the profile's evidence and what is missing for it. */
export function pairRequirement(
  profile: Profile,
  requirement: Requirement,
  now: Date,
): PairedRequirement {
  const alternatives = ALTERNATIVES.test(requirement.text);
  if (requirement.skills.length === 0) {
    return {
      requirement,
      candidates: distinctTexts(evidenceByWording(profile, requirement.text, now)),
      missingSkills: [],
      yearsShort: yearsShortfall(profile, requirement, alternatives, now),
    };
  }
  const shown = new Set(rankEvidence(profile, requirement.skills, now).map((e) => e.skill));
  const unshown = requirement.skills.filter((skill) => !shown.has(skill));
  const missingSkills = alternatives && shown.size > 0 ? [] : unshown;
  return {
    requirement,
    candidates: skillCandidates(profile, requirement.skills, now),
    missingSkills,
    yearsShort:
      missingSkills.length > 0 ? null : yearsShortfall(profile, requirement, alternatives, now),
  };
}

/** True when the profile backs the whole requirement: evidence, no missing skill, enough years. */
export function isCovered(paired: PairedRequirement): boolean {
  return (
    paired.candidates.length > 0 && paired.missingSkills.length === 0 && paired.yearsShort === null
  );
}
