/**
 * Runs every benchmark and writes each one's results to bench/results/<name>.json.
 * BENCH_ONLY=api,rank runs only those (names as in the list below).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchApi } from './api.bench.js';
import { benchDashboard } from './dashboard.bench.js';
import { benchDedupe } from './dedupe.bench.js';
import { benchDrafting } from './drafting.bench.js';
import { benchIngest } from './ingest.bench.js';
import { benchRank } from './rank.bench.js';
import { benchStore } from './store.bench.js';

const BENCHES: [string, () => Promise<object>][] = [
  ['store', benchStore],
  ['dedupe', benchDedupe],
  ['ingest', benchIngest],
  ['rank', benchRank],
  ['drafting', benchDrafting],
  ['dashboard', benchDashboard],
  ['api', benchApi],
];

const only = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((name) => name.trim())
  .filter((name) => name !== '');
const unknown = only.filter((name) => !BENCHES.some(([known]) => known === name));
if (unknown.length > 0)
  throw new Error(
    `BENCH_ONLY names ${unknown.join(', ')}; the benchmarks are ${BENCHES.map(([n]) => n).join(', ')}`,
  );

const results = join(dirname(fileURLToPath(import.meta.url)), 'results');
mkdirSync(results, { recursive: true });
const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version };

for (const [name, bench] of BENCHES) {
  if (only.length > 0 && !only.includes(name)) continue;
  const result = { date: new Date().toISOString(), machine, ...(await bench()) };
  writeFileSync(join(results, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}
