import type { Command } from 'commander';
import type { MatchReason } from '@applydesk/domain';
import {
  rankedList,
  rankJobs,
  refineRanking,
  type RankedPosting,
  type RankResult,
  type RefineResult,
} from '@applydesk/engine';
import { printJson, usageError, type CliIO } from '../io.js';
import { progressReporter } from '../progress.js';
import { localOrRemote, remoteCapable } from '../remote/remote.js';
import { localRanked } from '../remote/wire.js';

const MARK: Record<MatchReason['kind'], string> = { plus: '+', minus: '-', info: '·' };

function age(postedAt: string | null, now: Date): string {
  if (postedAt === null) return 'undated';
  const days = Math.floor((now.getTime() - Date.parse(postedAt)) / 86_400_000);
  return days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

function where(p: RankedPosting): string {
  if (p.job.remote === 'remote')
    return p.job.location === null ? 'remote' : `remote, ${p.job.location}`;
  return p.job.location ?? p.job.remote;
}

function posting(p: RankedPosting, rank: number, now: Date, reasons: number): string {
  const head = `${String(rank).padStart(3)}. ${String(p.match.score).padStart(3)}  ${p.job.title} — ${p.job.company}`;
  const meta = `       ${where(p)} · ${p.job.sourceType} · ${age(p.job.postedAt, now)}${p.stage === null ? '' : ` · ${p.stage}`}`;
  const why = p.match.reasons.slice(0, reasons).map((r) => `       ${MARK[r.kind]} ${r.text}`);
  return [head, meta, ...why].join('\n');
}

/** A ranking run as the engine returns it, or as the API sends it (phases and rules as keys). */
export type RankSummary = Omit<RankResult, 'heldBack' | 'phasesMs'> & {
  heldBack: Partial<Record<string, number>>;
};

export function summary(r: RankSummary): string {
  const held = Object.entries(r.heldBack).filter(([, n]) => (n ?? 0) > 0);
  const heldText =
    held.length === 0
      ? ''
      : `; ${held.reduce((sum, [, n]) => sum + (n ?? 0), 0)} held back by filters (${held
          .map(([rule, n]) => `${rule} ${n}`)
          .join(', ')}): see \`applydesk jobs list --rejected\``;
  const failed = r.failed.length === 0 ? '' : `; ${r.failed.length} could not be read`;
  return `Ranked ${r.scored} postings in ${(r.tookMs / 1000).toFixed(1)} s (${r.written} scores updated); ${r.shortlisted} shortlisted, ${r.newlyShortlisted} new${heldText}${failed}.`;
}

export function registerRank(program: Command, io: CliIO): void {
  remoteCapable(program.command('rank'))
    .description('score every open posting against your profile and print the best, with reasons')
    .option('-n, --top <n>', 'how many to print (1-500)', '10')
    .option('--reasons <n>', 'reasons shown per posting', '4')
    .option('--profile <id>', 'rank for this profile (default: the default profile)')
    .option(
      '--refine',
      'also ask your embeddings and analysis models about the top postings (within the LLM budget)',
    )
    .option('--json', 'print JSON: { ranked, refined?, items: [{ job, match, stage }] }')
    .action(
      async (
        options: {
          top: string;
          reasons: string;
          profile?: string;
          refine?: boolean;
          json?: boolean;
        },
        command: Command,
      ) => {
        const top = Number(options.top);
        if (!Number.isInteger(top) || top < 1 || top > 500)
          throw usageError(`--top must be a whole number from 1 to 500 (got "${options.top}")`);
        const reasons = Number(options.reasons);
        if (!Number.isInteger(reasons) || reasons < 0 || reasons > 20)
          throw usageError(
            `--reasons must be a whole number from 0 to 20 (got "${options.reasons}")`,
          );
        const profile = options.profile === undefined ? {} : { profileId: options.profile };
        const refine = options.refine === true;
        const { ranked, refined, items, now } = await localOrRemote<{
          ranked: RankSummary;
          refined?: RefineResult | undefined;
          items: RankedPosting[];
          now: Date;
        }>(command, {
          local: async (engine) => {
            const progress = progressReporter(io);
            try {
              const ranked = await rankJobs(engine, {
                actor: 'cli',
                onProgress: progress,
                ...profile,
              });
              progress.finish();
              const refined = refine ? await refineRanking(engine, { top, ...profile }) : undefined;
              const items = await rankedList(engine, { limit: top, ...profile });
              return { ranked, refined, items, now: engine.now() };
            } finally {
              progress.finish();
            }
          },
          remote: async (client) => ({
            ...localRanked(
              await client.rank({
                top,
                refine,
                ...(options.profile === undefined ? {} : { profile_id: options.profile }),
              }),
            ),
            now: new Date(),
          }),
        });
        if (options.json === true) {
          printJson(io, { ranked, ...(refined === undefined ? {} : { refined }), items });
          return;
        }
        if (refined !== undefined) {
          for (const [what, step] of [
            ['semantic similarity', refined.semantic],
            ['model judgement', refined.model],
          ] as const) {
            io.err(
              step.skipped === null
                ? `Refined ${step.applied} of the top ${refined.considered} by ${what} (${step.model ?? 'model'}).\n`
                : `No ${what}: ${step.skipped}.\n`,
            );
          }
        }
        if (items.length === 0)
          io.out(
            ranked.scored === 0
              ? 'No open postings to rank. Run `applydesk ingest` (or `applydesk demo` for samples).\n'
              : 'Every posting is held back by your filters: see `applydesk jobs list --rejected`.\n',
          );
        io.out(items.map((p, i) => posting(p, i + 1, now, reasons)).join('\n\n'));
        if (items.length > 0) io.out('\n\n');
        io.out(`${summary(ranked)}\n`);
      },
    );
}
