import {
  ensureHome,
  loadConfig,
  type AppConfig,
  type ConfigOverrides,
  type DatabaseConfig,
} from '@applydesk/config';
import type { Command } from 'commander';
import { openEngine, type OpenEngine } from '@applydesk/engine';

/** Options every command accepts. */
export interface GlobalOptions {
  config?: string;
  home?: string;
  /** A server to talk to instead of the local database; false for --no-server. */
  server?: string | false;
  /** The variable holding the server's API token, instead of APPLYDESK_TOKEN. */
  tokenEnv?: string;
}

export function configFrom(
  global: GlobalOptions,
  extra: Omit<ConfigOverrides, 'configPath' | 'home'> = {},
): AppConfig {
  const overrides: ConfigOverrides = { ...extra };
  if (global.config !== undefined) overrides.configPath = global.config;
  if (global.home !== undefined) overrides.home = global.home;
  return loadConfig({ overrides });
}

/** Config loaded, home ensured, store opened and migrated. */
export async function openRuntime(
  config: AppConfig,
  options: { database?: DatabaseConfig } = {},
): Promise<OpenEngine> {
  ensureHome(config);
  return openEngine(config, options);
}

/** Runs `work` against the engine the command's global options name, closing it after. */
export async function withEngine<T>(
  command: Command,
  work: (engine: OpenEngine) => Promise<T>,
): Promise<T> {
  const engine = await openRuntime(configFrom(command.optsWithGlobals<GlobalOptions>()));
  try {
    return await work(engine);
  } finally {
    await engine.close();
  }
}
