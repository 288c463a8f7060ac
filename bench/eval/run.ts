/**
 * Ranking evaluation: ranks the labelled postings for each profile with rankPostings
 * (ranker.ts), prints NDCG@10, precision@5 and the top 10 per profile with the worst misses,
 * and writes bench/results/eval.json. Run from the repository root:
 *
 *   npx tsx bench/eval/run.ts         (or `npm run eval`)
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  EVAL_DIR,
  EVAL_NOW,
  labelIndex,
  loadLabels,
  loadPostings,
  loadProfiles,
  toJob,
  toProfile,
  type Label,
} from './dataset.js';
import { ndcgAtK, precisionAtK, type RankedItem } from './metrics.js';
import { RANKER_NAME, rankPostings } from './ranker.js';

const TOP = 10;
/** A relevant (grade >= 2) posting ranked below this is reported as a miss. */
const MISS_BELOW = 20;

const round = (n: number | null): number | null => (n === null ? null : Math.round(n * 1e4) / 1e4);
const fmt = (n: number | null): string => (n === null ? ' n/a ' : n.toFixed(3));
const cut = (text: string, width: number): string =>
  text.length <= width ? text.padEnd(width) : `${text.slice(0, width - 1)}…`;

/**
 * Where @applydesk/domain resolved from. Plain `tsx` loads the package's build (dist); when a
 * source file is newer than everything in the build, the ranker measured may be stale.
 */
function domainBuildNote(): { resolvedFrom: 'src' | 'dist'; stale: boolean } {
  const entry = fileURLToPath(import.meta.resolve('@applydesk/domain'));
  if (!/[\\/]dist[\\/]/.test(entry)) return { resolvedFrom: 'src', stale: false };
  const pkg = dirname(dirname(entry));
  const newest = (dir: string, take: (name: string) => boolean): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((latest, item) => {
      const path = join(dir, item.name);
      if (item.isDirectory()) return Math.max(latest, newest(path, take));
      return take(item.name) ? Math.max(latest, statSync(path).mtimeMs) : latest;
    }, 0);
  const src = join(pkg, 'src');
  const stale =
    existsSync(src) &&
    newest(src, (name) => name.endsWith('.ts') && !name.endsWith('.test.ts')) >
      newest(dirname(entry), (name) => name.endsWith('.js'));
  return { resolvedFrom: 'dist', stale };
}

interface Row {
  rank: number;
  posting: string;
  title: string;
  company: string;
  grade: number;
  score: number;
  why: string;
  reason: string;
}

type MetricName = 'ndcg@10' | 'precision@5' | 'precision@10';
interface Brief {
  rank: number;
  posting: string;
  title: string;
  company: string;
  grade: number;
  score: number;
}
interface ProfileResult {
  profile: string;
  grades: Record<'0' | '1' | '2' | '3', number>;
  metrics: Record<MetricName, number | null>;
  top10: Brief[];
  missedRelevant: Brief[];
  irrelevantInTop10: Brief[];
}

const build = domainBuildNote();
if (build.stale)
  console.warn(
    '! @applydesk/domain resolves to its build (dist), which is older than its sources: run\n' +
      '  `npm run build` first, or `npx tsx --conditions=source bench/eval/run.ts`.\n',
  );

const now = new Date(EVAL_NOW);
const profiles = loadProfiles();
const drafts = loadPostings();
const labels = loadLabels();
const jobs = drafts.map((draft) => toJob(draft));
const jobById = new Map(jobs.map((job) => [job.id, job]));
const index = labelIndex(labels);

console.log(`Ranker: ${RANKER_NAME}`);
console.log(
  `Dataset: ${profiles.length} profiles, ${jobs.length} postings, ${labels.length} labels; now = ${EVAL_NOW}; domain from ${build.resolvedFrom}\n`,
);

