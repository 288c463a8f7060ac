import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DRAFT_KINDS, DRAFT_STATUSES, type Draft, type DraftStatus } from '@applydesk/domain';
import {
  approveDraft,
  confirmClaims,
  draftForJob,
  editDraft,
  exportDraft,
  getDraft,
  listDrafts,
  rejectDraft,
} from '@applydesk/engine';
import { printJson, usageError, type CliIO } from '../io.js';
import { progressReporter } from '../progress.js';
import { localOrRemote, remoteCapable } from '../remote/remote.js';

const usd = (n: number): string => (n === 0 ? '$0' : `$${n < 0.01 ? n.toFixed(5) : n.toFixed(4)}`);

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw usageError(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/** The unsupported claims that block approval, with their index for `drafts confirm`. */
function openClaims(draft: Draft): { index: number; text: string; reason: string }[] {
  return (draft.grounding?.claims ?? []).flatMap((c, index) =>
    c.supported || c.confirmedByUser
      ? []
      : [{ index, text: c.text, reason: c.reason ?? 'the profile does not show this' }],
  );
}

/** A draft as a person reviews it: who wrote it, what it cost, how it scores, what it may not say. */
export function draftReport(draft: Draft): string {
  const writer =
    draft.writer === 'llm' ? `written by ${draft.model ?? 'a model'}` : 'written offline';
  const lines = [
    `${draft.id}  ${draft.kind.replace('_', ' ')}  ${draft.status.replace('_', ' ')}  ${writer}  ${usd(draft.costUsd)}`,
  ];
  const q = draft.quality;
  if (q !== null) {
    lines.push(
      `quality ${q.total}/100: grounding ${q.grounding}, specificity ${q.specificity}, length ${q.length} (${q.words} words), readability ${q.readability} (grade ${q.readingGrade})`,
    );
  }
  for (const note of draft.notes) lines.push(`note: ${note}`);
  if (draft.citedRequirements.length > 0) {
    lines.push(`cites ${draft.citedRequirements.length} of the posting's requirements:`);
    for (const r of draft.citedRequirements) lines.push(`  - "${r}"`);
  }
  const open = openClaims(draft);
  if (open.length > 0) {
    lines.push(
      `${open.length} claim${open.length === 1 ? '' : 's'} the profile does not back (approval waits until edited or confirmed):`,
    );
    for (const c of open) lines.push(`  [${c.index}] "${c.text}": ${c.reason}`);
  }
  lines.push('', draft.text, '');
  return lines.join('\n');
}

function summaryLine(draft: Draft): string {
  const open = openClaims(draft).length;
  return [
    draft.id,
    draft.jobId,
    draft.kind,
    draft.status,
    draft.writer === 'llm' ? (draft.model ?? 'llm') : 'offline',
    draft.quality === null ? '-' : String(draft.quality.total),
    open === 0 ? 'grounded' : `${open} unsupported`,
  ].join('  ');
}

export function registerDraft(program: Command, io: CliIO): void {
  remoteCapable(program.command('draft <job>'))
    .description('write drafts for a posting (side by side with --models); nothing is sent')
    .option(
      '--kind <kind>',
      `one of ${DRAFT_KINDS.join(', ')} (default: proposal for Upwork, else cover_letter)`,
    )
    .option('--models <list>', 'comma-separated provider:model refs, one candidate each')
    .option('--tone <tone>', 'warm or direct (default: drafting.tone)')
    .option('--fresh', 'ask the models again even when the same prompt has a cached answer')
    .option('--json', 'print the stored drafts as JSON')
    .action(
      async (
        jobId: string,
        options: { kind?: string; models?: string; tone?: string; fresh?: boolean; json?: boolean },
        command: Command,
      ) => {
        const kind =
          options.kind === undefined ? undefined : oneOf('--kind', options.kind, DRAFT_KINDS);
        const tone =
          options.tone === undefined
            ? undefined
            : oneOf('--tone', options.tone, ['warm', 'direct'] as const);
        const models = options.models
          ?.split(',')
          .map((m) => m.trim())
          .filter((m) => m !== '');
        const asked = {
          ...(kind === undefined ? {} : { kind }),
          ...(tone === undefined ? {} : { tone }),
          ...(models === undefined ? {} : { models }),
          ...(options.fresh === true ? { fresh: true } : {}),
        };
        const drafts = await localOrRemote(command, {
          local: async (engine) => {
            const progress = progressReporter(io);
            try {
              return (
                await draftForJob(engine, { onProgress: progress, jobId, actor: 'cli', ...asked })
              ).drafts;
            } finally {
              progress.finish();
            }
          },
          remote: async (client) => (await client.jobs.draft(jobId, asked)).drafts,
        });
        if (options.json === true) {
          printJson(io, { drafts });
          return;
        }
        if (drafts.length > 1) io.out(`${drafts.length} candidates, best first:\n\n`);
        for (const draft of drafts) io.out(`${draftReport(draft)}\n`);
        const best = drafts.find((d) => d.status === 'pending_review');
        if (best !== undefined) {
          io.err(
            openClaims(best).length > 0
              ? `Edit with \`applydesk drafts edit ${best.id} --file <text>\` or confirm with \`applydesk drafts confirm ${best.id}\`, then approve.\n`
              : `Approve with \`applydesk drafts approve ${best.id}\`.\n`,
          );
        }
      },
    );

  const drafts = program
    .command('drafts')
    .description('review drafts: list, show, edit, confirm, approve, reject, export');

  remoteCapable(drafts.command('list'))
    .description('drafts waiting for review (or another status, or one posting’s)')
    .option('--status <status>', `one of ${DRAFT_STATUSES.join(', ')}`, 'pending_review')
    .option('--job <id>', "one posting's drafts")
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'print JSON: { items, total_count }')
    .action(
      async (
        options: { status: string; job?: string; limit: string; json?: boolean },
        command: Command,
      ) => {
        const status = oneOf<DraftStatus>('--status', options.status, DRAFT_STATUSES);
        const limit = Number(options.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 500)
          throw usageError(`--limit must be a whole number from 1 to 500 (got "${options.limit}")`);
        const page = await localOrRemote(command, {
          local: (engine) =>
            listDrafts(engine, {
              status,
              limit,
              ...(options.job === undefined ? {} : { jobId: options.job }),
            }),
          remote: async (client) => {
            const wire = await client.drafts.list({
              status,
              limit,
              ...(options.job === undefined ? {} : { job_id: options.job }),
            });
            return { items: wire.items, totalCount: wire.total_count };
          },
        });
        if (options.json === true) {
          printJson(io, { items: page.items, total_count: page.totalCount });
          return;
        }
        if (page.items.length === 0) {
          io.out(`No drafts ${status.replace('_', ' ')}.\n`);
          return;
        }
        for (const d of page.items) io.out(`${summaryLine(d)}\n`);
        if (page.totalCount > page.items.length)
          io.err(`${page.items.length} of ${page.totalCount} shown.\n`);
      },
    );

  remoteCapable(drafts.command('show <id>'))
    .description('one draft with its scores, citations and unsupported claims')
    .option('--json', 'print JSON')
    .option('--prompt', 'also print the prompt the model was given')
    .action(async (id: string, options: { json?: boolean; prompt?: boolean }, command: Command) => {
      const draft = await localOrRemote(command, {
        local: (engine) => getDraft(engine, id),
        remote: (client) => client.drafts.get(id),
      });
      if (options.json === true) printJson(io, draft);
      else {
        io.out(draftReport(draft));
        if (options.prompt === true)
          io.out(`\n--- prompt ---\n${draft.prompt ?? '(written offline: no prompt)'}\n`);
      }
    });

  remoteCapable(drafts.command('edit <id>'))
    .description('replace the text (from a file, or - for stdin); claims are checked again')
    .requiredOption('--file <path>', 'the new text')
    .option('--json', 'print JSON')
    .action(async (id: string, options: { file: string; json?: boolean }, command: Command) => {
      const text = readFileSync(options.file === '-' ? 0 : options.file, 'utf8');
      const draft = await localOrRemote(command, {
        local: (engine) => editDraft(engine, { draftId: id, text, actor: 'cli' }),
        remote: (client) => client.drafts.edit(id, text),
      });
      if (options.json === true) printJson(io, draft);
      else io.out(draftReport(draft));
    });

  remoteCapable(drafts.command('confirm <id>'))
    .description('vouch for claims the profile does not show (all, or --claim n)')
    .option('--claim <n...>', 'claim numbers as `drafts show` lists them')
    .action(async (id: string, options: { claim?: string[] }, command: Command) => {
      const claims = options.claim?.map((n) => {
        const i = Number(n);
        if (!Number.isInteger(i) || i < 0)
          throw usageError(`--claim must be a claim number (got "${n}")`);
        return i;
      });
      const draft = await localOrRemote(command, {
        local: (engine) =>
          confirmClaims(engine, {
            draftId: id,
            actor: 'cli',
            ...(claims === undefined ? {} : { claims }),
          }),
        remote: (client) => client.drafts.confirm(id, claims),
      });
      const open = openClaims(draft).length;
      io.out(
        open === 0
          ? `Every claim of ${id} is backed or confirmed.\n`
          : `${open} claim(s) still unsupported.\n`,
      );
    });

  remoteCapable(drafts.command('approve <id>'))
    .description('approve a draft (refused while a claim is unsupported); nothing is sent')
    .action(async (id: string, _options: unknown, command: Command) => {
      const draft = await localOrRemote(command, {
        local: (engine) => approveDraft(engine, { draftId: id, actor: 'cli' }),
        remote: (client) => client.drafts.approve(id),
      });
      io.out(`Approved ${draft.id}. Apply on the posting's page, then mark it applied.\n`);
    });

  remoteCapable(drafts.command('reject <id>'))
    .description('reject a draft')
    .action(async (id: string, _options: unknown, command: Command) => {
      await localOrRemote(command, {
        local: (engine) => rejectDraft(engine, { draftId: id, actor: 'cli' }),
        remote: (client) => client.drafts.reject(id),
      });
      io.out(`Rejected ${id}.\n`);
    });

  remoteCapable(drafts.command('export <id>'))
    .description('write a draft as Markdown or PDF (a tailored resume, a letter)')
    .option('--format <format>', 'md or pdf', 'md')
    .option('--out <file>', 'where to write (default: stdout for md, <id>.pdf for pdf)')
    .action(async (id: string, options: { format: string; out?: string }, command: Command) => {
      const format = oneOf('--format', options.format, ['md', 'pdf'] as const);
      const file = await localOrRemote<{ fileName: string; bytes: Uint8Array }>(command, {
        local: (engine) => exportDraft(engine, { draftId: id, format }),
        // The client hands over the bytes only, so a PDF without --out is named after the draft.
        remote: async (client) => ({
          fileName: `${id}.${format}`,
          bytes: await client.drafts.export(id, format),
        }),
      });
      const out = options.out ?? (format === 'pdf' ? file.fileName : undefined);
      if (out === undefined) {
        io.out(Buffer.from(file.bytes).toString('utf8'));
        return;
      }
      writeFileSync(out, file.bytes);
      io.err(`Wrote ${out} (${file.bytes.byteLength.toLocaleString('en-US')} bytes).\n`);
    });
}
