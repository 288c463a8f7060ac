import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Draft } from '@applydesk/domain';
import { EXIT } from './exit-codes.js';
import { runCli, tempHome } from './test-support/run-cli.js';

let home: string;
let jobId = '';
beforeAll(async () => {
  const demo = await runCli(['demo', '--no-serve', '--json'], { APPLYDESK_HOME: tempHome() });
  home = (JSON.parse(demo.stdout) as { home: string }).home;
  const ranked = await runCli(['rank', '--top', '1', '--json'], { APPLYDESK_HOME: home });
  jobId =
    (JSON.parse(ranked.stdout) as { items: { job: { id: string } }[] }).items[0]?.job.id ?? '';
}, 120_000);

const cli = (args: string[]) => runCli(args, { APPLYDESK_HOME: home });

describe('draft and drafts', () => {
  it('writes a draft for a posting and shows who wrote it, its scores and its text', async () => {
    const run = await cli(['draft', jobId, '--kind', 'cover_letter']);
    expect(run.code).toBe(EXIT.OK);
    expect(run.stdout).toMatch(
      /^drf_\S+ {2}cover letter {2}pending review {2}written offline {2}\$0\n/,
    );
    expect(run.stdout).toMatch(/\nquality \d+(\.\d)?\/100: grounding /);
    expect(run.stdout).toContain(
      'note: written offline: no language model is configured for drafting',
    );
    expect(run.stderr).toMatch(/Approve with `applydesk drafts approve drf_\S+`/);
  });

  it('edits, refuses to approve an invented claim, confirms, approves and exports', async () => {
    const made = await cli(['draft', jobId, '--kind', 'follow_up', '--json']);
    const [draft] = (JSON.parse(made.stdout) as { drafts: Draft[] }).drafts;
    const id = draft?.id ?? '';
    const file = join(home, 'edit.txt');
    writeFileSync(file, `${draft?.text ?? ''}\nI hold a PhD in Astrophysics from MIT.\n`);
    const edited = await cli(['drafts', 'edit', id, '--file', file]);
    expect(edited.code).toBe(EXIT.OK);
    expect(edited.stdout).toMatch(/1 claim the profile does not back.*\n {2}\[\d+\] ".*PhD.*"/);

    const refused = await cli(['drafts', 'approve', id]);
    expect(refused.code).not.toBe(EXIT.OK);
    expect(refused.stderr).toMatch(
      /^error: draft \S+ makes 1 claim the profile does not back: ".*PhD/,
    );
    expect(refused.stderr).toContain('fix: edit the draft, or confirm');

    expect((await cli(['drafts', 'confirm', id])).stdout).toBe(
      `Every claim of ${id} is backed or confirmed.\n`,
    );
    const approved = await cli(['drafts', 'approve', id]);
    expect(approved.code).toBe(EXIT.OK);
    const list = await cli(['drafts', 'list', '--status', 'approved', '--json']);
    expect((JSON.parse(list.stdout) as { items: Draft[] }).items.map((d) => d.id)).toContain(id);

    const out = join(home, 'letter.pdf');
    const exported = await cli(['drafts', 'export', id, '--format', 'pdf', '--out', out]);
    expect(exported.code).toBe(EXIT.OK);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('names a bad option and an unknown draft', async () => {
    const kind = await cli(['draft', jobId, '--kind', 'poem']);
    expect(kind.code).toBe(EXIT.DATA);
    expect(kind.stderr).toContain('--kind must be one of proposal, cover_letter');
    const model = await cli(['draft', jobId, '--models', 'gpt4']);
    expect(model.stderr).toContain('model "gpt4": expected provider:model');
    const missing = await cli(['drafts', 'show', 'drf_nope']);
    expect(missing.stderr).toBe('error: draft drf_nope does not exist\n');
  });
});