const results: ProfileResult[] = [];
for (const { draft } of profiles) {
  const profile = toProfile(draft);
  const byPosting = index.get(profile.name) ?? new Map<string, Label>();
  const labelOf = (jobId: string): Label => {
    const label = byPosting.get(jobId);
    if (label === undefined) throw new Error(`no label for ${profile.name} x ${jobId}`);
    return label;
  };

  const ranked = await rankPostings(profile, jobs, now);
  // Postings the ranker left out rank last, tied with each other.
  const returned = new Set(ranked.map((r) => r.jobId));
  const left = jobs.filter((job) => !returned.has(job.id));
  const floor = Math.min(0, ...ranked.map((r) => r.score)) - 1;
  const order = [
    ...ranked,
    ...left.map((job) => ({ jobId: job.id, score: floor, why: 'not returned' })),
  ];

  const rows: Row[] = order.map((r, i) => {
    const job = jobById.get(r.jobId);
    if (job === undefined) throw new Error(`ranker returned unknown job ${r.jobId}`);
    const label = labelOf(r.jobId);
    return {
      rank: i + 1,
      posting: r.jobId,
      title: job.title,
      company: job.company,
      grade: label.grade,
      score: r.score,
      why: r.why ?? '',
      reason: label.reason,
    };
  });
  const items: RankedItem[] = rows.map((row) => ({ grade: row.grade, score: row.score }));
  const allGrades = [...byPosting.values()].map((label) => label.grade);
  const metrics: Record<MetricName, number | null> = {
    'ndcg@10': round(ndcgAtK(items, 10, allGrades)),
    'precision@5': round(precisionAtK(items, 5)),
    'precision@10': round(precisionAtK(items, 10)),
  };
  const grades = [0, 1, 2, 3].map((g) => allGrades.filter((x) => x === g).length);
  const missedRelevant = rows
    .filter((row) => row.grade >= 2 && row.rank > MISS_BELOW)
    .sort((a, b) => b.grade - a.grade || b.rank - a.rank);
  const irrelevantOnTop = rows.filter((row) => row.grade === 0 && row.rank <= TOP);

  console.log(`== ${profile.name} (${profile.basics.label ?? profile.basics.name})`);
  console.log(
    `   NDCG@10 ${fmt(metrics['ndcg@10'])}   P@5 ${fmt(metrics['precision@5'])}   P@10 ${fmt(metrics['precision@10'])}   grades 0/1/2/3: ${grades.join('/')}`,
  );
  console.log('   rank score grade  posting');
  for (const row of rows.slice(0, TOP))
    console.log(
      `   ${String(row.rank).padStart(4)} ${String(row.score).padStart(5)}   ${row.grade}    ${cut(`${row.title} — ${row.company}`, 70)} [${row.why}]`,
    );
  console.log(
    `   Relevant (grade >= 2) ranked below ${MISS_BELOW}: ${missedRelevant.length}, worst first:`,
  );
  for (const row of missedRelevant.slice(0, 8))
    console.log(
      `   ${String(row.rank).padStart(4)} ${String(row.score).padStart(5)}   ${row.grade}    ${cut(`${row.title} — ${row.company}`, 70)} [${row.why}]`,
    );
  console.log(`   Grade 0 in the top ${TOP}: ${irrelevantOnTop.length}`);
  for (const row of irrelevantOnTop)
    console.log(
      `   ${String(row.rank).padStart(4)} ${String(row.score).padStart(5)}   0    ${cut(`${row.title} — ${row.company}`, 70)}\n` +
        `                     label: ${row.reason}`,
    );
  console.log();

  const brief = (row: Row): Brief => ({
    rank: row.rank,
    posting: row.posting,
    title: row.title,
    company: row.company,
    grade: row.grade,
    score: row.score,
  });
  results.push({
    profile: profile.name,
    grades: { '0': grades[0]!, '1': grades[1]!, '2': grades[2]!, '3': grades[3]! },
    metrics,
    top10: rows.slice(0, TOP).map(brief),
    missedRelevant: missedRelevant.map(brief),
    irrelevantInTop10: irrelevantOnTop.map(brief),
  });
}

/** Mean over profiles where the metric is defined (NDCG is undefined with nothing relevant). */
const mean = (key: MetricName): number | null => {
  const values = results.map((r) => r.metrics[key]).filter((v): v is number => v !== null);
  return values.length === 0 ? null : round(values.reduce((a, b) => a + b, 0) / values.length);
};
const summary: Record<MetricName, number | null> = {
  'ndcg@10': mean('ndcg@10'),
  'precision@5': mean('precision@5'),
  'precision@10': mean('precision@10'),
};

console.log('profile                  NDCG@10   P@5    P@10');
for (const r of results)
  console.log(
    `${r.profile.padEnd(24)} ${fmt(r.metrics['ndcg@10'])}   ${fmt(r.metrics['precision@5'])}  ${fmt(r.metrics['precision@10'])}`,
  );
console.log(
  `${'mean'.padEnd(24)} ${fmt(summary['ndcg@10'])}   ${fmt(summary['precision@5'])}  ${fmt(summary['precision@10'])}`,
);

const out = join(EVAL_DIR, '..', 'results');
mkdirSync(out, { recursive: true });
const file = join(out, 'eval.json');
writeFileSync(
  file,
  `${JSON.stringify(
    {
      timestamp: new Date().toISOString(),
      now: EVAL_NOW,
      ranker: RANKER_NAME,
      domainResolvedFrom: build.resolvedFrom,
      dataset: { profiles: profiles.length, postings: jobs.length, labels: labels.length },
      relevantGrade: 2,
      mean: summary,
      profiles: results,
    },
    null,
    2,
  )}\n`,
);
console.log(`\nWrote ${relative(process.cwd(), file)}`);
