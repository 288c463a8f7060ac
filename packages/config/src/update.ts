import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { DomainError, formatIssues } from '@applydesk/domain';
import {
  Budget,
  ConfigFile,
  DraftTemplates,
  Filters,
  Keywords,
  LLM_TASKS,
  Recency,
  Weights,
} from './schema.js';
import { STARTER_CONFIG } from './starter.js';

/** Any value under each key of `shape`; the values themselves are checked by ConfigFile. */
const keysOf = (shape: Record<string, unknown>, except: string[] = []) =>
  Object.fromEntries(
    Object.keys(shape)
      .filter((k) => !except.includes(k))
      .map((k) => [k, z.unknown().optional()]),
  );

/**
 * Which settings may be changed while the server runs, in the file's own words. Only the
 * keys are checked here: values are checked by ConfigFile once merged into the file, so a
 * change is held to exactly the rules the file is. `null` removes a key (its default applies).
 */
export const SettingsPatch = z.strictObject({
  filters: z
    .strictObject({
      ...keysOf(Filters.shape, ['keywords']),
      keywords: z.strictObject(keysOf(Keywords.shape)).optional(),
    })
    .optional(),
  ranking: z
    .strictObject({
      min_match_score: z.unknown().optional(),
      weights: z.strictObject(keysOf(Weights.shape)).optional(),
      recency: z.strictObject(keysOf(Recency.shape)).optional(),
    })
    .optional(),
  drafting: z
    .strictObject({
      top: z.unknown().optional(),
      tone: z.unknown().optional(),
      templates: z.strictObject(keysOf(DraftTemplates.shape)).optional(),
    })
    .optional(),
  // Providers stay in the file alone: a provider's key variable and address are the user's
  // to write. The models each task tries, and the caps, may change while the server runs.
  llm: z
    .strictObject({
      tasks: z
        .strictObject(Object.fromEntries(LLM_TASKS.map((t) => [t, z.unknown().optional()])))
        .optional(),
      budget: z.strictObject(keysOf(Budget.shape)).optional(),
    })
    .optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** Maps walked into key by key; anything else in a patch is one value, replaced whole. */
const SECTIONS = new Set([
  'filters',
  'filters.keywords',
  'ranking',
  'ranking.weights',
  'ranking.recency',
  'drafting',
  'drafting.templates',
  'llm',
  'llm.tasks',
  'llm.budget',
]);

type Change = { path: string[]; value: unknown };

function changesOf(value: Record<string, unknown>, prefix: string[] = []): Change[] {
  return Object.entries(value).flatMap(([key, v]) => {
    const path = [...prefix, key];
    if (v === undefined) return [];
    if (SECTIONS.has(path.join('.')) && typeof v === 'object' && v !== null)
      return changesOf(v as Record<string, unknown>, path);
    return [{ path, value: v }];
  });
}

function invalid(problems: string[]): DomainError {
  return new DomainError('INVALID_INPUT', `the settings are invalid: ${problems.join('; ')}`, {
    hint: 'fix the fields named and save again',
    details: { problems },
  });
}

function setPlain(target: Record<string, unknown>, change: Change): void {
  let at = target;
  for (const key of change.path.slice(0, -1)) {
    const next = at[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  const last = change.path[change.path.length - 1]!;
  if (change.value === null) delete at[last];
  else at[last] = change.value;
}

/**
 * Writes one change into the YAML document, touching only that key: a scalar keeps its
 * node (and so its comments), a list keeps its node and style, a missing section is made.
 */
function setInDocument(doc: Document, change: Change): void {
  const { path, value } = change;
  if (value === null) {
    if (doc.hasIn(path)) doc.deleteIn(path);
    return;
  }
  // A section holding only comments (`filters:`) parses as null: make it a map first.
  for (let i = 1; i < path.length; i++) {
    const node = doc.getIn(path.slice(0, i), true);
    if (node === undefined || (isScalar(node) && node.value === null))
      doc.setIn(path.slice(0, i), doc.createNode({}));
  }
  const existing = doc.getIn(path, true);
  if (isSeq(existing) && Array.isArray(value)) {
    existing.items = value.map((v) => doc.createNode(v));
  } else if (
    isScalar(existing) &&
    (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
  ) {
    existing.value = value;
  } else if (typeof value === 'object') {
    // New lists and small maps (salary_min) read best inline, as the starter writes them.
    const flow = isMap(existing) || isSeq(existing) ? existing.flow === true : true;
    doc.setIn(path, doc.createNode(value, { flow }));
  } else {
    doc.setIn(path, value);
  }
}

export interface ConfigFileUpdate {
  /** The whole file after the change, validated and with its defaults. */
  file: ConfigFile;
  /** True when the file did not exist and was started from the starter file. */
  created: boolean;
}

/**
 * Applies a settings patch to applydesk.yaml in place: only the keys named change, and the
 * user's comments, order and other keys survive. The result is validated as a whole before
 * anything is written; a missing file is started from the commented starter file.
 */
export function updateConfigFile(path: string, patch: unknown): ConfigFileUpdate {
  const shape = SettingsPatch.safeParse(patch);
  if (!shape.success) throw invalid(formatIssues(shape.error));
  const changes = changesOf(shape.data);

  const created = !existsSync(path);
  const text = created ? STARTER_CONFIG : readFileSync(path, 'utf8');
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new DomainError('CONFIG_INVALID', `${path} is not valid YAML`, {
      hint: 'fix it by hand (`applydesk doctor` says where), then save again',
      details: { problems: doc.errors.map((e) => e.message.split('\n')[0] ?? e.message) },
    });
  }

  const current: unknown = doc.toJS() ?? {};
  const merged: Record<string, unknown> =
    typeof current === 'object' && current !== null && !Array.isArray(current)
      ? Object.fromEntries(Object.entries(current).map(([k, v]) => [k, v === null ? {} : v]))
      : {};
  for (const change of changes) setPlain(merged, change);
  const parsed = ConfigFile.safeParse(merged);
  if (!parsed.success) throw invalid(formatIssues(parsed.error));

  for (const change of changes) setInDocument(doc, change);
  if (changes.length > 0 || created) {
    mkdirSync(dirname(path), { recursive: true });
    // Flow lists as people write them ([a, b]), not the library's default ([ a, b ]).
    writeFileSync(
      path,
      doc.toString({ flowCollectionPadding: false }),
      created ? { mode: 0o600 } : {},
    );
  }
  return { file: parsed.data, created };
}
