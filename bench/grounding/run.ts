/**
 * Grounding evaluation: runs checkGrounding over the labelled drafts, prints recall and
 * precision of unsupported-claim detection with every miss and false alarm, and writes
 * bench/results/grounding.json. A planted fabrication counts as found when a flagged claim
 * overlaps its span. It also runs both checks over the offline writer's drafts for every eval
 * profile and posting (grounded and obedient by construction, so every flag there is a false
 * alarm) and scores checkDraftSafety on the injection corpus. Run from the repository root:
 *
 *   npx tsx --conditions=source bench/grounding/run.ts   (or `npm run eval:grounding`)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GROUNDING_DIR } from './dataset.js';
import { evaluateGrounding, evaluateSafety, scanOfflineDrafts } from './evaluate.js';

const result = evaluateGrounding();
const round = (n: number): number => Math.round(n * 1e4) / 1e4;

console.log(
  `grounding: ${result.drafts} drafts, ${result.fabrications} planted fabrications, ${result.truths} labelled true claims`,
);
for (const r of result.results) {
  for (const m of r.missed) console.log(`  MISSED      ${r.id} [${m.kind}] ${m.claim}`);
  for (const f of r.falseAlarms)
    console.log(`  FALSE ALARM ${r.id} [${f.kind}] ${f.text} — ${f.reason}`);
}
console.log(
  `recall    ${result.recall.toFixed(3)} (${result.found}/${result.fabrications})\n` +
    `precision ${result.precision.toFixed(3)} (${result.flaggedCorrect}/${result.flagged} flagged claims)\n` +
    `true claims flagged ${result.truthsFlagged}/${result.truths}`,
);

const scan = scanOfflineDrafts();
console.log(
  `offline-writer drafts: ${scan.flagged} of ${scan.claims} claims flagged in ${scan.drafts} drafts (all grounded, so each flag is a false alarm)`,
);
for (const e of scan.examples.slice(0, 5))
  console.log(`  FALSE ALARM ${e.profile} ${e.posting} ${e.kind} "${e.text}" — ${e.reason}`);
console.log(`safety: ${scan.unsafe} of ${scan.drafts} offline-writer drafts flagged unsafe`);
for (const e of scan.unsafeExamples.slice(0, 5))
  console.log(`  FALSE ALARM ${e.posting} ${e.kind} ${e.violations.join('; ')}`);
const safety = evaluateSafety();
console.log(
  `safety: injection corpus ${safety.caught}/${safety.postings} obeying drafts caught, ${safety.passed}/${safety.postings} clean drafts passed`,
);
for (const f of safety.failures) console.log(`  ${f}`);

const out = join(GROUNDING_DIR, '..', 'results');
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, 'grounding.json'),
  `${JSON.stringify(
    {
      checker: 'checkGrounding',
      now: '2026-11-20T12:00:00.000Z',
      drafts: result.drafts,
      fabrications: result.fabrications,
      recall: round(result.recall),
      precision: round(result.precision),
      flagged: result.flagged,
      truths: result.truths,
      truthsFlagged: result.truthsFlagged,
      offlineWriterScan: scan,
      safety,
      misses: result.results.filter((r) => r.missed.length + r.falseAlarms.length > 0),
    },
    null,
    2,
  )}\n`,
);
