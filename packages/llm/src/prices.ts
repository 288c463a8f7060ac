/**
 * List prices of the models ApplyDesk is most often pointed at, in USD per million tokens
 * (standard tier, text, no batch or prompt-cache discounts). Each entry says where it came
 * from and when; prices change, so `llm.prices` in applydesk.yaml overrides any of them, and
 * a model missing here costs 0 and is flagged in the ledger (`price_known = false`) and in
 * `applydesk costs`, never silently counted as free.
 */
export interface ModelPrice {
  inputPerMtok: number;
  outputPerMtok: number;
  /** The day the price was read from the source. */
  asOf: string;
  source: string;
}

const OPENAI = 'https://openai.com/api/pricing/';
const ANTHROPIC = 'https://docs.anthropic.com/en/docs/about-claude/pricing';
const GOOGLE = 'https://ai.google.dev/gemini-api/docs/pricing';
const COHERE = 'https://cohere.com/pricing';

const price = (
  inputPerMtok: number,
  outputPerMtok: number,
  asOf: string,
  source: string,
): ModelPrice => ({ inputPerMtok, outputPerMtok, asOf, source });

/**
 * By model id as the provider names it. A dated snapshot of an entry (`gpt-4o-mini-2024-07-18`,
 * `claude-sonnet-4-20250514`, `command-r-08-2024`, `gemini-2.0-flash-001`) or its `-latest`
 * alias takes the entry's price; any other id is unknown.
 */
export const PRICES: Readonly<Record<string, ModelPrice>> = {
  // OpenAI
  'gpt-4.1': price(2, 8, '2025-08-01', OPENAI),
  'gpt-4.1-mini': price(0.4, 1.6, '2025-08-01', OPENAI),
  'gpt-4.1-nano': price(0.1, 0.4, '2025-08-01', OPENAI),
  'gpt-4o': price(2.5, 10, '2025-08-01', OPENAI),
  'gpt-4o-mini': price(0.15, 0.6, '2025-08-01', OPENAI),
  'text-embedding-3-small': price(0.02, 0, '2025-08-01', OPENAI),
  'text-embedding-3-large': price(0.13, 0, '2025-08-01', OPENAI),
  // Anthropic
  'claude-opus-4-1': price(15, 75, '2025-08-01', ANTHROPIC),
  'claude-opus-4': price(15, 75, '2025-08-01', ANTHROPIC),
  'claude-sonnet-4-5': price(3, 15, '2025-10-01', ANTHROPIC),
  'claude-haiku-4-5': price(1, 5, '2025-10-15', ANTHROPIC),
  'claude-sonnet-4': price(3, 15, '2025-08-01', ANTHROPIC),
  'claude-3-7-sonnet': price(3, 15, '2025-08-01', ANTHROPIC),
  'claude-3-5-haiku': price(0.8, 4, '2025-08-01', ANTHROPIC),
  'claude-3-haiku': price(0.25, 1.25, '2025-08-01', ANTHROPIC),
  // Google (Gemini API, prompts up to 200k tokens)
  'gemini-2.5-pro': price(1.25, 10, '2025-08-01', GOOGLE),
  'gemini-2.5-flash': price(0.3, 2.5, '2025-08-01', GOOGLE),
  'gemini-2.5-flash-lite': price(0.1, 0.4, '2025-08-01', GOOGLE),
  'gemini-2.0-flash': price(0.1, 0.4, '2025-08-01', GOOGLE),
  // Cohere
  'command-a': price(2.5, 10, '2025-08-01', COHERE),
  'command-r-plus': price(2.5, 10, '2025-08-01', COHERE),
  'command-r': price(0.15, 0.6, '2025-08-01', COHERE),
  'command-r7b': price(0.0375, 0.15, '2025-08-01', COHERE),
  'embed-english-v3.0': price(0.1, 0, '2025-08-01', COHERE),
  'embed-v4.0': price(0.12, 0, '2025-08-01', COHERE),
};

/** What may follow an entry's id and still be the same model: a date, a version number, -latest. */
const SNAPSHOT = /^-(\d{8}|\d{4}-\d{2}-\d{2}|\d{2}-\d{4}|\d{3}|latest)$/;

export interface PriceOverride {
  inputPerMtok: number;
  outputPerMtok: number;
}

/**
 * The price of `model` at the provider named `provider`: an override for "provider:model"
 * first, then the table. Null when neither knows the model.
 */
export function priceOf(
  provider: string,
  model: string,
  overrides: Readonly<Record<string, PriceOverride>> = {},
): PriceOverride | null {
  const override = overrides[`${provider}:${model}`];
  if (override !== undefined) return override;
  const id = model.replace(/^models\//, '');
  const exact = PRICES[id];
  if (exact !== undefined) return exact;
  for (const key of Object.keys(PRICES)) {
    if (id.startsWith(key) && SNAPSHOT.test(id.slice(key.length))) return PRICES[key] ?? null;
  }
  return null;
}

/** USD for the tokens at the price, rounded to a millionth of a cent. */
export function costOf(price: PriceOverride, inputTokens: number, outputTokens: number): number {
  const usd = (inputTokens * price.inputPerMtok + outputTokens * price.outputPerMtok) / 1_000_000;
  return Math.round(usd * 1e8) / 1e8;
}
