import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '@applydesk/config';
import { DomainError, type Preferences } from '@applydesk/domain';
import { SAMPLE, toDocx, toMarkdown, toPdf } from '../../../documents/src/test-support/resume.js';
import { openEngine, type OpenEngine } from '../open-engine.js';
import { importProfile } from './import-profile.js';

const NOW = new Date('2026-11-20T12:00:00Z');
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A JSON Resume (jsonresume.org) with a section a Profile has no place for. */
const JSON_RESUME = {
  basics: {
    name: 'Ada Lovelace',
    label: 'Data Engineer',
    email: 'ada@example.com',
    profiles: [{ network: 'GitHub', username: 'ada', url: 'https://github.com/ada' }],
  },
  work: [
    {
      name: 'Analytical Engines Ltd',
      position: 'Data Engineer',
      startDate: '2020-04',
      endDate: 'Present',
      highlights: ['Built the nightly pipeline in Python and Airflow'],
    },
  ],
  skills: [{ name: 'Data', keywords: ['python', 'postgres'] }],
  awards: [{ title: 'Best paper', awarder: 'Example Society' }],
};

/** Preferences a user set by hand, none of them the defaults. */
const EDITED: Preferences = {
  targetTitles: ['Staff Engineer', 'Principal Engineer'],
  seniority: ['senior', 'lead'],
  locations: ['Berlin'],
  timeZones: ['Europe/Berlin'],
  remote: ['remote', 'hybrid'],
  salaryFloor: { amount: 95000, currency: 'EUR', period: 'year' },
  employmentTypes: ['full_time', 'contract'],
  avoidCompanies: ['Initech'],
  freelance: {
    minHourlyRate: 90,
    minFixedBudget: 2000,
    client: { paymentVerified: true, minSpent: 1000, minRating: 4.5, maxProposals: 20 },
  },
};

let engine: OpenEngine;
beforeEach(async () => {
  engine = await openEngine(
    loadConfig({ env: { APPLYDESK_HOME: mkdtempSync(join(tmpdir(), 'applydesk-profile-')) } }),
    { now: () => NOW },
  );
});
afterEach(() => engine.close());

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** Stores the profile again with the edited preferences, as `profile import` of a JSON would. */
async function setPreferences(name: string): Promise<void> {
  const stored = (await engine.store.profiles.list()).find((p) => p.name === name);
  if (stored === undefined) throw new Error(`no profile ${name}`);
  const json = JSON.stringify({ ...stored, preferences: EDITED });
  await importProfile(engine, { bytes: encode(json), fileName: 'profile.json' }, 'test');
}

describe('importProfile: each format into a new profile', () => {
  it('imports a real PDF into the default profile, keeping what it could not place', async () => {
    const result = await importProfile(
      engine,
      { bytes: await toPdf(SAMPLE), fileName: 'jane.pdf' },
      'test',
    );
    expect(result).toMatchObject({ created: true, format: 'pdf', preferences: 'default' });
    expect(result.profile.name).toBe('default');
    expect(result.profile.basics.name).toBe('Jane Doe');
    expect(result.profile.work.map((w) => w.name)).toEqual([
      'Acme Payments GmbH',
      'Globex Corporation',
      'Self-employed',
    ]);
    expect(result.unplaced).toHaveLength(3);
    expect(result.profile.unplaced).toEqual(result.unplaced);
    expect(result.warnings.some((w) => w.includes('Volunteering'))).toBe(true);
    // Stored, and the default profile now.
    const stored = await engine.store.profiles.getDefault();
    expect(stored?.id).toBe(result.profile.id);
    expect(stored?.education[0]?.institution).toBe('Technical University of Berlin');
  });

  it('imports a real DOCX under the name asked for', async () => {
    const result = await importProfile(
      engine,
      { bytes: toDocx(SAMPLE), fileName: 'jane.docx', name: '  freelance  ' },
      'test',
    );
    expect(result).toMatchObject({ created: true, format: 'docx' });
    expect(result.profile.name).toBe('freelance');
    expect(result.profile.skills.flatMap((s) => s.keywords)).toContain('Kubernetes');
    expect((await engine.store.profiles.list()).map((p) => p.name)).toEqual(['freelance']);
  });

  it('imports Markdown', async () => {
    const result = await importProfile(
      engine,
      { bytes: encode(toMarkdown(SAMPLE)), fileName: 'jane.md', mediaType: 'text/markdown' },
      'test',
    );
    expect(result.format).toBe('markdown');
    expect(result.profile.projects[0]?.name).toBe('ApplyDesk');
    expect(result.profile.languages.map((l) => l.language)).toEqual([
      'English',
      'German',
      'Spanish',
    ]);
  });

  it('imports a JSON Resume, its extra section in unplaced', async () => {
    const result = await importProfile(
      engine,
      { bytes: encode(JSON.stringify(JSON_RESUME)), fileName: 'ada.json' },
      'test',
    );
    expect(result.format).toBe('json-resume');
    expect(result.profile.basics.name).toBe('Ada Lovelace');
    expect(result.profile.work[0]).toMatchObject({
      name: 'Analytical Engines Ltd',
      startDate: '2020-04',
    });
    expect(result.profile.work[0]?.endDate).toBeUndefined();
    expect(result.profile.skills[0]?.keywords).toEqual(['Python', 'PostgreSQL']);
    expect(result.unplaced).toEqual(['awards: Best paper · Example Society']);
  });
});

