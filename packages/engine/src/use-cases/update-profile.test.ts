import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '@applydesk/config';
import { DomainError } from '@applydesk/domain';
import { SAMPLE, toDocx, toMarkdown } from '../../../documents/src/test-support/resume.js';
import { sampleProfile } from '../demo/sample-profile.js';
import { openEngine, type OpenEngine } from '../open-engine.js';
import { saveProfile } from './profile.js';
import { reimportProfile, updateProfile } from './update-profile.js';

const NOW = new Date('2026-11-20T12:00:00Z');
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

let engine: OpenEngine;
beforeEach(async () => {
  engine = await openEngine(
    loadConfig({ env: { APPLYDESK_HOME: mkdtempSync(join(tmpdir(), 'applydesk-update-')) } }),
    { now: () => NOW },
  );
});
afterEach(() => engine.close());

describe('updateProfile', () => {
  it('replaces the content of the default profile, keeping its id and name', async () => {
    const stored = await saveProfile(engine, sampleProfile(), 'test');
    const { profile, ranked } = await updateProfile(
      engine,
      { ...stored, name: undefined, skills: [{ name: 'Systems', keywords: ['Rust'] }] },
      { actor: 'test' },
    );
    expect(profile.id).toBe(stored.id);
    expect(profile.name).toBe('default');
    expect(profile.skills).toEqual([{ name: 'Systems', keywords: ['Rust'] }]);
    expect(ranked.profileId).toBe(stored.id);
    expect(await engine.store.profiles.list()).toHaveLength(1);
  });

  it('refuses invalid fields by path, storing nothing', async () => {
    const stored = await saveProfile(engine, sampleProfile(), 'test');
    const error = await updateProfile(
      engine,
      {
        ...stored,
        basics: { ...stored.basics, name: '' },
        preferences: { ...stored.preferences, seniority: ['wizard' as never] },
      },
      { actor: 'test' },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('INVALID_INPUT');
    const problems = (error as DomainError).details?.problems as string[];
    expect(problems.map((p) => p.split(': ')[0])).toEqual([
      'basics.name',
      'preferences.seniority.0',
    ]);
    expect(await engine.store.profiles.getDefault()).toEqual(stored);
  });

  it("refuses to take another profile's name", async () => {
    await saveProfile(engine, sampleProfile(), 'test');
    await saveProfile(engine, { ...sampleProfile(), name: 'freelance' }, 'test');
    const error = await updateProfile(
      engine,
      { ...sampleProfile(), name: 'freelance' },
      { actor: 'test' },
    ).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe('CONFLICT');
  });

  it('says there is no profile to edit yet', async () => {
    const error = await updateProfile(engine, sampleProfile(), { actor: 'test' }).catch(
      (e: unknown) => e,
    );
    expect((error as DomainError).code).toBe('NOT_FOUND');
  });
});

describe('reimportProfile', () => {
  it('previews a resume exactly as importing it stores, and writes nothing', async () => {
    const stored = await saveProfile(engine, sampleProfile(), 'test');
    const events = (await engine.store.events.list({ limit: 1000 })).length;
    const file = { bytes: toDocx(SAMPLE), fileName: 'jane.docx' };

    const preview = await reimportProfile(engine, file, { actor: 'test', dryRun: true });
    expect(preview).toMatchObject({ stored: false, ranked: null, format: 'docx' });
    expect(preview.preferences).toBe('kept');
    expect(preview.profile).not.toHaveProperty('id');
    expect(await engine.store.profiles.list()).toEqual([stored]);
    expect(await engine.store.events.list({ limit: 1000 })).toHaveLength(events);

    const imported = await reimportProfile(engine, file, { actor: 'test' });
    expect(imported.stored).toBe(true);
    expect(imported.ranked).not.toBeNull();
    const { id, createdAt: _c, updatedAt: _u, ...content } = imported.profile as typeof stored;
    expect(id).toBe(stored.id);
    expect(content).toEqual(preview.profile);
    expect(content.preferences).toEqual(stored.preferences);
  });

  it('puts an ApplyDesk profile JSON of another name into the default profile', async () => {
    const stored = await saveProfile(engine, sampleProfile(), 'test');
    const other = { ...sampleProfile(), name: 'elsewhere', skills: [{ name: 'Go' }] };
    const result = await reimportProfile(
      engine,
      { bytes: encode(JSON.stringify(other)), fileName: 'profile.json' },
      { actor: 'test' },
    );
    expect(result.format).toBe('applydesk-profile');
    expect(result.profile.name).toBe('default');
    expect(await engine.store.profiles.list()).toHaveLength(1);
    expect((await engine.store.profiles.get(stored.id))?.skills).toEqual([
      { name: 'Go', keywords: [] },
    ]);
  });

  it('previews a first import as a new profile with default preferences', async () => {
    const preview = await reimportProfile(
      engine,
      { bytes: encode(toMarkdown(SAMPLE)), fileName: 'jane.md' },
      { actor: 'test', dryRun: true },
    );
    expect(preview).toMatchObject({ created: true, preferences: 'default', stored: false });
    expect(await engine.store.profiles.list()).toEqual([]);
  });
});
