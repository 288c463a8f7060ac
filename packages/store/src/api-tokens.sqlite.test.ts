import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from './index.js';
import { defineApiTokenConformance } from './test-support/api-token-conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'applydesk-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

defineApiTokenConformance('SQLite API tokens', () =>
  openStore({ sqlitePath: join(dir, 'applydesk.db') }),
);
