import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Preferences, Profile } from '@applydesk/domain';
import {
  SAMPLE,
  toDocx,
  toMarkdown,
  toPdf,
} from '../../../packages/documents/src/test-support/resume.js';
import { EXIT } from './exit-codes.js';
import { runCli, tempHome, type CliRun } from './test-support/run-cli.js';

const NO_STACK = /\n\s+at /;

/** A fresh home, and a way to run the CLI in it. */
function desk(): { home: string; cli: (...args: string[]) => Promise<CliRun> } {
  const home = tempHome();
  return { home, cli: (...args) => runCli(args, { APPLYDESK_HOME: home }) };
}

function write(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function shownJson(cli: (...args: string[]) => Promise<CliRun>): Promise<Profile> {
  const run = await cli('profile', 'show', '--json');
  expect(run.code).toBe(EXIT.OK);
  return JSON.parse(run.stdout) as Profile;
}

const EDITED: Preferences = {
  targetTitles: ['Staff Engineer'],
  seniority: ['senior'],
  locations: ['Berlin'],
  timeZones: [],
  remote: ['remote', 'hybrid'],
  salaryFloor: { amount: 95000, currency: 'EUR', period: 'year' },
  employmentTypes: ['full_time'],
  avoidCompanies: ['Initech'],
  freelance: {
    minHourlyRate: 90,
    minFixedBudget: null,
    client: { paymentVerified: true, minSpent: null, minRating: null, maxProposals: 20 },
  },
};

describe('profile import', () => {
  it('imports a real PDF and prints what it read (--json)', async () => {
    const { home, cli } = desk();
    const file = write(home, 'jane.pdf', await toPdf(SAMPLE));
    const run = await cli('profile', 'import', file, '--json');
    expect(run.code).toBe(EXIT.OK);
    const result = JSON.parse(run.stdout) as {
      created: boolean;
      format: string;
      profile: Profile;
      warnings: string[];
      unplaced: string[];
    };
    expect(result).toMatchObject({ created: true, format: 'pdf' });
    expect(result.profile.basics.name).toBe('Jane Doe');
    expect(result.profile.work).toHaveLength(3);
    expect(result.unplaced).toHaveLength(3);
    expect((await shownJson(cli)).id).toBe(result.profile.id);
  });

  it('imports a real DOCX and summarizes it: counts, warnings, unplaced lines', async () => {
    const { home, cli } = desk();
    const file = write(home, 'jane.docx', toDocx(SAMPLE));
    const run = await cli('profile', 'import', file, '--name', 'contracts');
    expect(run.code).toBe(EXIT.OK);
    expect(run.stdout).toContain(
      `Imported ${file} (DOCX) into the new profile "contracts": Jane Doe, Senior Software Engineer`,
    );
    expect(run.stdout).toContain(
      '3 roles, 12 skills, 1 project, 1 education entry, 2 certificates, 3 languages',
    );
    expect(run.stdout).toMatch(/^1 warning:\n {2}- section "Volunteering"/m);
    expect(run.stdout).toContain(
      '3 lines could not be placed in a section: see "Not placed" in `applydesk profile show --name contracts`',
    );
  });

  it('imports Markdown and a JSON Resume', async () => {
    const { home, cli } = desk();
    const md = await cli('profile', 'import', write(home, 'jane.md', toMarkdown(SAMPLE)));
    expect(md.code).toBe(EXIT.OK);
    expect(md.stdout).toMatch(/\(Markdown\) into the new profile "default"/);

    const resume = {
      basics: { name: 'Ada Lovelace', email: 'ada@example.com' },
      work: [{ name: 'Engines Ltd', position: 'Analyst', startDate: '2021-02', highlights: [] }],
      skills: [{ name: 'Data', keywords: ['python'] }],
    };
    const json = await cli(
      'profile',
      'import',
      write(home, 'ada.json', JSON.stringify(resume)),
      '--name',
      'ada',
    );
    expect(json.code).toBe(EXIT.OK);
    expect(json.stdout).toContain('(JSON Resume) into the new profile "ada": Ada Lovelace');
    expect(json.stdout).toContain('1 role, 1 skill, 0 projects, 0 education entries');
    const list = await cli('profile', 'list', '--json');
    expect(
      (JSON.parse(list.stdout) as { name: string; person: string; default: boolean }[]).map((p) => [
        p.name,
        p.person,
        p.default,
      ]),
    ).toEqual([
      ['default', 'Jane Doe', true],
      ['ada', 'Ada Lovelace', false],
    ]);
    expect((await cli('profile', 'list')).stdout).toMatch(/^\* default +Jane Doe +3 /m);
  });
});

describe('profile show', () => {
  it('shows every section, the preferences and the unplaced text', async () => {
    const { home, cli } = desk();
    await cli('profile', 'import', write(home, 'jane.md', toMarkdown(SAMPLE)));
    const run = await cli('profile', 'show');
    expect(run.code).toBe(EXIT.OK);
    const out = run.stdout;
    expect(out).toMatch(/^Jane Doe\nSenior Software Engineer\njane\.doe@example\.com · /m);
    expect(out).toContain(
      '\nExperience\n  Senior Software Engineer, Acme Payments GmbH — Berlin, Germany (2019-03 – present)\n    - Led the migration',
    );
    expect(out).toContain('  Backend Developer, Globex Corporation — Hamburg (2016-01 – 2019-02)');
    expect(out).toContain('\nSkills\n  Languages: TypeScript, JavaScript, Go, Python\n');
    expect(out).toContain(
      '\nProjects\n  ApplyDesk — a self-hosted job-hunting desk (2023 – present)',
    );
    expect(out).toContain(
      '\nEducation\n  BSc in Computer Science, Technical University of Berlin (2012 – 2016), score 1.7\n',
    );
    expect(out).toContain('\nCertificates\n  AWS Certified Solutions Architect – Associate');
    expect(out).toContain('\nLanguages\n  English (fluent)\n  German (native)\n');
    expect(out).toContain('\nLinks\n  LinkedIn: https://linkedin.com/in/janedoe-dev\n');
    expect(out).toContain('\nPreferences\n  target titles: any\n');
    expect(out).toContain('  remote: remote\n  salary floor: none\n');
    expect(out).toMatch(
      /\nNot placed \(3 lines .*\)\n {2}Volunteering\n {2}Mentor — Code Club Berlin/,
    );
  });

  it('says how to get a profile when there is none, or none of that name', async () => {
    const { home, cli } = desk();
    const none = await cli('profile', 'show');
    expect(none.code).toBe(EXIT.NO_INPUT);
    expect(none.stderr).toMatch(/^error: there is no profile yet\nfix: .*profile import/);
    await cli('profile', 'import', write(home, 'jane.md', toMarkdown(SAMPLE)));
    const missing = await cli('profile', 'show', '--name', 'nope');
    expect(missing.code).toBe(EXIT.NO_INPUT);
    expect(missing.stderr).toContain('error: there is no profile named "nope"');
  });
});

describe('editing preferences: show --json, edit, import', () => {
  it('round-trips: the edited preferences are stored, and re-importing a resume keeps them', async () => {
    const { home, cli } = desk();
    await cli('profile', 'import', write(home, 'jane.md', toMarkdown(SAMPLE)));
    const shown = await shownJson(cli);
    expect(shown.preferences.targetTitles).toEqual([]);

    const edited = write(
      home,
      'profile.json',
      JSON.stringify({ ...shown, preferences: EDITED }, null, 2),
    );
    const back = await cli('profile', 'import', edited);
    expect(back.code).toBe(EXIT.OK);
    expect(back.stdout).toContain('(ApplyDesk profile JSON) into the profile "default"');
    expect(back.stdout).toContain('preferences: taken from the file');
    expect(back.stdout).not.toContain('warning');
    const afterEdit = await shownJson(cli);
    expect(afterEdit.preferences).toEqual(EDITED);
    expect(afterEdit.id).toBe(shown.id);
    // Nothing else changed: no profile fields read as JSON Resume sections into unplaced.
    expect({ ...afterEdit, updatedAt: shown.updatedAt }).toEqual({
      ...shown,
      preferences: EDITED,
    });

    const reimport = await cli('profile', 'import', write(home, 'jane.pdf', await toPdf(SAMPLE)));
    expect(reimport.code).toBe(EXIT.OK);
    expect(reimport.stdout).toContain('preferences: kept from the stored profile');
    const afterResume = await shownJson(cli);
    expect(afterResume.preferences).toEqual(EDITED);
    expect(afterResume.id).toBe(shown.id);
    expect(JSON.parse((await cli('profile', 'list', '--json')).stdout)).toHaveLength(1);
    const text = (await cli('profile', 'show')).stdout;
    expect(text).toContain('  target titles: Staff Engineer\n');
    expect(text).toContain('  salary floor: 95000 EUR per year\n');
    expect(text).toContain('  freelance rates: hourly rate at least 90\n');
    expect(text).toContain('  freelance clients: payment verified, at most 20 proposals\n');
  });
});

describe('profile import refusals store nothing', () => {
  async function expectRefused(
    cli: (...args: string[]) => Promise<CliRun>,
    run: CliRun,
    code: number,
    message: RegExp,
  ): Promise<void> {
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/^fix: /m);
    expect(run.stderr).not.toMatch(NO_STACK);
    expect(JSON.parse((await cli('profile', 'list', '--json')).stdout)).toEqual([]);
  }

  it('a missing file', async () => {
    const { home, cli } = desk();
    const missing = join(home, 'nowhere.pdf');
    await expectRefused(
      cli,
      await cli('profile', 'import', missing),
      EXIT.NO_INPUT,
      new RegExp(`^error: cannot read ${missing}: no such file \\(ENOENT\\)$`, 'm'),
    );
  });

  it('a corrupt PDF', async () => {
    const { home, cli } = desk();
    const pdf = await toPdf(SAMPLE);
    const file = write(home, 'cut.pdf', pdf.subarray(0, 400));
    await expectRefused(
      cli,
      await cli('profile', 'import', file),
      EXIT.DATA,
      new RegExp(`^error: ${file}: the PDF is damaged or not a valid PDF`, 'm'),
    );
  });

  it('a program (.exe) and an unknown binary type', async () => {
    const { home, cli } = desk();
    const exe = write(home, 'cv.exe', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]));
    await expectRefused(
      cli,
      await cli('profile', 'import', exe),
      EXIT.DATA,
      new RegExp(
        `^error: ${exe}: not a PDF, DOCX, Markdown, text or JSON Resume file \\(it starts with "MZ.*which is binary, not text\\)$`,
        'm',
      ),
    );
    const png = write(home, 'cv.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]));
    await expectRefused(cli, await cli('profile', 'import', png), EXIT.DATA, /: a PNG image\)$/m);
  });

  it('an invalid JSON Resume, each problem on its own line', async () => {
    const { home, cli } = desk();
    const file = write(
      home,
      'bad.json',
      JSON.stringify({ basics: { name: 'Ada', email: 3 }, work: [{ startDate: 'spring' }] }),
    );
    const run = await cli('profile', 'import', file);
    await expectRefused(
      cli,
      run,
      EXIT.DATA,
      new RegExp(`^error: ${file}: not a valid JSON Resume:\\n {2}- basics\\.email: `, 'm'),
    );
    expect(run.stderr).toMatch(/^ {2}- work\.0\.startDate: expected a date/m);
  });

  it('an invalid profile JSON leaves the stored profile as it was', async () => {
    const { home, cli } = desk();
    await cli('profile', 'import', write(home, 'jane.md', toMarkdown(SAMPLE)));
    const before = await shownJson(cli);
    const file = write(
      home,
      'profile.json',
      JSON.stringify({ ...before, preferences: { remote: ['sometimes'] } }),
    );
    const run = await cli('profile', 'import', file);
    expect(run.code).toBe(EXIT.DATA);
    expect(run.stderr).toMatch(
      new RegExp(`^error: ${file}: not a valid ApplyDesk profile: preferences\\.remote\\.0: `, 'm'),
    );
    expect(await shownJson(cli)).toEqual(before);
    expect(readFileSync(file, 'utf8')).toContain('sometimes');
  });

  it('an empty --name', async () => {
    const { home, cli } = desk();
    await expectRefused(
      cli,
      await cli('profile', 'import', write(home, 'jane.md', toMarkdown(SAMPLE)), '--name', ' '),
      EXIT.DATA,
      /^error: --name is empty$/m,
    );
  });
});
