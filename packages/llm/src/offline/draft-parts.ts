import { evidenceByWording, rankEvidence, type RankedEvidence } from './evidence.js';
import { strongestEvidence, type Citation, type PostingAnalysis } from './analysis.js';
import type { Requirement } from './requirements.js';
import type { ClaimLedger } from './grounding.js';
import { evidenceClause, formatYears } from './phrases.js';
import { asSentence, lowerFirst, shortenRequirement } from './text.js';

/** Requirements are quoted at most this long in bullets; 140 is the hard limit anywhere. */
export const BULLET_QUOTE_CHARS = 100;
export const QUOTE_CHARS = 140;

/**
 * The user's evidence for a citation as one sentence body, recorded as claims:
 * "as X, I did A" or, when two statements are needed, "as X, I did A; as Y, I did B".
 */
export function citationEvidence(
  citation: Citation,
  ledger: ClaimLedger,
  text: (clause: string) => string,
): string {
  const clauses = [citation.evidence, ...(citation.also === null ? [] : [citation.also])].map(
    evidenceClause,
  );
  const sentence = text(asSentence(clauses.join('; ')));
  ledger.add(sentence, citation.evidence.text);
  if (citation.also !== null) ledger.add(sentence, citation.also.text);
  return sentence;
}

/** "• <their requirement> — <the user's evidence>." recorded as a claim. */
export function citationBullet(
  citation: Citation,
  ledger: ClaimLedger,
): { line: string; quote: string } {
  const quote = shortenRequirement(citation.requirement.text, BULLET_QUOTE_CHARS);
  const line = citationEvidence(citation, ledger, (clause) => `• ${quote} — ${clause}`);
  return { line, quote };
}

/** "Go", "Go and Kubernetes", "Go, Kubernetes and Kafka". */
function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/**
 * Real work nearest to a requirement the user lacks: a statement sharing its wording
 * ("production services" for "services in Go"), else evidence for the requirement's other
 * skills, else the strongest evidence for the posting. Never a bare skill listing.
 */
function closestWork(
  analysis: PostingAnalysis,
  requirement: Requirement,
  used: ReadonlySet<string>,
): RankedEvidence | null {
  const usable = (e: RankedEvidence): boolean => !used.has(e.text) && e.source !== 'skill';
  return (
    evidenceByWording(analysis.profile, requirement.text, analysis.now, 1).find(usable) ??
    rankEvidence(analysis.profile, requirement.skills, analysis.now).find(usable) ??
    strongestEvidence(analysis, used)
  );
}

/**
 * The first required thing the profile does not back, said plainly. The statement of the
 * gap is not a claim; the closest real work that follows it is, and is recorded as one.
 */
export function gapSentences(
  analysis: PostingAnalysis,
  ledger: ClaimLedger,
  used: Set<string>,
): string | null {
  const gap = analysis.gap;
  if (gap === null) return null;
  if (gap.kind === 'skill') {
    const named = listOf(gap.skills);
    const admission =
      gap.skills.length === 1
        ? `One honest gap: you list ${named} as a requirement, and I haven't used ${named} in production.`
        : `One honest gap: you list ${named} as requirements, and I haven't used them in production.`;
    const closest = closestWork(analysis, gap.requirement, used);
    if (closest === null) return admission;
    used.add(closest.text);
    return `${admission} ${ledger.add(`The closest work on my record: ${asSentence(evidenceClause(closest))}`, closest.text)}`;
  }
  const subject = gap.skill === null ? 'experience' : `with ${gap.skill}`;
  const ask = `you ask for ${gap.required}+ years ${subject}`;
  if (gap.have === null) {
    return `One honest gap: ${ask}, and my work history doesn't show that many years${gap.skill === null ? '' : ` with ${gap.skill}`}.`;
  }
  const skill = gap.skill;
  const proof =
    skill === null
      ? analysis.profile.work[0]?.position
      : rankEvidence(analysis.profile, [skill], analysis.now).find((e) => e.source === 'work')
          ?.text;
  const sentence = `One honest gap: ${ask}; the dated roles in my profile${skill === null ? '' : ` that mention ${skill}`} add up to about ${formatYears(gap.have)} years.`;
  return proof === undefined ? sentence : ledger.add(sentence, proof);
}

const IMPERATIVE =
  /^(audit|build|create|design|fix|rebuild|redesign|own|migrate|implement|integrate|set up|get|review|write|develop|improve|optimi[sz]e|add|deploy|connect|convert|refactor|maintain|ship|lead|make|speed up|move|replace|automate|launch|clean up|update|upgrade|test|document)\b/i;

/** A concrete first step taken from the client's own list of work, else from the problem. */
export function firstStep(
  analysis: PostingAnalysis,
  form: 'proposal' | 'letter' = 'proposal',
): string {
  const lead =
    form === 'proposal'
      ? "As a first step I'd"
      : analysis.job.freelance === null
        ? "If I joined, I'd"
        : "If we work together, I'd";
  const duty = analysis.requirements.find(
    (r) => r.kind === 'responsibility' && IMPERATIVE.test(r.text),
  );
  if (duty !== undefined) {
    const item = lowerFirst(shortenRequirement(duty.text, 90));
    return `${lead} start with the first item on your list — ${item} — and share a short written plan before changing anything.`;
  }
  if (analysis.problem !== null) {
    return `${lead} start by going through the current setup with you and share a written plan before changing anything.`;
  }
  return `${lead} start with a short call to agree what a good result for the ${analysis.title} work looks like.`;
}

/** One question that moves the conversation on: the honest gap first, else scope and timing. */
export function openQuestion(analysis: PostingAnalysis): string {
  const gap = analysis.gap;
  if (gap?.kind === 'skill')
    return `Is ${gap.skills[0] ?? 'that'} needed from day one, or is there room to ramp up on it?`;
  const freelance = analysis.job.freelance;
  if (freelance?.contractType === 'hourly')
    return 'Is there a deadline, and roughly how many hours a week do you expect this to take?';
  if (freelance?.contractType === 'fixed')
    return 'Is there a deadline, and would you like the work split into milestones?';
  return 'What would you want this role to have delivered in the first three months?';
}

/** The sign-off block: name, and for letters the email and website (never a street address). */
export function signature(
  analysis: PostingAnalysis,
  signOff: string,
  withContact: boolean,
): string {
  const { basics } = analysis.profile;
  const contact = withContact
    ? [basics.email, basics.url].filter((c): c is string => c !== undefined && c !== '')
    : [];
  return [signOff, basics.name, ...(contact.length > 0 ? [contact.join(' · ')] : [])].join('\n');
}

/** Marketplace clients are not named; a company called "Upwork client" is no company. */
const PLACEHOLDER_COMPANY = /^(upwork )?client$|^(confidential|anonymous|private|stealth)\b/i;

/** How a letter greets the reader and names what it is about ("role" with the company, "shortRole" without). */
export function addressing(analysis: PostingAnalysis): {
  salutation: string;
  role: string;
  shortRole: string;
} {
  const anonymous = analysis.job.freelance !== null || PLACEHOLDER_COMPANY.test(analysis.company);
  if (anonymous) {
    const project = `your "${analysis.title}" project`;
    return { salutation: 'Dear hiring team,', role: project, shortRole: project };
  }
  return {
    salutation: `Dear ${analysis.company} hiring team,`,
    role: `the ${analysis.title} role at ${analysis.company}`,
    shortRole: `the ${analysis.title} role`,
  };
}
