import { extractSkills, type Job } from '@applydesk/domain';
import { parsePosting, postingText, type SectionKind } from './sections.js';
import { isQuotable } from './untrusted.js';
import { shorten, splitSentences, wordCount } from './text.js';

/** Words that describe what is wrong today. */
const PAIN =
  /\b(slow\w*|leak\w*|restart\w*|time(s|d)? ?out\w*|takes? \d|\d+\+? ?(seconds|minutes|hours)|manual(ly)?|broken|bugs?|errors?|error-prone|crash\w*|fail\w*|outages?|downtime|churn\w*|los(e|es|ing|t)|struggl\w*|bottleneck\w*|legacy|outdated|can(no|['’])t|doesn['’]t|isn['’]t|not working|problems?|issues?|pain\w*|tedious|expensive|costly|drop(s|ped|ping)?|doubled|tripled|delay\w*|abandon\w*|overwhelm\w*|keep up|hurting)\b/i;
/** Words that describe what the client wants to reach. */
const GOAL =
  /\b(need\w*|looking for|help|goal|want\w*|would like|aim\w*|plan(ning)? to|rebuild|migrat\w*|automat\w*|improv\w*|reduc\w*|speed up|launch\w*|replac\w*|redesign|fix\w*|integrat\w*|moderni[sz]\w*|streamlin\w*|scal(e|ing))\b/i;
/** "Tech stack: …", "Timeline: …": a labelled line lists facts, it does not state a problem. */
const LABELLED_LINE = /^[A-Z][A-Za-z /&-]{1,24}:\s/;
/** "I need …" / "We're looking for …": how marketplace clients state the job. */
const LEAD_IN =
  /^(i|we)(['’]m|['’]re| am| are)?\s+(really\s+|currently\s+)?(need|looking for|want|seeking|would like|require)\b|^(looking for|seeking|need(ed)?)\b/i;
const BOILERPLATE =
  /^(we['’]?re hiring|we are hiring|now hiring|hiring|join|about us|who we are|hello|hi|hey|greetings|dear|thanks|thank you|please|apply|if you|location|salary|budget|compensation|note)\b|\bequal (opportunity|employment)\b|\b(is|are) an? (leading|fast-growing|award-winning|global|innovative|well-funded)\b|\bfounded in\b|\bheadquartered\b|\bbacked by\b|\bour mission\b|\bwe are (a|an) (\w+ ){0,3}(company|agency|startup|team|business)\b/i;

const PROSE_SECTIONS: ReadonlySet<SectionKind> = new Set([
  'none',
  'role',
  'responsibility',
  'other',
]);

interface Candidate {
  text: string;
  section: SectionKind;
  index: number;
}

function score(candidate: Candidate, job: Job): number {
  const { text, section, index } = candidate;
  let value = 0;
  if (PAIN.test(text)) value += 3;
  if (GOAL.test(text)) value += 2;
  // Marketplace clients state the job in their "I need …" line; employers more often in the pain.
  if (LEAD_IN.test(text)) value += job.freelance === null ? 1 : 4;
  if (extractSkills(text).length > 0) value += 1;
  if (section === 'role') value += 0.5;
  if (section === 'responsibility' || section === 'other') value -= 1;
  // A company introducing itself states who it is, not what it needs.
  if (text.toLowerCase().startsWith(job.company.toLowerCase())) value -= 2;
  // "rebuild it" leans on the sentence before, so it means little on its own.
  if (
    /\b(rebuild|fix|improve|replace|redesign|make|own|scale) (it|this|them)\b|^(it|this|they)\b/i.test(
      text,
    )
  )
    value -= 1.5;
  // Second person ("You will own …") reads oddly when restated back to the client.
  if (/^you\b/i.test(text)) value -= 2;
  return value - 0.25 * index;
}

/**
 * The posting's sentence that best states the client's problem or goal: from the opening
 * prose (or "About the role"), not company boilerplate, for marketplace posts usually the
 * "I need …" sentence. One sentence, markup stripped; null when the posting has no prose.
 */
export function problemStatement(job: Job): string | null {
  const parsed = parsePosting(postingText(job));
  const candidates: Candidate[] = [];
  for (const block of parsed.blocks) {
    if (block.bullet || !PROSE_SECTIONS.has(block.section)) continue;
    for (const sentence of splitSentences(block.text)) {
      if (wordCount(sentence) < 5 || /[?:]$/.test(sentence)) continue;
      if (BOILERPLATE.test(sentence) || LABELLED_LINE.test(sentence) || !isQuotable(sentence))
        continue;
      candidates.push({ text: sentence, section: block.section, index: candidates.length });
    }
  }
  let best: Candidate | null = null;
  let bestScore = -Infinity;
  for (const candidate of candidates) {
    const value = score(candidate, job);
    if (value > bestScore) [best, bestScore] = [candidate, value];
  }
  return best === null ? null : shorten(best.text, 240);
}
