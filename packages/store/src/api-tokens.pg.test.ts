import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { openStore } from './index.js';
import { defineApiTokenConformance } from './test-support/api-token-conformance.js';

const url = process.env.DATABASE_URL;
const schema = `t_${randomBytes(6).toString('hex')}`;

async function dropSchema(): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

describe.skipIf(!url)('PostgreSQL API tokens (skipped: set DATABASE_URL)', () => {
  defineApiTokenConformance(
    'PostgreSQL API tokens',
    () => openStore({ databaseUrl: url!, pgSchema: schema }),
    dropSchema,
  );
});