describe('importProfile: preferences', () => {
  it('keeps the stored preferences when a resume is imported again', async () => {
    const first = await importProfile(
      engine,
      { bytes: encode(toMarkdown(SAMPLE)), fileName: 'jane.md' },
      'test',
    );
    await setPreferences('default');
    const again = await importProfile(
      engine,
      { bytes: await toPdf(SAMPLE), fileName: 'jane-2026.pdf' },
      'test',
    );
    expect(again).toMatchObject({ created: false, preferences: 'kept', format: 'pdf' });
    expect(again.profile.id).toBe(first.profile.id);
    expect(again.profile.preferences).toEqual(EDITED);
    expect((await engine.store.profiles.get(first.profile.id))?.preferences).toEqual(EDITED);
    expect(await engine.store.profiles.list()).toHaveLength(1);
  });

  it('keeps them only for the profile of that name', async () => {
    await importProfile(engine, { bytes: encode(toMarkdown(SAMPLE)), fileName: 'a.md' }, 'test');
    await setPreferences('default');
    const other = await importProfile(
      engine,
      { bytes: encode(toMarkdown(SAMPLE)), fileName: 'a.md', name: 'other' },
      'test',
    );
    expect(other).toMatchObject({ created: true, preferences: 'default' });
    expect(other.profile.preferences.targetTitles).toEqual([]);
    expect(other.profile.preferences.salaryFloor).toBeNull();
  });

  it('replaces them, and everything else, from an ApplyDesk profile JSON (show --json)', async () => {
    const first = await importProfile(
      engine,
      { bytes: await toPdf(SAMPLE), fileName: 'jane.pdf' },
      'test',
    );
    const shown = JSON.parse(JSON.stringify(first.profile)) as typeof first.profile;
    shown.preferences = EDITED;
    shown.basics.label = 'Staff Engineer';
    const result = await importProfile(
      engine,
      { bytes: encode(JSON.stringify(shown, null, 2)), fileName: 'profile.json' },
      'test',
    );
    expect(result).toMatchObject({
      created: false,
      format: 'applydesk-profile',
      preferences: 'imported',
      warnings: [],
    });
    expect(result.profile.id).toBe(first.profile.id);
    expect(result.profile.preferences).toEqual(EDITED);
    expect(result.profile.basics.label).toBe('Staff Engineer');
    // Not read as a JSON Resume: no `preferences:`, `id:` or `name:` lines in unplaced.
    expect(result.profile.unplaced).toEqual(first.profile.unplaced);
    const { id: _i, createdAt: _c, updatedAt: _u, ...before } = first.profile;
    const { id: _i2, createdAt: _c2, updatedAt: _u2, ...after } = result.profile;
    expect(after).toEqual({
      ...before,
      preferences: EDITED,
      basics: { ...before.basics, label: 'Staff Engineer' },
    });
  });

  it('saves an ApplyDesk profile JSON under its own name unless another is asked for', async () => {
    const first = await importProfile(
      engine,
      { bytes: encode(toMarkdown(SAMPLE)), fileName: 'jane.md', name: 'contracts' },
      'test',
    );
    const json = encode(JSON.stringify({ ...first.profile, preferences: EDITED }));
    const same = await importProfile(engine, { bytes: json, fileName: 'p.json' }, 'test');
    expect(same).toMatchObject({ created: false });
    expect(same.profile.id).toBe(first.profile.id);
    const copy = await importProfile(
      engine,
      { bytes: json, fileName: 'p.json', name: 'copy' },
      'test',
    );
    expect(copy.created).toBe(true);
    expect(copy.profile.preferences).toEqual(EDITED);
    expect((await engine.store.profiles.list()).map((p) => p.name).sort()).toEqual([
      'contracts',
      'copy',
    ]);
  });

  it('warns about keys an ApplyDesk profile does not have', async () => {
    const result = await importProfile(
      engine,
      {
        bytes: encode(JSON.stringify({ basics: { name: 'Jo' }, preferences: {}, hobbies: ['x'] })),
        fileName: 'jo.json',
      },
      'test',
    );
    expect(result.warnings).toEqual([
      '"hobbies" is not a field of an ApplyDesk profile; it was ignored',
    ]);
    expect(result.profile.preferences.remote).toEqual(['remote']);
  });
});

