import type { AppConfig, DatabaseConfig } from '@applydesk/config';
import { openStore } from '@applydesk/store';
import type { EngineContext } from './context.js';
import { openGateway } from './llm/open-gateway.js';
import { SecretVault } from './secrets/vault.js';

export interface OpenEngine extends EngineContext {
  close(): Promise<void>;
}

/** What ranking and drafting read, as the configuration gives it (updated in place by a settings save). */
export function engineSettings(config: AppConfig): EngineContext['settings'] {
  return {
    minMatchScore: config.ranking.minMatchScore,
    weights: config.ranking.weights,
    ranking: { recency: config.ranking.recency },
    filters: config.filters,
    draftTop: config.drafting.top,
    drafting: { tone: config.drafting.tone, templates: config.drafting.templates },
  };
}

/** Opens the configured store (migrating it) and binds the settings every use-case reads. */
export async function openEngine(
  config: AppConfig,
  options: { database?: DatabaseConfig; now?: () => Date } = {},
): Promise<OpenEngine> {
  const database = options.database ?? config.database;
  const store = await openStore(
    database.kind === 'postgres' ? { databaseUrl: database.url } : { sqlitePath: database.path },
  );
  const llm = openGateway(config.llm, {
    store,
    secret: config.secret,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  return {
    store,
    ...(llm === undefined ? {} : { llm }),
    settings: engineSettings(config),
    config,
    sources: { entries: config.sources, secret: config.secret, http: config.http },
    now: options.now ?? (() => new Date()),
    vault: new SecretVault(store.secrets, config.secretKey),
    close: () => store.close(),
  };
}
