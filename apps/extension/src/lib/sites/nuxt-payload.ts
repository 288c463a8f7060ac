/**
 * Decodes a Nuxt 3 payload (`<script id="__NUXT_DATA__">`): a flat JSON array in which
 * entry 0 is the root and every object or array refers to its members by index; wrappers
 * such as ["Reactive", i] or ["Date", iso] tag a value. Page data, so bounded: cycles,
 * depth and the amount decoded are all limited, and nothing is evaluated.
 */

const MAX_NODES = 200_000;
const MAX_DEPTH = 64;

const PASSTHROUGH = new Set([
  'Reactive',
  'ShallowReactive',
  'Ref',
  'ShallowRef',
  'EmptyRef',
  'EmptyShallowRef',
]);

export function decodeNuxtPayload(payload: unknown): unknown {
  if (!Array.isArray(payload) || payload.length === 0) return undefined;
  const table: unknown[] = payload;
  const memo = new Map<number, unknown>();
  let budget = MAX_NODES;

  const resolve = (index: unknown, depth: number): unknown => {
    if (typeof index !== 'number' || !Number.isInteger(index)) return undefined;
    if (index < 0) return index === -3 ? NaN : undefined;
    if (index >= table.length || depth > MAX_DEPTH || budget <= 0) return undefined;
    if (memo.has(index)) return memo.get(index);
    budget -= 1;
    const raw = table[index];
    if (raw === null || typeof raw !== 'object') {
      memo.set(index, raw);
      return raw;
    }
    if (Array.isArray(raw)) {
      const [tag, ...rest] = raw as unknown[];
      if (typeof tag === 'string') {
        if (PASSTHROUGH.has(tag)) {
          const value = resolve(rest[0], depth + 1);
          memo.set(index, value);
          return value;
        }
        if (tag === 'Date') {
          memo.set(index, typeof rest[0] === 'string' ? rest[0] : undefined);
          return memo.get(index);
        }
        if (tag === 'Set') {
          const out: unknown[] = [];
          memo.set(index, out);
          for (const item of rest) out.push(resolve(item, depth + 1));
          return out;
        }
        if (tag === 'Map' || tag === 'null' || tag === 'Object') {
          const out: Record<string, unknown> = {};
          memo.set(index, out);
          for (let i = 0; i + 1 < rest.length; i += 2) {
            const key = resolve(rest[i], depth + 1);
            if (typeof key === 'string') out[key] = resolve(rest[i + 1], depth + 1);
          }
          return out;
        }
        // Any other tag (NuxtError, Island, …) carries nothing the extension reads.
        memo.set(index, undefined);
        return undefined;
      }
      const out: unknown[] = [];
      memo.set(index, out);
      for (const item of raw as unknown[]) out.push(resolve(item, depth + 1));
      return out;
    }
    const out: Record<string, unknown> = {};
    memo.set(index, out);
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
      out[key] = resolve(value, depth + 1);
    }
    return out;
  };

  return resolve(0, 0);
}

/** The first value under `key`, searched breadth-first a few levels down. */
export function findKey(root: unknown, key: string, maxDepth = 5): unknown {
  let level: unknown[] = [root];
  for (let depth = 0; depth <= maxDepth && level.length > 0; depth += 1) {
    const next: unknown[] = [];
    for (const node of level) {
      if (node === null || typeof node !== 'object') continue;
      if (!Array.isArray(node) && key in node) return (node as Record<string, unknown>)[key];
      next.push(...Object.values(node as Record<string, unknown>).slice(0, 500));
    }
    level = next.slice(0, 5_000);
  }
  return undefined;
}
