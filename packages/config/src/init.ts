import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DomainError } from '@applydesk/domain';
import { STARTER_CONFIG } from './starter.js';

/** Writes the commented starter applydesk.yaml; refuses to overwrite unless forced. */
export function writeStarterConfig(path: string, options: { force?: boolean } = {}): void {
  if (existsSync(path) && options.force !== true) {
    throw new DomainError('CONFLICT', `${path} already exists`, {
      hint: 'edit it, or run `applydesk init --force` to replace it with the starter file',
    });
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, STARTER_CONFIG, { mode: 0o600 });
}
