/**
 * Posting text is untrusted: a client (or someone who planted text in a posting) may
 * address the applicant's AI, or ask for things an applicant should not send unasked.
 * The offline writer never acts on such text and never repeats it.
 */

const INSTRUCTION_PATTERNS: readonly RegExp[] = [
  /\b(ignore|disregard|forget)\b.{0,40}\b(instructions?|prompts?|rules|directions|above|previous|prior)\b/i,
  /\b(system prompt|prompt injection|new instructions|hidden instructions|jailbreak)\b/i,
  /\bif you(?:'re| are) an? (ai|bot|llm|language model|assistant|automated|gpt)\b/i,
  /\b(as an|you are an?) (ai|llm|language model|assistant|chatbot)\b/i,
  /\b(dear|attention|note to|hey|hi|hello)\s+(ai|llm|gpt|chatgpt|assistant|bot)s?\b/i,
  /\b(ai|llm|gpt|chatgpt)[- ](writers?|tools?|assistants?|models?|generated)\b.{0,30}\b(must|should|shall|need to)\b/i,
  /\b(applicant|candidate|freelancer|user)(?:'s)? (ai|assistant|bot|llm|model)\b/i,
  /\bstate (?:that )?(?:the )?(applicant|candidate|freelancer|you|i)\b/i,
  /\b(claim|say|pretend|write) (?:that )?(?:the )?(applicant|candidate|freelancer|you)\b.{0,20}\b(has|have|is|are|was)\b/i,
  /\b(start|begin|end|open) (?:your|the) (proposal|application|cover letter|reply|response|message|answer) with\b/i,
  /\b(use|include|mention|put|write) the (?:secret |magic )?(word|phrase|code|keyword|password)\b/i,
  /\b(sign|end|close|finish) (?:your|the) (proposal|application|cover letter|reply|response|message|answer|letter|email)\b.{0,30}\bwith\b/i,
  /\bwith the (?:secret |magic )?(code ?word|word|phrase|code|keyword|password)\b.{0,30}\b(so|to show|to prove|filter)\b/i,
  /\bso (?:that )?i know you(?:'ve| have)? (?:actually )?read\b/i,
  /\bto (?:show|prove) (?:that )?you(?:'ve| have)? read\b/i,
  /\bpretend (to be|you|that)\b|\brole-?play\b|\bact as (an? )?(ai|assistant|language model|chatbot)\b/i,
  /\[\/?(INST|SYS)\]|<\|[a-z_]+\|>|^\s*(system|assistant)\s*:/i,
];

/** Requests for personal data nobody should volunteer in a first message. */
const PERSONAL_DATA: readonly RegExp[] = [
  /\b(your|their|his|her|the (?:applicant|candidate|freelancer)(?:'s)?)\s+(?:full\s+|home\s+|street\s+|mailing\s+|postal\s+|email\s+|physical\s+)?(address|phone number|mobile number|date of birth|birth ?date|social security|ssn|passport|bank (?:details|account)|id number|password|whatsapp|telegram|skype|contact (?:details|info))\b/i,
  /\b(home|street|residential|mailing) address\b|\bdate of birth\b|\bsocial security (?:number)?\b/i,
];

/** True when text reads as an instruction to the applicant's writer rather than a description of the job. */
export function looksLikeInstruction(text: string): boolean {
  return INSTRUCTION_PATTERNS.some((pattern) => pattern.test(text));
}

/** True when text asks the applicant for personal or contact data. */
export function asksForPersonalData(text: string): boolean {
  return PERSONAL_DATA.some((pattern) => pattern.test(text));
}

/** Text the writer may quote back: neither an instruction nor a request for personal data. */
export function isQuotable(text: string): boolean {
  return !looksLikeInstruction(text) && !asksForPersonalData(text);
}

/** Asks to move the conversation off the platform: "email me at…", "message me on Telegram". */
const OFF_PLATFORM: readonly RegExp[] = [
  /\b(?:contact|email|e-mail|message|text|call|reach|ping|dm|add)\s+(?:me|us)\b.{0,40}\b(?:at|on|via|through)\b/i,
  /\b(?:send|email|submit|forward)\b.{0,40}\b(?:to|at)\s+[\w.+-]+@[\w-]+\.[\w.]+/i,
  /\b(?:whatsapp|telegram|skype|wechat|discord)\b/i,
  /\b(?:on|via) Signal\b/,
  /\b(?:outside (?:of )?(?:upwork|the platform)|off[- ]platform)\b/i,
  /\bwa\.me\/|\bt\.me\//i,
];

/** True when text asks the applicant to continue elsewhere than the job platform. */
export function asksToLeavePlatform(text: string): boolean {
  return OFF_PLATFORM.some((pattern) => pattern.test(text));
}
