import { beforeAll, describe, expect, it } from 'vitest';
import { ensureHome, loadConfig } from '@applydesk/config';
import { openEngine, type LlmCostReport } from '@applydesk/engine';
import { EXIT } from './exit-codes.js';
import { runCli, tempHome } from './test-support/run-cli.js';

type Row = Parameters<Awaited<ReturnType<typeof openEngine>>['store']['llmCalls']['record']>[0];

const row = (over: Partial<Row>): Row => ({
  at: '2025-06-02T10:00:00.000Z',
  task: 'drafting',
  provider: 'openai',
  model: 'gpt-4.1-mini',
  inputTokens: 1000,
  outputTokens: 500,
  costUsd: 0.0012,
  priceKnown: true,
  latencyMs: 800,
  outcome: 'ok',
  errorKind: null,
  errorMessage: null,
  jobId: null,
  draftId: null,
  ...over,
});

let home: string;
const thisMonth = new Date();
beforeAll(async () => {
  home = tempHome();
  const config = loadConfig({ env: { APPLYDESK_HOME: home } });
  ensureHome(config);
  const engine = await openEngine(config);
  try {
    for (const call of [
      row({ at: '2025-05-31T23:59:00.000Z', costUsd: 9 }), // before --since
      row({ at: '2025-06-02T10:00:00.000Z', costUsd: 0.25, jobId: 'job_A' }),
      row({
        at: '2025-06-02T11:00:00.000Z',
        provider: 'claude',
        model: 'claude-sonnet-4-20250514',
        inputTokens: 2000,
        outputTokens: 400,
        costUsd: 0.5,
        jobId: 'job_A',
      }),
      row({
        at: '2025-06-03T09:00:00.000Z',
        outcome: 'cached',
        costUsd: 0,
        inputTokens: 0,
        outputTokens: 0,
        jobId: 'job_B',
      }),
      row({
        at: '2025-06-03T09:05:00.000Z',
        outcome: 'error',
        errorKind: 'rate_limited',
        costUsd: 0,
        inputTokens: 0,
        outputTokens: 0,
      }),
      row({
        at: '2025-06-03T09:10:00.000Z',
        provider: 'local',
        model: 'llama3.1:8b',
        costUsd: 0,
        priceKnown: false,
      }),
      row({ at: thisMonth.toISOString(), costUsd: 0.125 }),
    ]) {
      await engine.store.llmCalls.record(call);
    }
  } finally {
    await engine.close();
  }
}, 60_000);

describe('costs', () => {
  it('reports spend by model since a day, as JSON', async () => {
    const run = await runCli(['costs', '--since', '2025-06-01', '--by', 'model', '--json'], {
      APPLYDESK_HOME: home,
    });
    expect(run.code).toBe(EXIT.OK);
    const report = JSON.parse(run.stdout) as LlmCostReport;
    expect(report.since).toBe('2025-06-01T00:00:00.000Z');
    expect(report.groupBy).toBe('model');
    expect(report.rows.map((r) => [r.key, r.calls, r.ok, r.errors, r.cached])).toEqual([
      ['claude:claude-sonnet-4-20250514', 1, 1, 0, 0],
      ['openai:gpt-4.1-mini', 4, 2, 1, 1],
      ['local:llama3.1:8b', 1, 1, 0, 0],
    ]);
    expect(report.rows[1]?.costUsd).toBeCloseTo(0.375, 10);
    // The May call before --since is left out.
    expect(report.total.costUsd).toBeCloseTo(0.875, 10);
    expect(report.total.calls).toBe(6);
    expect(report.total.unpriced).toBe(1);
  });

  it('prints a table by day with a total and flags calls without a price', async () => {
    const run = await runCli(['costs', '--since', '2025-06-01', '--by', 'day'], {
      APPLYDESK_HOME: home,
    });
    expect(run.code).toBe(EXIT.OK);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Language model spend since 2025-06-01, by day:');
    expect(run.stdout).toMatch(/^2025-06-02\s+2\s+2\s+0\s+0\s+0\s+3,000\s+900\s+0\.7500$/m);
    expect(run.stdout).toMatch(/^2025-06-03\s+3\s+1\s+1\s+1\s+0\s+1,000\s+500\s+0$/m);
    expect(run.stdout).toMatch(/^total\s+6\s+/m);
    expect(run.stdout).toContain('1 answered call used a model without a known price');
  });

  it('groups by job, calls without a job together', async () => {
    const run = await runCli(['costs', '--since', '2025-06-01', '--by', 'job', '--json'], {
      APPLYDESK_HOME: home,
    });
    const report = JSON.parse(run.stdout) as LlmCostReport;
    // Costliest first: job_A $0.75, the calls without a job $0.125 (today's), job_B $0 (cached).
    expect(report.rows.map((r) => [r.key, r.calls])).toEqual([
      ['job_A', 2],
      ['', 3],
      ['job_B', 1],
    ]);
    const table = await runCli(['costs', '--since', '2025-06-01', '--by', 'job'], {
      APPLYDESK_HOME: home,
    });
    expect(table.stdout).toMatch(/^\(no job\)\s+3\s/m);
  });

  it('defaults to this month, by day', async () => {
    const report = JSON.parse(
      (await runCli(['costs', '--json'], { APPLYDESK_HOME: home })).stdout,
    ) as LlmCostReport;
    const first = new Date(Date.UTC(thisMonth.getUTCFullYear(), thisMonth.getUTCMonth(), 1));
    expect(report.since).toBe(first.toISOString());
    expect(report.groupBy).toBe('day');
    expect(report.total.costUsd).toBeCloseTo(0.125, 10);
  });

  it('refuses a bad --since or --by, naming it and what it got', async () => {
    const since = await runCli(['costs', '--since', 'last week'], { APPLYDESK_HOME: home });
    expect(since.code).toBe(EXIT.DATA);
    expect(since.stderr).toContain('--since expects a day as YYYY-MM-DD (got "last week")');
    const by = await runCli(['costs', '--by', 'provider'], { APPLYDESK_HOME: home });
    expect(by.code).toBe(EXIT.DATA);
    expect(by.stderr).toContain('--by must be one of day, model, job (got "provider")');
  });

  it('says so when nothing was spent', async () => {
    const run = await runCli(['costs', '--since', '2030-01-01'], { APPLYDESK_HOME: home });
    expect(run.stdout).toBe('No language model calls since 2030-01-01.\n');
  });
});
