import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { main } from '../main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function tempHome(): string {
  return mkdtempSync(join(tmpdir(), 'applydesk-cli-'));
}

/**
 * Runs the CLI in-process against a clean environment: only APPLYDESK_HOME, so a
 * DATABASE_URL in the caller's environment never leaks into a command under test.
 */
export async function runCli(
  args: string[],
  env: Record<string, string> = {},
  /** Sees stderr as it is written, for tests that act on what a running command prints. */
  onErr?: (text: string) => void,
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  for (const name of [
    'DATABASE_URL',
    'APPLYDESK_HOME',
    'APPLYDESK_CONFIG',
    'APPLYDESK_PORT',
    'APPLYDESK_HOST',
    'APPLYDESK_LOG_LEVEL',
    'APPLYDESK_SERVER',
    'APPLYDESK_TOKEN',
  ]) {
    vi.stubEnv(name, undefined);
  }
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  try {
    const code = await main(['node', 'applydesk', ...args], {
      out: (t) => (stdout += t),
      err: (t) => {
        stderr += t;
        onErr?.(t);
      },
      interactive: false,
    });
    return { code, stdout, stderr };
  } finally {
    vi.unstubAllEnvs();
  }
}

export const BIN = join(dirname(fileURLToPath(import.meta.url)), '../../bin/applydesk.js');

/** Spawns the real `applydesk` executable (needs `npm run build`). */
export function spawnCli(args: string[], env: Record<string, string>): ReturnType<typeof spawn> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !k.startsWith('APPLYDESK_') && k !== 'DATABASE_URL',
    ),
  );
  return spawn(process.execPath, [BIN, ...args], {
    env: { ...clean, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
