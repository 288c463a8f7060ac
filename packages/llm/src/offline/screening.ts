import {
  evidenceByWording,
  evidenceMatching,
  rankEvidence,
  textMentionsSkill,
  yearsWithSkill,
  type RankedEvidence,
} from './evidence.js';
import type { PostingAnalysis } from './analysis.js';
import type { ClaimLedger } from './grounding.js';
import { evidenceClause, formatYears } from './phrases.js';
import { skillsNamedIn } from './requirements.js';
import { asSentence, cleanText, shorten, upperFirst } from './text.js';
import { asksForPersonalData, looksLikeInstruction } from './untrusted.js';
import { workWhere } from './profile-facts.js';

export interface ScreeningAnswer {
  question: string;
  answer: string;
}

/** What the writer says when the profile has nothing to answer with. */
export const DISCUSS_ON_CALL = "I'd like to discuss this on a call.";
const PERSONAL_DATA_ANSWER =
  "I'd rather share personal details once we've agreed to work together.";

const YEARS_QUESTION =
  /\bhow (many|long)\b.*\byears?\b|\byears of (experience|work)\b|\bhow long have you\b/i;
const LINKS_QUESTION =
  /\b(portfolio|links?|urls?|github|samples?|past work|previous work|examples? of (your )?work)\b/i;
const EXPERIENCE_QUESTION =
  /\b(describe|tell|share|explain|walk|experience|similar|example|recent|project|worked|done|built|approach)\b/i;
/** Open questions about the user's background, which any strong evidence for the posting answers. */
const OPEN_BACKGROUND_QUESTION =
  /\b(similar|relevant|recent|past|previous)\b.*\b(projects?|work|experience)\b|\bdescribe your (experience|background)\b|\btell (us|me) about (yourself|your (experience|background))\b|\bwhy (are you|should (we|i))\b/i;

/**
 * What screening questions often ask about without naming a skill or sharing words with the
 * profile ("describe a bug you fixed" and "found and fixed a memory leak"), and the words a
 * profile shows each in.
 */
const THEMES: { asks: RegExp; shownBy: RegExp }[] = [
  {
    asks: /\b(bugs?|debug\w*|fix\w*|troubleshoot\w*|incidents?|outages?|root cause|broke|failure)\b/i,
    shownBy:
      // Not "incidents": "with zero incidents" tells of care, not of a fix.
      /\b(bugs?|debug\w*|fix(ed|es|ing)?|leaks?|crash\w*|root cause|regressions?|defects?|resolved)\b/i,
  },
  {
    asks: /\b(lead|led|leading|mentor\w*|manag\w*|team)\b/i,
    shownBy: /\b(led|lead|leading|mentor\w*|managed|coached|hired|trained)\b/i,
  },
  {
    asks: /\b(performance|optimi[sz]\w*|slow|latency|speed\w*|faster)\b/i,
    shownBy: /\b(p9\d|latency|load time|faster|speed\w*|optimi[sz]\w*|performance)\b/i,
  },
  {
    asks: /\b(deadlines?|pressure|tight (timeline|schedule)|on time)\b/i,
    shownBy: /\b(deadlines?|on time|ahead of schedule|within (the )?(fixed )?budget)\b/i,
  },
];

function themeEvidence(analysis: PostingAnalysis, question: string): RankedEvidence[] {
  for (const theme of THEMES) {
    if (!theme.asks.test(question)) continue;
    const found = evidenceMatching(analysis.profile, theme.shownBy, analysis.now);
    if (found.length > 0) return found;
  }
  return [];
}

function claimClause(ledger: ClaimLedger, evidence: RankedEvidence): string {
  return ledger.add(asSentence(upperFirst(evidenceClause(evidence))), evidence.text);
}

function yearsAnswer(analysis: PostingAnalysis, skill: string, ledger: ClaimLedger): string | null {
  const { profile, now } = analysis;
  const years = yearsWithSkill(profile, skill, now);
  if (years === null || years < 0.5) return null;
  const roles = profile.work.filter((w) =>
    textMentionsSkill([w.position, w.summary ?? '', ...w.highlights].join('\n'), skill),
  );
  const firstRole = roles[0];
  if (firstRole === undefined) return null;
  const proof =
    [...firstRole.highlights, firstRole.summary ?? '', firstRole.position].find((t) =>
      textMentionsSkill(t, skill),
    ) ?? firstRole.position;
  const summary = ledger.add(
    `About ${formatYears(years)} years with ${skill}, in my roles as ${roles.map(workWhere).join(' and ')}.`,
    proof,
  );
  const example = rankEvidence(profile, [skill], now).find(
    (e) => e.source === 'work' && e.text !== proof,
  );
  if (example === undefined) return summary;
  return `${summary} ${ledger.add(`For example, ${asSentence(evidenceClause(example))}`, example.text)}`;
}

