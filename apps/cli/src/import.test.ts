import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from './exit-codes.js';
import { runCli, tempHome } from './test-support/run-cli.js';

const FIXTURES = join(import.meta.dirname, '../../../packages/sources/src/file-import/fixtures');

describe('import', () => {
  it('imports a CSV file once, however often it is run', async () => {
    const home = tempHome();
    const first = await runCli(['import', join(FIXTURES, 'jobs.csv'), '--json'], {
      APPLYDESK_HOME: home,
    });
    const result = JSON.parse(first.stdout) as {
      created: number;
      unchanged: number;
      rowErrors: unknown[];
    };
    expect(result.created).toBeGreaterThan(0);
    const again = JSON.parse(
      (await runCli(['import', join(FIXTURES, 'jobs.csv'), '--json'], { APPLYDESK_HOME: home }))
        .stdout,
    ) as typeof result;
    expect(again).toMatchObject({ created: 0, unchanged: result.created });
  });

  it('names the bad rows and imports the rest, exiting 65', async () => {
    const home = tempHome();
    const file = join(home, 'mixed.csv');
    writeFileSync(
      file,
      'title,company,url\nData Analyst,Northwind,https://northwind.example/jobs/1\n,Northwind,https://northwind.example/jobs/2\n',
    );
    const run = await runCli(['import', file], { APPLYDESK_HOME: home });
    expect(run.code).toBe(EXIT.DATA);
    expect(run.stdout).toMatch(/1 new/);
    expect(run.stdout).toMatch(/row 3: .*title/);
  });

  it('says so when the file does not exist', async () => {
    const run = await runCli(['import', '/nonexistent/jobs.csv'], { APPLYDESK_HOME: tempHome() });
    expect(run.code).toBe(EXIT.NO_INPUT);
    expect(run.stderr).toContain('cannot read /nonexistent/jobs.csv (ENOENT)');
  });
});
