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

const results = join(dirname(fileURLToPath(import.meta.url)), 'results');
mkdirSync(results, { recursive: true });

const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version };
const store = { date: new Date().toISOString(), machine, ...(await benchStore()) };
writeFileSync(join(results, 'store.json'), `${JSON.stringify(store, null, 2)}\n`);
console.log(JSON.stringify(store, null, 2));

const dedupe = { date: new Date().toISOString(), machine, ...(await benchDedupe()) };
writeFileSync(join(results, 'dedupe.json'), `${JSON.stringify(dedupe, null, 2)}\n`);
console.log(JSON.stringify(dedupe, null, 2));

const ingest = { date: new Date().toISOString(), machine, ...(await benchIngest()) };
writeFileSync(join(results, 'ingest.json'), `${JSON.stringify(ingest, null, 2)}\n`);
console.log(JSON.stringify(ingest, null, 2));

const rank = { date: new Date().toISOString(), machine, ...(await benchRank()) };
writeFileSync(join(results, 'rank.json'), `${JSON.stringify(rank, null, 2)}\n`);
console.log(JSON.stringify(rank, null, 2));

const drafting = { date: new Date().toISOString(), machine, ...(await benchDrafting()) };
writeFileSync(join(results, 'drafting.json'), `${JSON.stringify(drafting, null, 2)}\n`);
console.log(JSON.stringify(drafting, null, 2));

const dashboard = { date: new Date().toISOString(), machine, ...(await benchDashboard()) };
writeFileSync(join(results, 'dashboard.json'), `${JSON.stringify(dashboard, null, 2)}\n`);
console.log(JSON.stringify(dashboard, null, 2));

const api = { date: new Date().toISOString(), machine, ...(await benchApi()) };
writeFileSync(join(results, 'api.json'), `${JSON.stringify(api, null, 2)}\n`);
console.log(JSON.stringify(api, null, 2));
