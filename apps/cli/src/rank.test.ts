import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from './exit-codes.js';
import { runCli, tempHome } from './test-support/run-cli.js';

interface RankJson {
  ranked: {
    scored: number;
    shortlisted: number;
    written: number;
    heldBack: Record<string, number>;
  };
  items: {
    job: { id: string; title: string; company: string; sourceType: string };
    match: { score: number; reasons: { kind: string; text: string }[]; rejection: unknown };
  }[];
}

interface ListJson {
  items: { id: string; company: string; rejection: { rule: string; reason: string } | null }[];
  total_count: number;
}

let home: string;
beforeAll(async () => {
  const demo = await runCli(['demo', '--no-serve', '--json'], { APPLYDESK_HOME: tempHome() });
  home = (JSON.parse(demo.stdout) as { home: string }).home;
}, 120_000);

describe('rank', () => {
  it('prints the best postings with reasons, best first, and ranks again without rewriting', async () => {
    const run = await runCli(['rank', '--top', '5'], { APPLYDESK_HOME: home });
    expect(run.code).toBe(EXIT.OK);
    const blocks = run.stdout.trim().split('\n\n');
    // Five postings and the summary line.
    expect(blocks).toHaveLength(6);
    const scores = blocks.slice(0, 5).map((b) => Number(/^\s*\d+\.\s+(\d+)/.exec(b)?.[1]));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(blocks[0]).toMatch(/\n\s+\+ /);
    expect(blocks[5]).toMatch(/^Ranked \d+ postings in [\d.]+ s \(0 scores updated\)/);

    const json = JSON.parse(
      (await runCli(['rank', '--top', '3', '--json'], { APPLYDESK_HOME: home })).stdout,
    ) as RankJson;
    expect(json.items).toHaveLength(3);
    expect(json.ranked.written).toBe(0);
    expect(json.items[0]?.match.reasons.length).toBeGreaterThan(0);
    expect(json.items.every((i) => i.match.rejection === null)).toBe(true);
  });

  it('refuses a bad --top, naming it and what it got', async () => {
    const run = await runCli(['rank', '--top', 'lots'], { APPLYDESK_HOME: home });
    expect(run.code).toBe(EXIT.DATA);
    expect(run.stderr).toContain('--top must be a whole number from 1 to 500 (got "lots")');
  });

  it('holds back what filters reject, lists them with why, and lets one through', async () => {
    const before = JSON.parse(
      (await runCli(['rank', '--top', '1', '--json'], { APPLYDESK_HOME: home })).stdout,
    ) as RankJson;
    const best = before.items[0];
    if (best === undefined) throw new Error('the demo ranked nothing');
    writeFileSync(
      join(home, 'applydesk.yaml'),
      ['filters:', `  companies_excluded: [${JSON.stringify(best.job.company)}]`].join('\n'),
    );
    const after = JSON.parse(
      (await runCli(['rank', '--top', '1', '--json'], { APPLYDESK_HOME: home })).stdout,
    ) as RankJson;
    expect(after.ranked.heldBack.companies_excluded).toBeGreaterThanOrEqual(1);
    expect(after.items[0]?.job.company).not.toBe(best.job.company);

    const rejected = JSON.parse(
      (
        await runCli(['jobs', 'list', '--rejected', '--json', '--limit', '200'], {
          APPLYDESK_HOME: home,
        })
      ).stdout,
    ) as ListJson;
    const held = rejected.items.find((i) => i.id === best.job.id);
    expect(held?.rejection).toEqual({
      rule: 'companies_excluded',
      reason: `${best.job.company} is on your excluded companies`,
    });
    const normal = JSON.parse(
      (await runCli(['jobs', 'list', '--json', '--limit', '200'], { APPLYDESK_HOME: home })).stdout,
    ) as ListJson;
    expect(normal.items.some((i) => i.id === best.job.id)).toBe(false);
    const table = await runCli(['jobs', 'list', '--rejected'], { APPLYDESK_HOME: home });
    expect(table.stdout.split('\n')[0]).toMatch(/^SCORE\s+ID\s+TITLE\s+COMPANY\s+RULE\s+WHY/);
    expect(table.stderr).toContain('applydesk jobs override <id>');

    const override = await runCli(['jobs', 'override', best.job.id], { APPLYDESK_HOME: home });
    expect(override.code).toBe(EXIT.OK);
    expect(override.stdout).toContain(`Job ${best.job.id} is let through (companies_excluded:`);
    const back = JSON.parse(
      (await runCli(['rank', '--top', '1', '--json'], { APPLYDESK_HOME: home })).stdout,
    ) as RankJson;
    expect(back.items[0]?.job.id).toBe(best.job.id);

    const twice = await runCli(['jobs', 'override', 'job_missing'], { APPLYDESK_HOME: home });
    expect(twice.code).toBe(EXIT.NO_INPUT);
    expect(twice.stderr).toContain('job job_missing does not exist');
  });
});
