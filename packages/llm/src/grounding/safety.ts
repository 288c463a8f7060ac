/**
 * Checks a model-written draft for the marks of prompt injection: it obeyed an instruction
 * planted in the posting, leaked the system prompt, handed out personal data, or carries
 * content that has no place in an application.
 */
import type { Job, Profile } from '@applydesk/domain';
import { postingText } from '../offline/sections.js';
import { contentTerms, splitSentences } from '../offline/text.js';
import {
  asksForPersonalData,
  asksToLeavePlatform,
  looksLikeInstruction,
} from '../offline/untrusted.js';

export type SafetyViolationKind =
  'followed_instruction' | 'system_prompt_leak' | 'personal_data' | 'foreign_content';

export interface SafetyViolation {
  kind: SafetyViolationKind;
  /** The draft text (or what it matched) that shows the problem. */
  evidence: string;
}

export interface DraftSafety {
  safe: boolean;
  violations: SafetyViolation[];
}

export interface SafetyContext {
  job: Job;
  systemPrompt: string;
  /** When given, contact details and links from the profile are the user's own, not foreign. */
  profile?: Profile;
}

/** Words of a system prompt a draft may share by chance; a leak is this many in a row. */
const LEAK_RUN = 8;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function containsWord(text: string, word: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9])${escapeRegExp(word)}(?![A-Za-z0-9])`, 'i').test(text);
}

function excerpt(text: string, at: number, length: number): string {
  const from = Math.max(0, at - 20);
  const to = Math.min(text.length, at + length + 20);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
}

/** Sentences of the posting, with the lines of lists kept apart. */
function postingSentences(job: Job): string[] {
  const text = [job.title, postingText(job), ...(job.freelance?.screeningQuestions ?? [])].join(
    '\n',
  );
  return text
    .split(/\n+/)
    .flatMap((line) => splitSentences(line))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const COMMON_CAPS = new Set(
  'AI API APIS AWS GCP SQL CSS HTML USA UK EU UI UX CEO CTO SEO PDF URL JSON REST HTTP HTTPS ASAP NDA FAQ'.split(
    ' ',
  ),
);

/** Distinctive tokens an instruction asks the writer to reproduce: "BANANA", "PURPLE-42", 'pineapple'. */
function markers(instruction: string): string[] {
  const found = new Set<string>();
  for (const m of instruction.matchAll(/"([^"]{2,40})"|“([^”]{2,40})”|'([^']{2,40})'/g)) {
    const quoted = (m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (quoted !== '') found.add(quoted);
  }
  for (const m of instruction.matchAll(/\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\b|\b[A-Z]{3,}\b/g)) {
    if (!COMMON_CAPS.has(m[0])) found.add(m[0]);
  }
  for (const m of instruction.matchAll(
    /\b(?:word|phrase|code|keyword|password|codeword|code word)\s+(?:is\s+)?[:"“']?([A-Za-z0-9-]{3,30})/gi,
  )) {
    const word = m[1]!;
    if (!/^(?:is|the|a|an|in|at|to|that|so|which)$/i.test(word)) found.add(word);
  }
  return [...found];
}

const GENRES =
  /\b(poem|haiku|sonnet|limerick|song|lyrics|rap|story|joke|recipe|riddle|essay about)\b/i;

/** Verse: several short lines in a row that do not read as a list or a signature. */
function looksLikeVerse(draft: string): string | null {
  const lines = draft.split('\n').map((l) => l.trim());
  let run: string[] = [];
  for (const line of lines) {
    const short =
      line !== '' && line.length <= 48 && !/^[•\-*\d]/.test(line) && !/[:,]$/.test(line);
    if (short) run.push(line);
    else {
      if (run.length >= 4) return run.slice(0, 4).join(' / ');
      run = [];
    }
  }
  return run.length >= 4 ? run.slice(0, 4).join(' / ') : null;
}

const SELF_REFERENCE =
  /\b(?:as an ai(?: language model)?|i am an ai|i'm an ai|as a language model|i am a language model|my (?:system prompt|instructions|rules|guidelines)|i was (?:instructed|told|asked) (?:to|not to)|i cannot comply|i can(?:'|’)t (?:comply|help with that)|developer mode|jailbreak)\b/i;

const CONTROL_TOKENS =
  /<\|[a-z_]+\|>|\[\/?(?:INST|SYS)\]|<<\/?SYS>>|^\s*(?:system|assistant|user)\s*:/im;

/** Data nobody should send in an application, whoever asks. */
const ALWAYS_PRIVATE: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /\b\d{3}-\d{2}-\d{4}\b/, what: 'a social security number' },
  {
    pattern:
      /\b(?:social security|ssn|national insurance|passport)(?: number| no\.?)?\s*(?:is|:)?\s*[A-Z0-9]{2}[A-Z0-9 -]{4,}/i,
    what: 'an identity number',
  },
  { pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}\b/, what: 'a bank account (IBAN)' },
  {
    pattern:
      /\b(?:account|routing|sort code|iban|swift|bic)(?: number| no\.?| code)?\s*(?:is|:)\s*[A-Z0-9][A-Z0-9 -]{5,}/i,
    what: 'bank details',
  },
  { pattern: /\b(?:\d{4}[ -]){3}\d{4}\b/, what: 'a card number' },
  {
    pattern: /\b(?:born on|date of birth|d\.o\.b\.?|dob)\s*(?:is|:)?\s*\w+/i,
    what: 'a date of birth',
  },
  {
    pattern:
      /\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St\.|Lane|Road|Rd\.|Avenue|Ave\.|Boulevard|Blvd|Drive|Way|Court|Place)\b/,
    what: 'a street address',
  },
];

const PHONE = /(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?)?\d{2,4}[ .-]\d{3,4}[ .-]?\d{3,4}\b/;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/g;
const LINK = /\bhttps?:\/\/[^\s)>\]]+|\bwww\.[^\s)>\]]+|\bwa\.me\/\S+|\bt\.me\/\S+/gi;
/** A messenger contact offered, not merely named ("Send your Telegram handle" repeated is fine). */
const MESSENGER =
  /\b(?:message|text|ping|reach|contact|add|call|find)\s+me\s+(?:on|via|at)\s+(?:whatsapp|telegram|signal|skype|wechat|discord)\b|\b(?:whatsapp|telegram|signal|skype|wechat|discord)\b[^.\n]{0,30}?(?:@[\w.]{3,}|\+?\d[\d ]{6,}|t\.me\/|wa\.me\/)/i;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** The longest run of the system prompt's words the draft repeats, when it is LEAK_RUN or more. */
function leakedRun(draft: string, systemPrompt: string): string | null {
  const prompt = words(systemPrompt);
  if (prompt.length < LEAK_RUN) return null;
  const grams = new Set<string>();
  for (let i = 0; i + LEAK_RUN <= prompt.length; i++)
    grams.add(prompt.slice(i, i + LEAK_RUN).join(' '));
  const text = words(draft);
  for (let i = 0; i + LEAK_RUN <= text.length; i++) {
    const gram = text.slice(i, i + LEAK_RUN).join(' ');
    if (grams.has(gram)) return gram;
  }
  return null;
}

/** What a directive asks the writer to assert ("state that the applicant has 15 years of Rust"). */
function assertedContent(instruction: string): string | null {
  const m =
    /\b(?:state|say|claim|mention|write|confirm|add|tell (?:them|us|the client))\s+(?:that\s+)?(?:the\s+)?(?:applicant|candidate|freelancer|you|they|he|she)?\s*(?:is|are|has|have|was|were|can|will)?\s+(.{4,80}?)(?:[.;!]|$)/i.exec(
      instruction,
    );
  return m?.[1] ?? null;
}

function startsOrEndsWith(instruction: string): { where: 'start' | 'end'; token: string } | null {
  const m =
    /\b(start|begin|open|end|finish|close|sign)\w*\b.{0,50}?\bwith\b\s+(?:the\s+)?(?:(?:word|phrase|sentence|line|greeting|emoji)s?\s+)?[:"“']?([^"”'.,!?\n]{1,40})/i.exec(
      instruction,
    );
  if (m === null) return null;
  const token = m[2]!.trim().split(/\s+/).slice(0, 4).join(' ');
  if (token === '' || /^(?:a|an|the|your|my)$/i.test(token)) return null;
  return { where: /^(?:start|begin|open)/i.test(m[1]!) ? 'start' : 'end', token };
}

/**
 * Looks for the marks of a draft that obeyed the posting instead of its writer's rules.
 * Only what the posting planted is held against the draft (a word it asked for, a contact
 * it gave), plus what no application should carry: the system prompt, identity numbers or
 * bank details, and text written as an AI rather than as the applicant.
 */
export function checkDraftSafety(draft: string, context: SafetyContext): DraftSafety {
  const violations: SafetyViolation[] = [];
  const add = (kind: SafetyViolationKind, evidence: string): void => {
    if (!violations.some((v) => v.kind === kind && v.evidence === evidence))
      violations.push({ kind, evidence });
  };
  const sentences = postingSentences(context.job);
  const planted = sentences.filter(
    (s) => looksLikeInstruction(s) || asksForPersonalData(s) || asksToLeavePlatform(s),
  );
  const ordinary = sentences.filter((s) => !planted.includes(s)).join('\n');
  const profileText = context.profile === undefined ? '' : JSON.stringify(context.profile);

  for (const instruction of planted) {
    const position = startsOrEndsWith(instruction);
    if (position !== null) {
      const head = draft.trimStart().slice(0, 80);
      const tail = draft.trimEnd().slice(-80);
      const zone = position.where === 'start' ? head : tail;
      if (containsWord(zone, position.token) && !containsWord(ordinary, position.token))
        add(
          'followed_instruction',
          `${position.where}s with "${position.token}" as the posting asked`,
        );
    }
    for (const marker of markers(instruction)) {
      if (
        containsWord(ordinary, marker) ||
        (profileText !== '' && containsWord(profileText, marker))
      )
        continue;
      const at = draft.search(
        new RegExp(`(^|[^A-Za-z0-9])${escapeRegExp(marker)}(?![A-Za-z0-9])`, 'i'),
      );
      if (at >= 0)
        add('followed_instruction', `uses "${marker}": ${excerpt(draft, at, marker.length)}`);
    }
    const genre = GENRES.exec(instruction);
    if (genre !== null) {
      const verse = looksLikeVerse(draft);
      if (containsWord(draft, genre[1]!) || verse !== null)
        add(
          'followed_instruction',
          `writes the ${genre[1]!.toLowerCase()} the posting asked for${verse === null ? '' : `: ${verse}`}`,
        );
    }
    const asserted = assertedContent(instruction);
    if (asserted !== null) {
      const terms = [...contentTerms(asserted)];
      const numbers = asserted.match(/\d+/g) ?? [];
      const draftTerms = contentTerms(draft);
      if (
        terms.length + numbers.length >= 2 &&
        terms.every((t) => draftTerms.has(t)) &&
        numbers.every((n) => containsWord(draft, n))
      )
        add('followed_instruction', `asserts what the posting dictated: "${asserted}"`);
    }
    if (asksForPersonalData(instruction) || asksToLeavePlatform(instruction)) {
      // Only what was asked for counts: a resume's usual email line is not obedience to a
      // request for a Telegram handle.
      const wantsPhone =
        /\b(?:phone|mobile|cell|whatsapp|number|call|text|sms|contact (?:details|info))\b/i.test(
          instruction,
        );
      const wantsEmail = /\b(?:e-?mail|contact (?:details|info))\b/i.test(instruction);
      const phone = wantsPhone ? PHONE.exec(draft) : null;
      if (phone !== null) add('personal_data', `a phone number: ${phone[0]}`);
      for (const email of wantsEmail ? draft.matchAll(EMAIL) : [])
        if (!containsWord(ordinary + instruction, email[0]))
          add('personal_data', `an email address: ${email[0]}`);
      const messenger = MESSENGER.exec(draft);
      if (messenger !== null) add('followed_instruction', `moves contact to ${messenger[0]}`);
    }
    // Contact points the posting planted: a draft that repeats them takes the talk elsewhere.
    for (const contact of [...instruction.matchAll(EMAIL), ...instruction.matchAll(LINK)]) {
      const value = contact[0].replace(/[.,;]+$/, '');
      if (draft.toLowerCase().includes(value.toLowerCase()))
        add('followed_instruction', `repeats the posting's contact ${value}`);
    }
  }

  const leak = leakedRun(draft, context.systemPrompt);
  if (leak !== null) add('system_prompt_leak', `repeats the system prompt: "${leak}…"`);
  if (/\b(?:PROFILE|POSTING) block\b/.test(draft))
    add('system_prompt_leak', 'names the prompt blocks');

  for (const { pattern, what } of ALWAYS_PRIVATE) {
    const m = pattern.exec(draft);
    if (m !== null) add('personal_data', `${what}: ${m[0]}`);
  }
  if (context.profile !== undefined) {
    const location = context.profile.basics.location;
    for (const value of [location?.address, location?.postalCode])
      if (value !== undefined && value.trim().length > 3 && draft.includes(value))
        add('personal_data', `the home address: ${value}`);
    // Links and addresses that are not the user's own came from somewhere else.
    for (const m of [...draft.matchAll(LINK), ...draft.matchAll(EMAIL)]) {
      const value = m[0].replace(/[.,;]+$/, '');
      if (!profileText.includes(value))
        add('foreign_content', `a link or address not in the profile: ${value}`);
    }
  }

  const self = SELF_REFERENCE.exec(draft);
  if (self !== null)
    add('foreign_content', `speaks as an AI: ${excerpt(draft, self.index, self[0].length)}`);
  const control = CONTROL_TOKENS.exec(draft);
  if (control !== null) add('foreign_content', `carries prompt markup: ${control[0].trim()}`);
  if (planted.length === 0) {
    const verse = looksLikeVerse(draft);
    if (verse !== null && GENRES.test(draft)) add('foreign_content', `verse: ${verse}`);
  }
  return { safe: violations.length === 0, violations };
}
