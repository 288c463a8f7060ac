import { initialSchema } from '../migrations/0001_initial.js';
import type { Dialect } from '../repositories.js';

/**
 * Statements that leave a database as ApplyDesk 0001 left it: the first schema, its migration
 * recorded (in Kysely's table shape), and one job. Opening the store then must migrate it
 * forward without losing the job.
 */
export function schemaAt0001(dialect: Dialect): string[] {
  const at =
    dialect === 'sqlite' ? `'2024-05-02T10:00:00.000Z'` : `timestamptz '2024-05-02T10:00:00Z'`;
  const json = (text: string): string => (dialect === 'sqlite' ? `'${text}'` : `'${text}'::jsonb`);
  return [
    ...initialSchema(dialect),
    `create table kysely_migration (name varchar(255) not null primary key, timestamp varchar(255) not null)`,
    `insert into kysely_migration (name, timestamp) values ('0001_initial', '2024-05-01T00:00:00.000Z')`,
    `insert into jobs (id, source_type, source_id, external_id, url, canonical_url, title, company,
      location, remote, employment_type, seniority, salary, description_html, description_text,
      skills, skills_text, posted_at, fetched_at, expires_at, freelance, raw, status,
      content_hash, created_at, updated_at)
     values ('job_OLD', 'greenhouse', 'greenhouse:acme', 'old-1', 'https://example.com/old-1',
      'https://example.com/old-1', 'Old Engineer', 'Acme', null, 'remote', 'full_time', 'mid',
      null, '<p>Old</p>', 'Old', ${json('[]')}, '', ${at}, ${at}, null, null, null, 'open',
      'hash', ${at}, ${at})`,
  ];
}
