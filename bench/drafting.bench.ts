/**
 * Drafting throughput under a provider's rate limit: N drafts (default 200) for the demo's
 * postings through `writeDrafts` (prompt, gateway, grounding, safety, scoring), against a
 * loopback OpenAI-compatible server that answers after 1.5 s and counts every request.
 * - limited: the gateway is told `rpm: 60`; reports the achieved rate against the allowed
 *   one and the most requests the server saw in any 60-second window (must not pass 60);
 * - failover: the first provider answers 500 to everything; every draft must still
 *   complete through the second (its breaker opens, so the first stops being tried).
 * BENCH_DRAFTS overrides N (each run takes about N seconds at 60 a minute).
 */
import { createServer, type Server } from 'node:http';
import { prepareJob, Profile, type Job } from '@applydesk/domain';
import { generateSamplePostings, sampleProfile } from '@applydesk/engine';
import { createGateway, writeDrafts, type LlmCallRecord } from '@applydesk/llm';

const COUNT = Number(process.env.BENCH_DRAFTS ?? 200);
const RPM = 60;
const LATENCY_MS = 1500;
const NOW = new Date('2026-11-20T12:00:00Z');
const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

const ANSWER = [
  'You need your backend to keep up with growth, and that is work I have done.',
  'You ask for "5+ years of TypeScript": I have built TypeScript services on Node.js and PostgreSQL.',
  'I would start by reading your current setup and agreeing on the first milestone with you.',
].join('\n\n');

function chatCompletion(): string {
  return JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created: 1_748_000_000,
    model: 'bench-model',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: ANSWER, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: { prompt_tokens: 1500, completion_tokens: 200, total_tokens: 1700 },
  });
}

/** A provider that answers after LATENCY_MS (or fails at once), remembering when each request came. */
async function provider(
  fail: boolean,
): Promise<{ url: string; arrivals: number[]; server: Server }> {
  const arrivals: number[] = [];
  const server = createServer((req, res) => {
    arrivals.push(performance.now());
    req.resume();
    req.on('end', () => {
      if (fail) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"error":{"message":"The server had an error","type":"server_error"}}');
        return;
      }
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(chatCompletion());
      }, LATENCY_MS);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/v1`, arrivals, server };
}

/** The most arrivals inside any window of `ms`. */
function busiestWindow(arrivals: readonly number[], ms: number): number {
  let most = 0;
  let start = 0;
  for (let end = 0; end < arrivals.length; end++) {
    while ((arrivals[end] ?? 0) - (arrivals[start] ?? 0) >= ms) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

function jobs(count: number): Job[] {
  const drafts = generateSamplePostings({ now: NOW, count });
  return drafts.map((draft, i) => ({
    ...prepareJob(draft),
    id: `job_bench_${i}`,
    canonicalUrl: null,
    status: 'open' as const,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  }));
}

async function run(scenario: 'limited' | 'failover', profile: Profile, postings: Job[]) {
  const primary = await provider(scenario === 'failover');
  const backup = await provider(false);
  const ledger: LlmCallRecord[] = [];
  const gateway = createGateway({
    providers: [
      { name: 'first', type: 'openai-compatible', baseUrl: primary.url, limits: { rpm: RPM } },
      { name: 'second', type: 'openai-compatible', baseUrl: backup.url, limits: { rpm: RPM } },
    ],
    tasks: {
      drafting: [
        { provider: 'first', model: 'bench-model' },
        { provider: 'second', model: 'bench-model' },
      ],
    },
    ledger: {
      record: (call) => Promise.resolve(ledger.push(call)),
      spend: () => Promise.resolve(0),
    },
    retry: { maxAttempts: 2, baseDelayMs: 200 },
    timeoutMs: 30_000,
  });
  const started = performance.now();
  const results = await Promise.allSettled(
    postings.map((job) =>
      writeDrafts({ job, profile, kind: 'cover_letter', now: NOW, gateway, fresh: true }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  primary.server.close();
  backup.server.close();
  const answered = results.filter(
    (r) => r.status === 'fulfilled' && r.value[0]?.writer === 'llm',
  ).length;
  const served = scenario === 'limited' ? primary.arrivals : backup.arrivals;
  // With a sliding minute, N requests need at least floor((N - 1) / RPM) minutes between the
  // first and the last; how close the run came to that is the share of the allowed rate used.
  const spanSeconds = ((served.at(-1) ?? 0) - (served[0] ?? 0)) / 1000;
  const fastestSeconds = Math.floor((served.length - 1) / RPM) * 60;
  return {
    scenario,
    drafts: postings.length,
    completedByModel: answered,
    seconds: round(seconds, 1),
    requestsServed: served.length,
    requestsToFailingProvider: scenario === 'failover' ? primary.arrivals.length : 0,
    allowedRpm: RPM,
    busiestMinute: busiestWindow(served, 60_000),
    overallRpm: round((served.length / seconds) * 60, 1),
    sendSpanSeconds: round(spanSeconds, 1),
    fastestAllowedSeconds: fastestSeconds,
    ofAllowedRate: spanSeconds > 0 ? round(fastestSeconds / spanSeconds, 3) : null,
    ledger: {
      ok: ledger.filter((c) => c.outcome === 'ok').length,
      errors: ledger.filter((c) => c.outcome === 'error').length,
      skippedByBreaker: ledger.filter((c) => c.errorKind === 'breaker_open').length,
    },
  };
}

export async function benchDrafting() {
  const profile = Profile.parse({
    ...sampleProfile(),
    id: 'prf_bench',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  });
  const postings = jobs(COUNT);
  return {
    latencyMs: LATENCY_MS,
    limited: await run('limited', profile, postings),
    failover: await run('failover', profile, postings),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchDrafting(), null, 2));
}