describe('importProfile: refusals store nothing', () => {
  async function expectNothingStored(): Promise<void> {
    expect(await engine.store.profiles.list()).toEqual([]);
  }

  it('refuses a damaged PDF', async () => {
    const error = await refusal(
      importProfile(
        engine,
        { bytes: encode('%PDF-1.7\n1 0 obj garbage\n%%EOF'), fileName: 'cv.pdf' },
        'test',
      ),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/^cv\.pdf: the PDF is damaged/);
    await expectNothingStored();
  });

  it('refuses a Windows program', async () => {
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
    const error = await refusal(importProfile(engine, { bytes: exe, fileName: 'cv.exe' }, 'test'));
    expect(error.message).toMatch(/^cv\.exe: not a PDF, DOCX, Markdown, text or JSON Resume file/);
    await expectNothingStored();
  });

  it('refuses an invalid JSON Resume, listing each problem', async () => {
    const bad = { basics: { name: 'Ada' }, work: [{ name: 'X', startDate: 'last spring' }] };
    const error = await refusal(
      importProfile(engine, { bytes: encode(JSON.stringify(bad)), fileName: 'bad.json' }, 'test'),
    );
    expect(error.message).toMatch(/^bad\.json: not a valid JSON Resume: work\.0\.startDate/);
    expect(error.details?.problems).toHaveLength(1);
    await expectNothingStored();
  });

  it('refuses an invalid ApplyDesk profile and keeps the stored one as it was', async () => {
    const first = await importProfile(
      engine,
      { bytes: encode(toMarkdown(SAMPLE)), fileName: 'jane.md' },
      'test',
    );
    const bad = {
      ...first.profile,
      preferences: { salaryFloor: { amount: -1, currency: 'euro', period: 'year' } },
    };
    const error = await refusal(
      importProfile(engine, { bytes: encode(JSON.stringify(bad)), fileName: 'p.json' }, 'test'),
    );
    expect(error.message).toMatch(/^p\.json: not a valid ApplyDesk profile: /);
    expect(error.details?.problems).toEqual([
      expect.stringMatching(/^preferences\.salaryFloor\.amount: /),
      expect.stringMatching(/^preferences\.salaryFloor\.currency: /),
    ]);
    expect(await engine.store.profiles.get(first.profile.id)).toEqual(first.profile);
  });

  it('refuses a resume naming no person when there is no profile to take a name from', async () => {
    const nameless = encode(JSON.stringify({ work: [{ name: 'X', position: 'Y' }] }));
    const error = await refusal(
      importProfile(engine, { bytes: nameless, fileName: 'anon.json' }, 'test'),
    );
    expect(error.message).toBe('anon.json: no name of a person found in it');
    await expectNothingStored();
    // With a stored profile of that name, its person's name is kept, with a warning.
    await importProfile(engine, { bytes: encode(toMarkdown(SAMPLE)), fileName: 'j.md' }, 'test');
    const result = await importProfile(engine, { bytes: nameless, fileName: 'anon.json' }, 'test');
    expect(result.profile.basics.name).toBe('Jane Doe');
    expect(result.profile.work).toEqual([{ name: 'X', position: 'Y', highlights: [] }]);
    expect(result.warnings).toEqual([
      'the file names no person; the name "Jane Doe" of the stored profile was kept',
    ]);
  });

  it('refuses an empty profile name', async () => {
    const error = await refusal(
      importProfile(
        engine,
        { bytes: encode(toMarkdown(SAMPLE)), fileName: 'j.md', name: ' ' },
        'test',
      ),
    );
    expect(error.code).toBe('INVALID_INPUT');
    await expectNothingStored();
  });
});
