import { normalizeSkill, type Profile } from '@applydesk/domain';
import { yearRange } from '../dates.js';
import { QUOTE_CHARS } from '../draft-parts.js';
import { textMentionsSkill } from '../evidence.js';
import { ClaimLedger } from '../grounding.js';
import type { Requirement } from '../requirements.js';
import { contentTerms, sharedTerms, shortenRequirement } from '../text.js';
import type { ComposedDraft, DraftContext } from './types.js';

/** Decides which profile lines speak to the posting, and remembers the requirements they answer. */
class PostingRelevance {
  readonly answered = new Set<Requirement>();
  private readonly terms: { requirement: Requirement; terms: Set<string> }[];

  constructor(
    private readonly requirements: readonly Requirement[],
    private readonly skills: readonly string[],
  ) {
    this.terms = requirements.map((requirement) => ({
      requirement,
      terms: contentTerms(requirement.text),
    }));
  }

  /** True when the text names a posting skill or shares wording with a requirement. */
  matches(text: string): boolean {
    let hit = false;
    for (const requirement of this.requirements) {
      if (requirement.skills.some((skill) => textMentionsSkill(text, skill))) {
        this.answered.add(requirement);
        hit = true;
      }
    }
    const own = contentTerms(text);
    for (const { requirement, terms } of this.terms) {
      if (sharedTerms(own, terms).length >= 2) {
        this.answered.add(requirement);
        hit = true;
      }
    }
    return hit || this.skills.some((skill) => textMentionsSkill(text, skill));
  }

  isPostingSkill(name: string): boolean {
    const canonical = normalizeSkill(name).toLowerCase();
    return this.skills.some((skill) => skill.toLowerCase() === canonical);
  }
}

/** Posting-relevant items first, otherwise the profile's order (a stable partition). */
function relevantFirst<T>(items: readonly T[], isRelevant: (item: T) => boolean): T[] {
  const flags = items.map(isRelevant);
  return [...items.filter((_, i) => flags[i]), ...items.filter((_, i) => !flags[i])];
}

function contactLine(profile: Profile): string {
  const { basics } = profile;
  // City, region and country only: a street address never goes into a draft.
  const place = [
    basics.location?.city,
    basics.location?.region,
    basics.location?.countryCode,
  ].filter((p) => p !== undefined && p !== '');
  const links = basics.profiles.map((p) => p.url).filter((u): u is string => u !== undefined);
  return [basics.email, basics.phone, basics.url, ...links, place.join(', ')]
    .filter((part): part is string => part !== undefined && part !== '')
    .join(' · ');
}

/**
 * A Markdown resume made only of the profile's own lines: the posting's skills listed
 * first, each role's highlights that speak to the posting first. Nothing is added or
 * reworded; claims are the profile lines themselves.
 */
export function writeTailoredResume({ analysis }: DraftContext): ComposedDraft {
  const { profile } = analysis;
  const ledger = new ClaimLedger();
  const relevance = new PostingRelevance(analysis.requirements, [
    ...new Set([...analysis.postingSkills, ...analysis.job.skills]),
  ]);
  const claim = (text: string): string => ledger.add(text, text);
  const out: string[] = [`# ${profile.basics.name}`];
  if (profile.basics.label !== undefined) out.push(claim(profile.basics.label));
  const contact = contactLine(profile);
  if (contact !== '') out.push(contact);
  if (profile.basics.summary !== undefined) out.push('## Summary', claim(profile.basics.summary));

  if (profile.skills.length > 0) {
    const groups = relevantFirst(profile.skills, (g) =>
      [g.name, ...g.keywords].some((k) => relevance.isPostingSkill(k)),
    );
    const lines = groups.map((group) => {
      const keywords = relevantFirst(group.keywords, (k) => relevance.isPostingSkill(k));
      return keywords.length === 0
        ? `- ${group.name}`
        : `- **${group.name}:** ${keywords.join(', ')}`;
    });
    out.push('## Skills', lines.join('\n'));
  }

  if (profile.work.length > 0) {
    out.push('## Experience');
    for (const work of profile.work) {
      const range = yearRange(work.startDate, work.endDate);
      const meta = [range, work.location].filter((m) => m !== undefined && m !== '').join(' · ');
      const entry = [`### ${work.position} — ${work.name}`];
      if (meta !== '') entry.push(`_${meta}_`);
      if (work.summary !== undefined) entry.push(claim(work.summary));
      const highlights = relevantFirst(work.highlights, (h) => relevance.matches(h));
      if (highlights.length > 0) entry.push(highlights.map((h) => `- ${claim(h)}`).join('\n'));
      out.push(entry.join('\n\n'));
    }
  }

  if (profile.projects.length > 0) {
    out.push('## Projects');
    const projects = relevantFirst(profile.projects, (p) =>
      relevance.matches([p.description ?? '', ...p.highlights, ...p.keywords].join('\n')),
    );
    for (const project of projects) {
      const entry = [`### ${project.name}`];
      if (project.description !== undefined) entry.push(claim(project.description));
      const highlights = relevantFirst(project.highlights, (h) => relevance.matches(h));
      if (highlights.length > 0) entry.push(highlights.map((h) => `- ${claim(h)}`).join('\n'));
      if (project.url !== undefined) entry.push(project.url);
      out.push(entry.join('\n\n'));
    }
  }

  if (profile.education.length > 0) {
    const lines = profile.education.map((e) => {
      const degree = [e.studyType, e.area].filter((d) => d !== undefined).join(' in ');
      const range = yearRange(e.startDate, e.endDate);
      return `- ${[degree, e.institution].filter((p) => p !== '').join(', ')}${range === '' ? '' : ` (${range})`}`;
    });
    out.push('## Education', lines.join('\n'));
  }

  if (profile.certificates.length > 0) {
    const lines = profile.certificates.map(
      (c) =>
        `- ${claim(c.name)}${[c.issuer, c.date].some((d) => d !== undefined) ? ` — ${[c.issuer, c.date].filter((d) => d !== undefined).join(', ')}` : ''}`,
    );
    out.push('## Certificates', lines.join('\n'));
  }

  // A requirement counts as answered only when the profile shows all it names, so a resume
  // line about Docker never reads as an answer to "Docker and Kubernetes".
  const cited = analysis.paired
    .filter((p) => relevance.answered.has(p.requirement) && p.missingSkills.length === 0)
    .map((p) => shortenRequirement(p.requirement.text, QUOTE_CHARS));
  return { text: out.join('\n\n'), citedRequirements: cited, grounding: ledger.report() };
}
