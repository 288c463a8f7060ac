import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@applydesk/config';
import { startReplayServer, type ReplayServer } from '@applydesk/sources/test-support';
import { generateSamplePostings, sampleProfile } from '../demo/index.js';
import { embeddingsAnswer, openAiAnswer } from '../../../llm/src/gateway/test-support/recorded.js';
import { openEngine, type OpenEngine } from '../open-engine.js';
import { ingestJobs } from './ingest-jobs.js';
import { rankedList } from './jobs.js';
import { saveProfile } from './profile.js';
import { rankJobs } from './rank-jobs.js';
import { refineRanking } from './refine-ranking.js';

const NOW = new Date('2026-11-20T12:00:00Z');

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(() => server.close());

let engine: OpenEngine;
let n = 0;
let p = '';
async function open(budget = ''): Promise<void> {
  n += 1;
  p = `/r${n}`;
  const home = mkdtempSync(join(tmpdir(), 'applydesk-refine-'));
  writeFileSync(
    join(home, 'applydesk.yaml'),
    [
      'llm:',
      `  providers: [{ name: openai, type: openai, baseUrl: "${server.url}${p}/v1" }]`,
      '  tasks:',
      '    analysis: [openai:gpt-4.1-mini]',
      '    embeddings: [openai:text-embedding-3-small]',
      budget,
      '',
    ].join('\n'),
  );
  engine = await openEngine(
    loadConfig({ env: { APPLYDESK_HOME: home, OPENAI_API_KEY: 'sk-test' } }),
    { now: () => NOW },
  );
  engine.settings.minMatchScore = 0;
  await saveProfile(engine, sampleProfile(), 'test');
  await ingestJobs(engine, generateSamplePostings({ now: NOW, count: 40 }), { actor: 'test' });
  await rankJobs(engine, { actor: 'test' });
}
afterEach(() => engine.close());

const requests = (path: string) => server.seen.filter((r) => r.path === `${p}${path}`);

describe('refineRanking', () => {
  it('moves the top postings by the model’s fit and by semantic similarity, with reasons', async () => {
    await open();
    const before = await rankedList(engine, { limit: 5 });
    const first = before[0]?.job.id ?? '';
    const last = before[4]?.job.id ?? '';
    server.route(`${p}/v1/chat/completions`, {
      body: openAiAnswer(
        `Here you go:\n${JSON.stringify([
          { id: first, fit: 0, reason: 'wrong stack entirely' },
          { id: last, fit: 100, reason: 'exactly the backend work in the profile' },
          { id: 'job_made_up', fit: 100, reason: 'not a posting we asked about' },
        ])}`,
      ),
    });
    // The profile's text comes first; the last posting points the same way, the rest across.
    const lastTitle = before[4]?.job.title ?? '';
    server.route(`${p}/v1/embeddings`, (req) => {
      const { input } = JSON.parse(req.body) as { input: string[] };
      return {
        body: embeddingsAnswer(input, (text, i) =>
          i === 0 || text.startsWith(lastTitle) ? [1, 0] : [0, 1],
        ),
      };
    });

    const result = await refineRanking(engine, { top: 5 });
    expect(result).toMatchObject({
      considered: 5,
      semantic: { applied: 5, model: 'openai:text-embedding-3-small', skipped: null },
      model: { applied: 2, model: 'openai:gpt-4.1-mini', skipped: null },
    });
    const after = new Map(
      (await rankedList(engine, { limit: 40 })).map((r) => [r.job.id, r.match]),
    );
    const lastMatch = after.get(last);
    expect(lastMatch?.components.model).toBe(1);
    expect(lastMatch?.components.semantic).toBe(1);
    expect(lastMatch?.score).toBeGreaterThan(before[4]?.match.score ?? 100);
    expect(lastMatch?.reasons.at(-1)?.text).toBe(
      'openai:gpt-4.1-mini rates the fit 100/100: exactly the backend work in the profile',
    );
    expect(after.get(first)?.score).toBeLessThan(before[0]?.match.score ?? 0);
    expect(after.get(first)?.components.semantic).toBe(0);
    // The prompt fences the postings and names them by id only.
    const prompt = JSON.parse(requests('/v1/chat/completions')[0]?.body ?? '{}') as {
      messages: { content: string }[];
    };
    expect(prompt.messages[1]?.content).toMatch(/<postings-[0-9a-f]{10}>\n\[job_/);

    // Refining again starts from the ranker's score: the same answer gives the same scores.
    await refineRanking(engine, { top: 5 });
    const again = new Map(
      (await rankedList(engine, { limit: 40 })).map((r) => [r.job.id, r.match]),
    );
    expect(Math.abs((again.get(last)?.score ?? 0) - (lastMatch?.score ?? 0))).toBeLessThanOrEqual(
      1,
    );
    expect(again.get(last)?.reasons.filter((r) => r.component === 'model')).toHaveLength(1);
  });

  it('skips a step with the reason when the budget is spent, leaving scores as ranked', async () => {
    await open('  budget: { daily_usd: 0.000001 }');
    await engine.store.llmCalls.record({
      at: NOW.toISOString(),
      task: 'analysis',
      provider: 'openai',
      model: 'gpt-4.1-mini',
      inputTokens: 1,
      outputTokens: 1,
      costUsd: 1,
      priceKnown: true,
      latencyMs: 1,
      outcome: 'ok',
      errorKind: null,
      errorMessage: null,
      jobId: null,
      draftId: null,
    });
    const before = await rankedList(engine, { limit: 5 });
    const result = await refineRanking(engine, { top: 5 });
    expect(result.model.skipped).toMatch(/daily LLM budget is spent/);
    expect(result.semantic.skipped).toMatch(/daily LLM budget is spent/);
    expect(requests('/v1/chat/completions')).toHaveLength(0);
    const after = await rankedList(engine, { limit: 5 });
    expect(after.map((r) => [r.job.id, r.match.score])).toEqual(
      before.map((r) => [r.job.id, r.match.score]),
    );
  });
});
