import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isDomainError, type DomainError } from '@applydesk/domain';
import { fixture, startReplayServer, type ReplayServer } from '@applydesk/sources/test-support';
import { createGateway, isNoModelError, type GatewayOptions } from './gateway.js';
import { fakeClock, memoryCache, memoryLedger } from './test-support/memory.js';
import type { GatewayProvider, LlmCallRecord } from './types.js';

const f = (name: string) => fixture(import.meta.url, name);
const START = '2025-06-10T12:00:00.000Z';

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(async () => {
  await server.close();
});

/** Requests the server saw to paths starting with `prefix`. */
const seen = (prefix: string) => server.seen.filter((r) => r.path.startsWith(prefix));
const bodyOf = (prefix: string, i = 0) =>
  JSON.parse(seen(prefix)[i]?.body ?? 'null') as Record<string, unknown>;

/** A fresh path prefix per test, so recorded routes and seen requests never mix. */
let n = 0;
let p = '';
beforeEach(() => {
  n += 1;
  p = `/t${n}`;
});

function providers(): GatewayProvider[] {
  return [
    { name: 'openai', type: 'openai', baseUrl: `${server.url}${p}/openai/v1`, apiKey: 'sk-test' },
    {
      name: 'claude',
      type: 'anthropic',
      baseUrl: `${server.url}${p}/anthropic/v1`,
      apiKey: 'sk-ant-test',
    },
    { name: 'gemini', type: 'google', baseUrl: `${server.url}${p}/google/v1beta`, apiKey: 'g-key' },
    { name: 'cohere', type: 'cohere', baseUrl: `${server.url}${p}/cohere/v2`, apiKey: 'co-key' },
    { name: 'local', type: 'openai-compatible', baseUrl: `${server.url}${p}/ollama/v1` },
  ];
}

function setup(over: Partial<GatewayOptions> = {}) {
  const ledger = memoryLedger();
  const cache = memoryCache();
  const clock = fakeClock(START);
  const gateway = createGateway({
    providers: providers(),
    tasks: {
      drafting: [
        { provider: 'openai', model: 'gpt-4.1-mini' },
        { provider: 'claude', model: 'claude-sonnet-4-20250514' },
      ],
    },
    ledger,
    cache,
    now: clock.now,
    sleep: clock.sleep,
    timeoutMs: 5_000,
    ...over,
  });
  return { gateway, ledger, cache, clock };
}

const rowsOf = (rows: LlmCallRecord[]) =>
  rows.map((r) => [r.provider, r.outcome, r.errorKind] as const);

