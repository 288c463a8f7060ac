import type { SourceTestResult } from '@applydesk/sources';
import type { EngineContext } from '../context.js';
import { pickSource, resolveSources } from './resolve-sources.js';
import { httpClientFor, sourceContext } from './run-sources.js';

/** Proves access to one configured source with one cheap request; never throws for a source's own failure. */
export async function testSource(
  ctx: EngineContext,
  name: string,
): Promise<SourceTestResult & { name: string; type: string }> {
  const source = pickSource(
    resolveSources(ctx.sources ?? { entries: [], secret: () => undefined }),
    name,
  );
  const base = { name: source.name, type: source.adapter.type };
  if (source.unusable !== null) return { ...base, ok: false, message: source.unusable };
  try {
    return {
      ...base,
      ...(await source.adapter.test(sourceContext(ctx, source, httpClientFor(ctx)))),
    };
  } catch (error) {
    return { ...base, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
