import { Cron } from 'croner';
import { z } from 'zod';
import { DomainError, formatIssues } from '@applydesk/domain';
import {
  findSourceAdapter,
  SOURCE_ADAPTERS,
  type AnySourceAdapter,
  type BaseSourceConfig,
} from '@applydesk/sources';

export interface SourceSettings {
  entries: readonly ({ name: string; type: string } & Record<string, unknown>)[];
  secret: (name: string) => string | undefined;
}

/** A configured source, checked against its adapter, with its secrets when they are all set. */
export interface ResolvedSource {
  name: string;
  sourceId: string;
  adapter: AnySourceAdapter;
  config: BaseSourceConfig & Record<string, unknown>;
  secrets: Record<string, unknown> | null;
  /** Why the source cannot run yet (missing secrets), or null. */
  unusable: string | null;
}

/** The environment variable names a source reads its secrets from. */
export function secretNames(adapter: AnySourceAdapter): string[] {
  const schema = adapter.secretSchema as unknown;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/**
 * Checks every configured source against its adapter. All problems come back at once as
 * CONFIG_INVALID, each as `sources.<i>.<option>: reason`, like the rest of the config.
 */
export function resolveSources(settings: SourceSettings): ResolvedSource[] {
  const problems: string[] = [];
  const resolved: ResolvedSource[] = [];
  settings.entries.forEach((entry, index) => {
    const adapter = findSourceAdapter(entry.type);
    if (adapter === undefined) {
      problems.push(
        `sources.${index}.type: unknown source type "${entry.type}" (known: ${SOURCE_ADAPTERS.map((a) => a.type).join(', ') || 'none'})`,
      );
      return;
    }
    const parsed = adapter.configSchema.safeParse(entry);
    if (!parsed.success) {
      for (const problem of formatIssues(parsed.error))
        problems.push(`sources.${index}.${problem}`);
      return;
    }
    const schedule = parsed.data.schedule;
    if (schedule !== undefined) {
      try {
        new Cron(schedule, { paused: true });
      } catch (error) {
        problems.push(
          `sources.${index}.schedule: "${schedule}" is not a cron expression (${error instanceof Error ? error.message : String(error)}); e.g. "0 */2 * * *" for every two hours`,
        );
        return;
      }
    }
    const names = secretNames(adapter);
    const values: Record<string, string> = {};
    for (const n of names) {
      const value = settings.secret(n);
      if (value !== undefined) values[n] = value;
    }
    const secrets = adapter.secretSchema.safeParse(values);
    const missing = secrets.success
      ? []
      : formatIssues(secrets.error).map((p) => p.split(':')[0] ?? p);
    resolved.push({
      name: entry.name,
      sourceId: `${adapter.type}:${entry.name}`,
      adapter,
      config: parsed.data,
      secrets: secrets.success ? secrets.data : null,
      unusable: secrets.success ? null : `set ${missing.join(', ')} in the environment or .env`,
    });
  });
  if (problems.length > 0) {
    throw new DomainError(
      'CONFIG_INVALID',
      `sources have ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.join('; ')}`,
      {
        hint: 'fix them in applydesk.yaml; `applydesk sources list` shows every type and its options',
        details: { problems, file: 'applydesk.yaml (sources)' },
      },
    );
  }
  return resolved;
}

/** One resolved source by name, or NOT_FOUND listing the names there are. */
export function pickSource(sources: readonly ResolvedSource[], name: string): ResolvedSource {
  const found = sources.find((s) => s.name === name);
  if (found !== undefined) return found;
  throw new DomainError('NOT_FOUND', `no source is named "${name}"`, {
    hint:
      sources.length === 0
        ? 'add one under `sources:` in applydesk.yaml'
        : `configured: ${sources.map((s) => s.name).join(', ')}`,
  });
}
