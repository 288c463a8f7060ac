import { CompiledQuery } from 'kysely';
import type { StoreContext } from '../context.js';
import type { Database } from '../db.js';

/** INSERT statements by dialect, table, row count and columns: written once, not per chunk. */
const STATEMENTS = new Map<string, string>();
const MAX_STATEMENTS = 32;

/**
 * Inserts rows (all with the first row's columns) as one statement, the one
 * `insertInto(table).values(rows)` writes, without building and compiling a query tree of
 * thousands of values for every chunk: the statement's text is kept and only the values
 * change. A missing value is NULL, as the DEFAULT a query builder writes for it would be on
 * the tables this is used for (no column of theirs has another default that an insert relies
 * on). The caller keeps rows × columns under the bind-parameter limit.
 */
export async function insertMany<T extends keyof Database>(
  ctx: StoreContext,
  table: T,
  rows: readonly object[],
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  const key = `${ctx.dialect}\u0000${table}\u0000${rows.length}\u0000${columns.join(',')}`;
  let text = STATEMENTS.get(key);
  if (text === undefined) {
    let n = 0;
    const placeholder = (): string => (ctx.dialect === 'postgres' ? `$${++n}` : '?');
    const tuples = rows.map(() => `(${columns.map(placeholder).join(', ')})`);
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${tuples.join(', ')}`;
    // Full chunks recur run after run, and so do the sizes of a caller's slices; a few
    // dozen statements are kept (a full chunk's text is tens of kilobytes), oldest out first.
    if (STATEMENTS.size >= MAX_STATEMENTS) STATEMENTS.delete(STATEMENTS.keys().next().value!);
    STATEMENTS.set(key, text);
  }
  const parameters: unknown[] = new Array<unknown>(rows.length * columns.length);
  let at = 0;
  for (const row of rows as readonly Record<string, unknown>[])
    for (const column of columns) parameters[at++] = row[column] ?? null;
  await ctx.db.executeQuery(CompiledQuery.raw(text, parameters));
}