/** Waits (up to 2 s of real time) for a condition that calls in flight will make true. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(done()).toBe(true);
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('gateway: the providers on the wire', () => {
  it('OpenAI chat completions: sends system and prompt, reads the text, usage and cost', async () => {
    server.route(`${p}/openai/v1/chat/completions`, { body: f('openai-chat-completion.json') });
    const { gateway, ledger } = setup();
    const result = await gateway.generate({
      task: 'drafting',
      system: 'You write cover letters.',
      prompt: 'Write to Acme.',
      maxOutputTokens: 400,
      temperature: 0.3,
      jobId: 'job_1',
      draftId: 'drf_1',
    });
    expect(result.text).toBe(
      'I built the billing service you describe at Ledgerly, in TypeScript on PostgreSQL.',
    );
    expect(result.usage).toEqual({ inputTokens: 1200, outputTokens: 300 });
    // gpt-4.1-mini: $0.40 in, $1.60 out per million.
    expect(result.costUsd).toBeCloseTo((1200 * 0.4 + 300 * 1.6) / 1e6, 12);
    expect(result.cached).toBe(false);
    const request = seen(`${p}/openai/`)[0];
    expect(request?.headers.authorization).toBe('Bearer sk-test');
    const body = bodyOf(`${p}/openai/`);
    expect(body.model).toBe('gpt-4.1-mini');
    expect(body.temperature).toBe(0.3);
    expect(body.messages).toEqual([
      { role: 'system', content: 'You write cover letters.' },
      { role: 'user', content: 'Write to Acme.' },
    ]);
    expect(ledger.rows).toEqual([
      expect.objectContaining({
        task: 'drafting',
        provider: 'openai',
        model: 'gpt-4.1-mini',
        inputTokens: 1200,
        outputTokens: 300,
        costUsd: result.costUsd,
        priceKnown: true,
        outcome: 'ok',
        errorKind: null,
        jobId: 'job_1',
        draftId: 'drf_1',
        at: START,
      }),
    ]);
  });

  it('OpenAI Responses API (api: responses): instructions and input, output text and usage', async () => {
    server.route(`${p}/openai/v1/responses`, { body: f('openai-response.json') });
    const { gateway, ledger } = setup({
      providers: providers().map((x) => (x.name === 'openai' ? { ...x, api: 'responses' } : x)),
    });
    const result = await gateway.generate({
      task: 'drafting',
      system: 'You write cover letters.',
      prompt: 'Write to Acme.',
      maxOutputTokens: 400,
    });
    expect(result.text).toBe(
      'I built the billing service you describe at Ledgerly, in TypeScript on PostgreSQL.',
    );
    expect(result.usage).toEqual({ inputTokens: 1200, outputTokens: 300 });
    const body = bodyOf(`${p}/openai/`);
    expect(body.model).toBe('gpt-4.1-mini');
    expect(body.max_output_tokens).toBe(400);
    expect(JSON.stringify(body.input)).toContain('Write to Acme.');
    expect(JSON.stringify(body)).toContain('You write cover letters.');
    expect(seen(`${p}/openai/v1/chat`)).toHaveLength(0);
    expect(rowsOf(ledger.rows)).toEqual([['openai', 'ok', null]]);
  });

  it('Anthropic messages: key header, system field, usage', async () => {
    server.route(`${p}/anthropic/v1/messages`, { body: f('anthropic-message.json') });
    const { gateway, ledger } = setup({
      tasks: { drafting: [{ provider: 'claude', model: 'claude-sonnet-4-20250514' }] },
    });
    const result = await gateway.generate({
      task: 'drafting',
      system: 'Be brief.',
      prompt: 'Why me?',
      maxOutputTokens: 300,
    });
    expect(result.text).toMatch(/^Your posting asks for Kafka/);
    expect(result.usage).toEqual({ inputTokens: 2000, outputTokens: 400 });
    expect(result.costUsd).toBeCloseTo((2000 * 3 + 400 * 15) / 1e6, 12);
    const request = seen(`${p}/anthropic/`)[0];
    expect(request?.headers['x-api-key']).toBe('sk-ant-test');
    expect(request?.headers['anthropic-version']).toBeDefined();
    const body = bodyOf(`${p}/anthropic/`);
    expect(body.model).toBe('claude-sonnet-4-20250514');
    expect(body.max_tokens).toBe(300);
    expect(JSON.stringify(body.system)).toContain('Be brief.');
    expect(ledger.rows[0]?.outcome).toBe('ok');
  });

  it('Gemini generateContent: key header, contents and systemInstruction, usage', async () => {
    server.route(`${p}/google/v1beta/models/gemini-2.5-flash:generateContent`, {
      body: f('gemini-generate-content.json'),
    });
    const { gateway } = setup({
      tasks: { analysis: [{ provider: 'gemini', model: 'gemini-2.5-flash' }] },
    });
    const result = await gateway.generate({ task: 'analysis', system: 'Extract.', prompt: 'Job' });
    expect(result.text).toMatch(/^Requirements: TypeScript/);
    expect(result.usage).toEqual({ inputTokens: 800, outputTokens: 120 });
    expect(result.costUsd).toBeCloseTo((800 * 0.3 + 120 * 2.5) / 1e6, 12);
    expect(seen(`${p}/google/`)[0]?.headers['x-goog-api-key']).toBe('g-key');
    const body = bodyOf(`${p}/google/`);
    expect(body.contents).toEqual([{ role: 'user', parts: [{ text: 'Job' }] }]);
    expect(JSON.stringify(body.systemInstruction)).toContain('Extract.');
  });

  it('Cohere v2 chat: bearer key, messages, usage', async () => {
    server.route(`${p}/cohere/v2/chat`, { body: f('cohere-chat-v2.json') });
    const { gateway } = setup({
      tasks: { research: [{ provider: 'cohere', model: 'command-r-08-2024' }] },
    });
    const result = await gateway.generate({ task: 'research', prompt: 'Summarize the client.' });
    expect(result.text).toMatch(/^The client wants a Shopify store/);
    expect(result.usage).toEqual({ inputTokens: 700, outputTokens: 90 });
    expect(result.costUsd).toBeCloseTo((700 * 0.15 + 90 * 0.6) / 1e6, 12);
    expect(seen(`${p}/cohere/`)[0]?.headers.authorization).toBe('Bearer co-key');
    const body = bodyOf(`${p}/cohere/`);
    expect(body.model).toBe('command-r-08-2024');
    expect(body.messages).toEqual([{ role: 'user', content: 'Summarize the client.' }]);
  });

  it('OpenAI-compatible (Ollama): no key, a model with a colon, unpriced and flagged', async () => {
    server.route(`${p}/ollama/v1/chat/completions`, { body: f('ollama-chat-completion.json') });
    const { gateway, ledger } = setup({
      tasks: { drafting: [{ provider: 'local', model: 'llama3.1:8b' }] },
    });
    const result = await gateway.generate({ task: 'drafting', prompt: 'Hello' });
    expect(result.text).toBe('Dear hiring team at Acme,');
    expect(result.costUsd).toBe(0);
    expect(result.priceKnown).toBe(false);
    expect(seen(`${p}/ollama/`)[0]?.headers.authorization).toBeUndefined();
    expect(bodyOf(`${p}/ollama/`).model).toBe('llama3.1:8b');
    expect(ledger.rows[0]).toMatchObject({
      outcome: 'ok',
      inputTokens: 310,
      outputTokens: 42,
      costUsd: 0,
      priceKnown: false,
    });
  });

  it('a price override for provider:model prices an otherwise unknown model', async () => {
    server.route(`${p}/ollama/v1/chat/completions`, { body: f('ollama-chat-completion.json') });
    const { gateway } = setup({
      tasks: { drafting: [{ provider: 'local', model: 'llama3.1:8b' }] },
      prices: { 'local:llama3.1:8b': { inputPerMtok: 1, outputPerMtok: 2 } },
    });
    const result = await gateway.generate({ task: 'drafting', prompt: 'Hello' });
    expect(result.priceKnown).toBe(true);
    expect(result.costUsd).toBeCloseTo((310 * 1 + 42 * 2) / 1e6, 12);
  });

  it('OpenAI embeddings: vectors in order, tokens and cost in the ledger', async () => {
    server.route(`${p}/openai/v1/embeddings`, { body: f('openai-embeddings.json') });
    const { gateway, ledger } = setup({
      tasks: { embeddings: [{ provider: 'openai', model: 'text-embedding-3-small' }] },
    });
    expect(gateway.hasModels('embeddings')).toBe(true);
    const result = await gateway.embed({ texts: ['TypeScript', 'PostgreSQL'], jobId: 'job_9' });
    expect(result.embeddings).toHaveLength(2);
    expect(result.embeddings[1]?.[0]).toBeCloseTo(-0.0051234, 10);
    expect(result.usage).toEqual({ inputTokens: 16 });
    expect(result.costUsd).toBeCloseTo((16 * 0.02) / 1e6, 14);
    expect(bodyOf(`${p}/openai/`)).toMatchObject({
      model: 'text-embedding-3-small',
      input: ['TypeScript', 'PostgreSQL'],
    });
    expect(ledger.rows).toEqual([
      expect.objectContaining({
        task: 'embeddings',
        outcome: 'ok',
        inputTokens: 16,
        jobId: 'job_9',
      }),
    ]);
  });

  it('embeddings fail over past a provider without an embeddings API (Anthropic)', async () => {
    server.route(`${p}/openai/v1/embeddings`, { body: f('openai-embeddings.json') });
    const { gateway, ledger } = setup({
      tasks: {
        embeddings: [
          { provider: 'claude', model: 'claude-sonnet-4' },
          { provider: 'openai', model: 'text-embedding-3-small' },
        ],
      },
    });
    const result = await gateway.embed({ texts: ['a', 'b'] });
    expect(result.provider).toBe('openai');
    expect(rowsOf(ledger.rows)).toEqual([
      ['claude', 'error', 'unsupported'],
      ['openai', 'ok', null],
    ]);
    expect(seen(`${p}/anthropic/`)).toHaveLength(0);
  });
});

describe('gateway: failures, retries and failover', () => {
  it('429 with Retry-After: waits what the provider asked, then succeeds', async () => {
    server.route(`${p}/openai/v1/chat/completions`, [
      { status: 429, headers: { 'retry-after': '2' }, body: f('openai-error-429.json') },
      { body: f('openai-chat-completion.json') },
    ]);
    const { gateway, ledger, clock } = setup();
    const result = await gateway.generate({ task: 'drafting', prompt: 'x' });
    expect(result.provider).toBe('openai');
    expect(clock.sleeps).toEqual([2000]);
    expect(seen(`${p}/openai/`)).toHaveLength(2);
    expect(seen(`${p}/anthropic/`)).toHaveLength(0);
    expect(rowsOf(ledger.rows)).toEqual([
      ['openai', 'error', 'rate_limited'],
      ['openai', 'ok', null],
    ]);
    expect(ledger.rows[0]?.errorMessage).toContain('Rate limit reached for gpt-4.1-mini');
    expect(result.attempts.map((a) => a.outcome)).toEqual(['error', 'ok']);
  });

  it('a Retry-After over the cap fails over at once instead of waiting', async () => {
    server.route(`${p}/openai/v1/chat/completions`, {
      status: 429,
      headers: { 'retry-after': '120' },
      body: f('openai-error-429.json'),
    });
    server.route(`${p}/anthropic/v1/messages`, { body: f('anthropic-message.json') });
    const { gateway, clock } = setup({ retry: { maxRetryAfterMs: 30_000 } });
    const result = await gateway.generate({ task: 'drafting', prompt: 'x' });
    expect(result.provider).toBe('claude');
    expect(clock.sleeps).toEqual([]);
    expect(seen(`${p}/openai/`)).toHaveLength(1);
    expect(result.attempts[0]?.message).toMatch(/Retry-After 120 s is over the 30 s cap/);
  });

  it('500: retried with back-off, then fails over to the next model', async () => {
    server.route(`${p}/openai/v1/chat/completions`, {
      status: 500,
      body: f('openai-error-500.json'),
    });
    server.route(`${p}/anthropic/v1/messages`, { body: f('anthropic-message.json') });
    const { gateway, ledger, clock } = setup({ retry: { maxAttempts: 3, baseDelayMs: 500 } });
    const result = await gateway.generate({ task: 'drafting', prompt: 'x' });
    expect(result.provider).toBe('claude');
    expect(result.model).toBe('claude-sonnet-4-20250514');
    expect(seen(`${p}/openai/`)).toHaveLength(3);
    expect(clock.sleeps).toEqual([500, 1000]);
    expect(rowsOf(ledger.rows)).toEqual([
      ['openai', 'error', 'server'],
      ['openai', 'error', 'server'],
      ['openai', 'error', 'server'],
      ['claude', 'ok', null],
    ]);
    expect(ledger.rows[0]?.errorMessage).toContain('500 server error');
  });

  it('a server that never answers is abandoned after the timeout and the next model answers', async () => {
    server.route(`${p}/openai/v1/chat/completions`, {
      delayMs: 60_000,
      body: f('openai-chat-completion.json'),
    });
    server.route(`${p}/anthropic/v1/messages`, { body: f('anthropic-message.json') });
    const { gateway, ledger } = setup({ timeoutMs: 300, retry: { maxAttempts: 1 } });
    const result = await gateway.generate({ task: 'drafting', prompt: 'x' });
    expect(result.provider).toBe('claude');
    expect(rowsOf(ledger.rows)).toEqual([
      ['openai', 'error', 'timeout'],
      ['claude', 'ok', null],
    ]);
    expect(ledger.rows[0]?.errorMessage).toBe('no answer within 300 ms');
    expect(ledger.rows[0]?.latencyMs).toBeGreaterThanOrEqual(250);
  });

  it('a malformed body is not retried: the next model is asked', async () => {
    server.route(`${p}/openai/v1/chat/completions`, {
      body: '{"id":"chatcmpl-1","choices":[{"message":{"content":"Dear',
    });
    server.route(`${p}/anthropic/v1/messages`, { body: f('anthropic-message.json') });
    const { gateway, ledger, clock } = setup();
    const result = await gateway.generate({ task: 'drafting', prompt: 'x' });
    expect(result.provider).toBe('claude');
    expect(seen(`${p}/openai/`)).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    expect(rowsOf(ledger.rows)[0]).toEqual(['openai', 'error', 'bad_response']);
  });

  it('401: no retry, fails over with the provider’s reason recorded', async () => {
    server.route(`${p}/openai/v1/chat/completions`, {
      status: 401,
      body: f('openai-error-401.json'),
    });
    server.route(`${p}/anthropic/v1/messages`, { body: f('anthropic-message.json') });
    const { gateway, ledger, clock } = setup();
    const result = await gateway.generate({ task: 'drafting', prompt: 'x' });
    expect(result.provider).toBe('claude');
    expect(seen(`${p}/openai/`)).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    expect(ledger.rows[0]).toMatchObject({ outcome: 'error', errorKind: 'auth' });
    expect(ledger.rows[0]?.errorMessage).toContain('401');
    expect(ledger.rows[0]?.errorMessage).toContain('Incorrect API key provided');
  });

  it('a provider without its key is skipped, naming the variable to set', async () => {
    server.route(`${p}/anthropic/v1/messages`, { body: f('anthropic-message.json') });
    const list = providers().map((x) =>
      x.name === 'openai' ? { ...x, apiKey: undefined, apiKeyEnv: 'OPENAI_API_KEY' } : x,
    );
    const { gateway, ledger } = setup({ providers: list });
    const result = await gateway.generate({ task: 'drafting', prompt: 'x' });
    expect(result.provider).toBe('claude');
    expect(seen(`${p}/openai/`)).toHaveLength(0);
    expect(ledger.rows[0]).toMatchObject({ outcome: 'skipped', errorKind: 'no_api_key' });
    expect(ledger.rows[0]?.errorMessage).toContain('OPENAI_API_KEY');
  });

  it('when every model fails: UPSTREAM_FAILED naming each model and why', async () => {
    server.route(`${p}/openai/v1/chat/completions`, {
      status: 401,
      body: f('openai-error-401.json'),
    });
    server.route(`${p}/anthropic/v1/messages`, {
      status: 529,
      body: f('anthropic-error-529.json'),
    });
    const { gateway } = setup({ retry: { maxAttempts: 1 } });
    const error = await rejection(gateway.generate({ task: 'drafting', prompt: 'x' }));
    expect(error.code).toBe('UPSTREAM_FAILED');
    expect(error.message).toContain('openai:gpt-4.1-mini 401');
    expect(error.message).toContain('claude:claude-sonnet-4-20250514 529 server error: Overloaded');
  });

  it('a caller’s abort stops the walk: no failover to the next model', async () => {
    server.route(`${p}/openai/v1/chat/completions`, {
      delayMs: 60_000,
      body: f('openai-chat-completion.json'),
    });
    server.route(`${p}/anthropic/v1/messages`, { body: f('anthropic-message.json') });
    const { gateway, ledger } = setup();
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user cancelled')), 100);
    await expect(
      gateway.generate({ task: 'drafting', prompt: 'x', signal: controller.signal }),
    ).rejects.toThrow();
    expect(seen(`${p}/anthropic/`)).toHaveLength(0);
    expect(rowsOf(ledger.rows)).toEqual([['openai', 'error', 'aborted']]);
  });

  it('an abort during a Retry-After wait ends the wait at once', async () => {
    server.route(`${p}/openai/v1/chat/completions`, {
      status: 429,
      headers: { 'retry-after': '20' },
      body: f('openai-error-429.json'),
    });
    // A sleep that never ends on its own: only the abort can free the caller.
    const { gateway } = setup({ sleep: () => new Promise<void>(() => undefined) });
    const controller = new AbortController();
    const call = gateway.generate({ task: 'drafting', prompt: 'x', signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user cancelled')), 50);
    await expect(call).rejects.toThrow('user cancelled');
    expect(seen(`${p}/openai/`)).toHaveLength(1);
    expect(seen(`${p}/anthropic/`)).toHaveLength(0);
  });
});

describe('gateway: breaker', () => {
  it('opens after N failures, skips the provider with the reason, lets one trial through after the cool-down', async () => {
    server.route(`${p}/openai/v1/chat/completions`, [
      { status: 500, body: f('openai-error-500.json') },
      { status: 500, body: f('openai-error-500.json') },
      { body: f('openai-chat-completion.json') },
    ]);
    server.route(`${p}/anthropic/v1/messages`, { body: f('anthropic-message.json') });
    const { gateway, ledger, clock } = setup({
      retry: { maxAttempts: 1 },
      breaker: { failureThreshold: 2, cooldownMs: 60_000 },
    });
    // Two failures in a row open the breaker.
    expect((await gateway.generate({ task: 'drafting', prompt: 'a' })).provider).toBe('claude');
    expect((await gateway.generate({ task: 'drafting', prompt: 'b' })).provider).toBe('claude');
    expect(gateway.breakers().openai?.state).toBe('open');
    // Open: OpenAI is not asked at all.
    expect((await gateway.generate({ task: 'drafting', prompt: 'c' })).provider).toBe('claude');
    expect(seen(`${p}/openai/`)).toHaveLength(2);
    const skipped = ledger.rows.filter((r) => r.outcome === 'skipped');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ provider: 'openai', errorKind: 'breaker_open' });
    expect(skipped[0]?.errorMessage).toContain('2 failures in a row');
    expect(skipped[0]?.errorMessage).toContain('2025-06-10T12:01:00.000Z');
    // After the cool-down one trial goes through; it succeeds and closes the breaker.
    clock.advance(60_000);
    expect(gateway.breakers().openai?.state).toBe('half-open');
    expect((await gateway.generate({ task: 'drafting', prompt: 'd' })).provider).toBe('openai');
    expect(seen(`${p}/openai/`)).toHaveLength(3);
    expect(gateway.breakers().openai?.state).toBe('closed');
  });
});

describe('gateway: streaming', () => {
  const sse = (name: string) => ({
    headers: { 'content-type': 'text/event-stream' },
    body: f(name),
  });

  it('OpenAI: hands each piece of text over as it arrives, then usage and cost as without streaming', async () => {
    server.route(`${p}/openai/v1/chat/completions`, sse('openai-chat-stream.txt'));
    const { gateway, ledger } = setup();
    const pieces: string[] = [];
    const result = await gateway.generate({
      task: 'drafting',
      prompt: 'Write to Acme.',
      onText: (delta) => pieces.push(delta),
    });
    expect(pieces).toEqual([
      'I built the billing service',
      ' you describe at Ledgerly,',
      ' in TypeScript on PostgreSQL.',
    ]);
    expect(result.text).toBe(pieces.join(''));
    expect(result.usage).toEqual({ inputTokens: 1200, outputTokens: 300 });
    expect(result.costUsd).toBeCloseTo((1200 * 0.4 + 300 * 1.6) / 1e6, 12);
    expect(bodyOf(`${p}/openai/`).stream).toBe(true);
    expect(rowsOf(ledger.rows)).toEqual([['openai', 'ok', null]]);
  });

  it('Anthropic: event stream with usage from message_start and message_delta', async () => {
    server.route(`${p}/anthropic/v1/messages`, sse('anthropic-message-stream.txt'));
    const { gateway } = setup({
      tasks: { drafting: [{ provider: 'claude', model: 'claude-sonnet-4-20250514' }] },
    });
    const pieces: string[] = [];
    const result = await gateway.generate({
      task: 'drafting',
      prompt: 'x',
      onText: (delta) => pieces.push(delta),
    });
    expect(pieces).toHaveLength(3);
    expect(result.text).toBe(
      'Your posting asks for Kafka; I ran it in production for three years at Ledgerly.',
    );
    expect(result.usage).toEqual({ inputTokens: 2000, outputTokens: 400 });
  });

  it('an error event mid-stream fails over: the reader is told to start again', async () => {
    server.route(`${p}/openai/v1/chat/completions`, sse('openai-chat-stream.txt'));
    server.route(`${p}/anthropic/v1/messages`, sse('anthropic-stream-overloaded.txt'));
    const { gateway, ledger } = setup({
      tasks: {
        drafting: [
          { provider: 'claude', model: 'claude-sonnet-4-20250514' },
          { provider: 'openai', model: 'gpt-4.1-mini' },
        ],
      },
      retry: { maxAttempts: 1 },
    });
    let text = '';
    let restarts = 0;
    const result = await gateway.generate({
      task: 'drafting',
      prompt: 'x',
      onText: (delta) => (text += delta),
      onRestart: () => {
        restarts += 1;
        text = '';
      },
    });
    expect(restarts).toBe(1);
    expect(text).toBe(result.text);
    expect(result.provider).toBe('openai');
    expect(rowsOf(ledger.rows).map(([provider, outcome]) => [provider, outcome])).toEqual([
      ['claude', 'error'],
      ['openai', 'ok'],
    ]);
    expect(ledger.rows[0]?.errorMessage).toContain('Overloaded');
  });

  it('a stream cut before it finished is a failure, not a short answer', async () => {
    const cut = f('openai-chat-stream.txt').split('\n\n').slice(0, 3).join('\n\n') + '\n\n';
    server.route(`${p}/openai/v1/chat/completions`, {
      headers: { 'content-type': 'text/event-stream' },
      body: cut,
    });
    server.route(`${p}/anthropic/v1/messages`, sse('anthropic-message-stream.txt'));
    const { gateway, ledger } = setup({ retry: { maxAttempts: 1 } });
    const result = await gateway.generate({
      task: 'drafting',
      prompt: 'x',
      onText: () => undefined,
    });
    expect(result.provider).toBe('claude');
    expect(ledger.rows[0]).toMatchObject({ provider: 'openai', outcome: 'error' });
    expect(ledger.rows[0]?.errorMessage).toMatch(/ended before the model finished/);
  });

  it('a cached answer is handed over whole to the reader', async () => {
    server.route(`${p}/openai/v1/chat/completions`, sse('openai-chat-stream.txt'));
    const { gateway } = setup();
    await gateway.generate({ task: 'drafting', prompt: 'same', onText: () => undefined });
    const pieces: string[] = [];
    const again = await gateway.generate({
      task: 'drafting',
      prompt: 'same',
      onText: (d) => pieces.push(d),
    });
    expect(again.cached).toBe(true);
    expect(pieces).toEqual([again.text]);
  });
});

describe('gateway: breaker and limits together', () => {
  it('calls waiting for their turn are not sent once the breaker opened meanwhile', async () => {
    server.route(`${p}/openai/v1/chat/completions`, {
      status: 500,
      body: f('openai-error-500.json'),
    });
    server.route(`${p}/anthropic/v1/messages`, { body: f('anthropic-message.json') });
    // Waits move the clock a minute but take a real moment, so the first call's failure
    // lands while the others wait for their turn, as it would over a real minute.
    let t = Date.parse(START);
    const { gateway, ledger } = setup({
      providers: providers().map((x) => (x.name === 'openai' ? { ...x, limits: { rpm: 1 } } : x)),
      breaker: { failureThreshold: 1, cooldownMs: 600_000 },
      retry: { maxAttempts: 1 },
      now: () => new Date(t),
      sleep: async (ms) => {
        await new Promise((resolve) => setTimeout(resolve, 150));
        t += ms;
      },
    });
    const results = await Promise.all(
      ['a', 'b', 'c'].map((prompt) => gateway.generate({ task: 'drafting', prompt })),
    );
    expect(results.map((r) => r.provider)).toEqual(['claude', 'claude', 'claude']);
    expect(seen(`${p}/openai/`)).toHaveLength(1);
    expect(ledger.rows.filter((r) => r.errorKind === 'breaker_open')).toHaveLength(2);
  });
});

describe('gateway: budget', () => {
  const spent = (at: string, costUsd: number): LlmCallRecord => ({
    at,
    task: 'drafting',
    provider: 'openai',
    model: 'gpt-4.1-mini',
    inputTokens: 1,
    outputTokens: 1,
    costUsd,
    priceKnown: true,
    latencyMs: 1,
    outcome: 'ok',
    errorKind: null,
    errorMessage: null,
    jobId: null,
    draftId: null,
  });

  it('a spent daily cap stops the call with which cap, the spend and the reset; nothing is sent', async () => {
    server.route(`${p}/openai/v1/chat/completions`, { body: f('openai-chat-completion.json') });
    const ledger = memoryLedger([
      spent('2025-06-09T23:00:00.000Z', 5), // yesterday: not counted today
      spent('2025-06-10T01:00:00.000Z', 1.5),
      spent('2025-06-10T11:00:00.000Z', 1),
    ]);
    const { gateway } = setup({ ledger, budget: { dailyUsd: 2.5, monthlyUsd: 100 } });
    const error = await rejection(gateway.generate({ task: 'drafting', prompt: 'x' }));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toBe(
      'the daily LLM budget is spent: $2.50 of $2.50 today (UTC); it resets at 2025-06-11T00:00:00.000Z',
    );
    expect(error.details).toMatchObject({ cap: 'daily', spentUsd: 2.5, limitUsd: 2.5 });
    expect(error.hint).toContain('llm.budget.daily_usd');
    expect(seen(`${p}/`)).toHaveLength(0);
    expect(ledger.rows.at(-1)).toMatchObject({
      outcome: 'skipped',
      errorKind: 'budget',
      costUsd: 0,
    });
  });

  it('a spent monthly cap stops the call and says it resets on the first of next month', async () => {
    const ledger = memoryLedger([spent('2025-06-02T10:00:00.000Z', 20)]);
    const { gateway } = setup({ ledger, budget: { dailyUsd: 5, monthlyUsd: 20 } });
    const error = await rejection(gateway.generate({ task: 'drafting', prompt: 'x' }));
    expect(error.details).toMatchObject({ cap: 'monthly', resetsAt: '2025-07-01T00:00:00.000Z' });
    expect(error.message).toContain('$20.00 of $20.00 this month');
    expect(seen(`${p}/`)).toHaveLength(0);
  });

  it('concurrent calls cannot overshoot the cap together: the second waits for the first, then stops', async () => {
    // The first answer costs more than what is left today; without counting calls in flight,
    // both would be sent.
    server.route(`${p}/openai/v1/chat/completions`, {
      body: f('openai-chat-completion.json'),
      delayMs: 50,
    });
    const ledger = memoryLedger([spent('2025-06-10T01:00:00.000Z', 2.4995)]);
    const { gateway } = setup({ ledger, budget: { dailyUsd: 2.5 } });
    const [first, second] = await Promise.allSettled([
      gateway.generate({ task: 'drafting', prompt: 'one', maxOutputTokens: 500 }),
      gateway.generate({ task: 'drafting', prompt: 'two', maxOutputTokens: 500 }),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(second.status).toBe('rejected');
    expect(
      second.status === 'rejected' && isDomainError(second.reason) && second.reason.details,
    ).toMatchObject({ reason: 'budget', cap: 'daily' });
    expect(seen(`${p}/openai/`)).toHaveLength(1);
  });

  it('under the cap the call goes through', async () => {
    server.route(`${p}/openai/v1/chat/completions`, { body: f('openai-chat-completion.json') });
    const ledger = memoryLedger([spent('2025-06-10T01:00:00.000Z', 2.49)]);
    const { gateway } = setup({ ledger, budget: { dailyUsd: 2.5 } });
    expect((await gateway.generate({ task: 'drafting', prompt: 'x' })).provider).toBe('openai');
  });
});

describe('gateway: rate limits', () => {
  it('requests beyond rpm wait their turn in order; none is dropped', async () => {
    // A clock whose sleeps end only when the test says so: each minute is stepped by hand.
    let t = Date.parse(START);
    const sleeping: { ms: number; wake: () => void }[] = [];
    const tick = () => {
      const next = sleeping.shift();
      if (next === undefined) throw new Error('nothing is waiting');
      t += next.ms;
      next.wake();
    };
    const arrivals: { prompt: string; minute: number }[] = [];
    const { gateway } = setup({
      providers: providers().map((x) => (x.name === 'openai' ? { ...x, limits: { rpm: 2 } } : x)),
      now: () => new Date(t),
      sleep: (ms) => new Promise((wake) => sleeping.push({ ms, wake })),
    });
    server.route(`${p}/openai/v1/chat/completions`, (req) => {
      const body = JSON.parse(req.body) as { messages: { content: string }[] };
      arrivals.push({
        prompt: body.messages[0]?.content ?? '',
        minute: (t - Date.parse(START)) / 60_000,
      });
      return { body: f('openai-chat-completion.json') };
    });
    const calls = ['p0', 'p1', 'p2', 'p3', 'p4'].map((prompt) =>
      gateway.generate({ task: 'drafting', prompt }),
    );
    const batch = (minute: number) =>
      arrivals
        .filter((a) => a.minute === minute)
        .map((a) => a.prompt)
        .sort();
    await until(() => arrivals.length === 2 && sleeping.length === 1);
    expect(batch(0)).toEqual(['p0', 'p1']);
    expect(sleeping[0]?.ms).toBe(60_000);
    tick();
    await until(() => arrivals.length === 4 && sleeping.length === 1);
    expect(batch(1)).toEqual(['p2', 'p3']);
    tick();
    await until(() => arrivals.length === 5);
    expect(batch(2)).toEqual(['p4']);
    const results = await Promise.all(calls);
    expect(results.every((r) => r.provider === 'openai' && r.text.length > 0)).toBe(true);
  });

  it('concurrency: no more requests at once than allowed', async () => {
    let inFlight = 0;
    let most = 0;
    const { gateway } = setup({
      providers: providers().map((x) =>
        x.name === 'openai' ? { ...x, limits: { concurrency: 2 } } : x,
      ),
    });
    server.route(`${p}/openai/v1/chat/completions`, () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight -= 1;
      }, 40);
      return { delayMs: 50, body: f('openai-chat-completion.json') };
    });
    const calls = ['a', 'b', 'c', 'd', 'e'].map((prompt) =>
      gateway.generate({ task: 'drafting', prompt }),
    );
    // What /metrics reports as the provider's queue: two sent, three waiting their turn.
    await until(() => gateway.queues().openai?.active === 2);
    expect(gateway.queues().openai).toEqual({ active: 2, waiting: 3 });
    const results = await Promise.all(calls);
    expect(results).toHaveLength(5);
    expect(seen(`${p}/openai/`)).toHaveLength(5);
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(2);
    expect(gateway.queues().openai).toEqual({ active: 0, waiting: 0 });
  });
});

describe('gateway: cache', () => {
  it('an identical request is answered from the cache: nothing sent, no cost, ledger says cached', async () => {
    server.route(`${p}/openai/v1/chat/completions`, { body: f('openai-chat-completion.json') });
    const { gateway, ledger } = setup();
    const request = { task: 'drafting' as const, system: 's', prompt: 'same', temperature: 0 };
    const first = await gateway.generate(request);
    const second = await gateway.generate({ ...request, jobId: 'job_2' });
    expect(seen(`${p}/openai/`)).toHaveLength(1);
    expect(second).toMatchObject({
      text: first.text,
      cached: true,
      costUsd: 0,
      provider: 'openai',
    });
    expect(ledger.rows[1]).toMatchObject({ outcome: 'cached', costUsd: 0, jobId: 'job_2' });
    // Another parameter is another request.
    await gateway.generate({ ...request, temperature: 0.7 });
    expect(seen(`${p}/openai/`)).toHaveLength(2);
    // `fresh` asks again.
    await gateway.generate({ ...request, fresh: true });
    expect(seen(`${p}/openai/`)).toHaveLength(3);
  });
});

describe('gateway: no model', () => {
  it('a task without models says so, and the caller can fall back to the offline writer', async () => {
    const { gateway, ledger } = setup({ tasks: {} });
    expect(gateway.hasModels('drafting')).toBe(false);
    const error = await rejection(gateway.generate({ task: 'drafting', prompt: 'x' }));
    expect(isNoModelError(error)).toBe(true);
    expect(error.message).toBe('no model configured for task drafting');
    expect(ledger.rows).toEqual([]);
  });

  it('refuses a route to a provider that is not configured', () => {
    expect(() =>
      createGateway({
        providers: [],
        tasks: { drafting: [{ provider: 'nope', model: 'x' }] },
        ledger: memoryLedger(),
      }),
    ).toThrow(/llm\.tasks\.drafting\.0: unknown provider "nope"/);
  });
});