function linksAnswer(analysis: PostingAnalysis, ledger: ClaimLedger): string | null {
  const { basics, projects } = analysis.profile;
  const links: string[] = [];
  for (const project of projects)
    if (project.url !== undefined)
      links.push(ledger.add(`${project.name}: ${project.url}`, project.url));
  if (basics.url !== undefined) links.push(ledger.add(`Website: ${basics.url}`, basics.url));
  for (const p of basics.profiles)
    if (p.url !== undefined) links.push(ledger.add(`${p.network}: ${p.url}`, p.url));
  // The links are the user's public work; whether any of it is what the question asks for is for the user to say.
  return links.length === 0 ? null : ['Links to my public work:', ...links].join('\n');
}

function experienceAnswer(
  analysis: PostingAnalysis,
  question: string,
  skills: string[],
  ledger: ClaimLedger,
): string | null {
  const { profile, now } = analysis;
  // A question naming a skill is answered only with evidence for that skill; wording and the
  // posting's skills stand in only when it names none.
  let evidence: RankedEvidence[] = skills.length > 0 ? rankEvidence(profile, skills, now) : [];
  if (skills.length === 0) evidence = evidenceByWording(profile, question, now);
  if (evidence.length === 0 && skills.length === 0 && OPEN_BACKGROUND_QUESTION.test(question)) {
    evidence = rankEvidence(profile, analysis.postingSkills, now);
  }
  const seen = new Set<string>();
  const best = evidence
    .filter((e) => e.source !== 'skill' && !seen.has(e.text) && (seen.add(e.text), true))
    .slice(0, 2);
  if (best.length === 0) {
    const listed = evidence.find((e) => e.source === 'skill');
    return listed === undefined ? null : claimClause(ledger, listed);
  }
  return best.map((e) => claimClause(ledger, e)).join(' ');
}

function answerOne(analysis: PostingAnalysis, question: string, ledger: ClaimLedger): string {
  if (asksForPersonalData(question)) return PERSONAL_DATA_ANSWER;
  const skills = skillsNamedIn(question, analysis.job.skills);
  const firstSkill = skills[0];
  if (YEARS_QUESTION.test(question) && firstSkill !== undefined) {
    const answer = yearsAnswer(analysis, firstSkill, ledger);
    if (answer !== null) return answer;
  }
  if (LINKS_QUESTION.test(question)) {
    const answer = linksAnswer(analysis, ledger);
    if (answer !== null) return answer;
  }
  if (skills.length > 0 || EXPERIENCE_QUESTION.test(question)) {
    const answer = experienceAnswer(analysis, question, skills, ledger);
    if (answer !== null) return answer;
  }
  const themed = themeEvidence(analysis, question).slice(0, 2);
  if (themed.length > 0) return themed.map((e) => claimClause(ledger, e)).join(' ');
  return DISCUSS_ON_CALL;
}

/**
 * An answer per screening question, built only from profile evidence; questions that
 * address the applicant's AI are not repeated or answered.
 */
export function answerScreeningQuestions(
  analysis: PostingAnalysis,
  ledger: ClaimLedger,
): ScreeningAnswer[] {
  const questions = analysis.job.freelance?.screeningQuestions ?? [];
  const answers: ScreeningAnswer[] = [];
  for (const raw of questions) {
    const question = shorten(cleanText(raw), 200);
    if (question === '' || looksLikeInstruction(question)) continue;
    answers.push({ question, answer: answerOne(analysis, question, ledger) });
  }
  return answers;
}

/** Numbered question/answer pairs as plain text. */
export function formatAnswers(answers: readonly ScreeningAnswer[]): string {
  return answers.map((a, i) => `${i + 1}. ${a.question}\n${a.answer}`).join('\n\n');
}
