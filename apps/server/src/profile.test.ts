import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { ApiError, createApiClient } from '@applydesk/api-contract/client';
import type { Profile } from '@applydesk/domain';
import { createApiToken, type OpenEngine } from '@applydesk/engine';
import { SAMPLE, toMarkdown, toPdf } from '../../../packages/documents/src/test-support/resume.js';
import { createApp } from './app.js';
import { createLogger } from './logger.js';
import { access } from './test-support/access.js';
import { RUST_POSTING, seededEngine } from './test-support/seeded-engine.js';

interface ProblemJson {
  status: number;
  code: string;
  detail: string;
  hint?: string;
  errors?: { path: string; reason: string }[];
}
interface Updated {
  profile: Profile;
  ranked: { profileId: string; scored: number; computed: number; written: number };
}
interface Imported {
  stored: boolean;
  created: boolean;
  format: string;
  profile: Omit<Profile, 'id' | 'createdAt' | 'updatedAt'> & { id?: string };
  warnings: string[];
  unplaced: string[];
  preferences: string;
  ranked: { scored: number } | null;
}

let engine: OpenEngine;
let app: OpenAPIHono;
let rustJobId = '';

beforeAll(async () => {
  engine = await seededEngine({ count: 40, extra: [RUST_POSTING] });
  app = createApp({ ctx: engine, logger: createLogger('silent') });
  const found = (await (
    await app.request('/api/jobs?q=Ferrous&rejected=include&status=all')
  ).json()) as { items: { id: string; company: string }[] };
  rustJobId = found.items.find((j) => j.company === RUST_POSTING.company)?.id ?? '';
  expect(rustJobId).not.toBe('');
});
afterAll(() => engine.close());

const getProfile = async (): Promise<Profile> =>
  (await (await app.request('/api/profile')).json()) as Profile;

const scoreOf = async (jobId: string): Promise<number> => {
  const detail = (await (await app.request(`/api/jobs/${jobId}`)).json()) as {
    match: { score: number } | null;
  };
  return detail.match?.score ?? -1;
};

const put = (body: unknown, headers: Record<string, string> = {}, on = app) =>
  on.request('/api/profile', {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

function upload(
  bytes: Uint8Array | string,
  fileName: string,
  options: { dryRun?: boolean; type?: string; headers?: Record<string, string>; on?: OpenAPIHono },
) {
  const form = new FormData();
  form.append('file', new File([bytes], fileName, { type: options.type ?? '' }));
  return (options.on ?? app).request(
    `/api/profile/import${options.dryRun === true ? '?dry_run=true' : ''}`,
    { method: 'POST', body: form, headers: options.headers ?? {} },
  );
}

async function problem(res: Response, status: number): Promise<ProblemJson> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as ProblemJson;
}

describe('the OpenAPI document', () => {
  it('describes editing and importing the profile', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    expect(Object.keys(doc.paths['/api/profile'] ?? {}).sort()).toEqual(['get', 'put']);
    const importOp = doc.paths['/api/profile/import']?.post;
    expect(Object.keys(importOp?.requestBody?.content ?? {})).toEqual(['multipart/form-data']);
  });
});

describe('PUT /api/profile', () => {
  it('replaces the profile, re-ranks, and a skill added raises the score of postings asking for it', async () => {
    const before = await getProfile();
    const scoreBefore = await scoreOf(rustJobId);
    expect(before.skills.some((s) => s.keywords.includes('Rust'))).toBe(false);

    // What GET answered, sent back with one change: the keys the store adds are ignored.
    const edited = {
      ...before,
      basics: { ...before.basics, label: 'Backend Engineer (Rust, TypeScript)' },
      skills: before.skills.map((s) =>
        s.name === 'Backend' ? { ...s, keywords: [...s.keywords, 'Rust'] } : s,
      ),
    };
    const res = await put(edited);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Updated;
    expect(body.profile.id).toBe(before.id);
    expect(body.profile.name).toBe(before.name);
    expect(body.profile.basics.label).toBe('Backend Engineer (Rust, TypeScript)');
    expect(body.ranked.profileId).toBe(before.id);
    expect(body.ranked.computed).toBeGreaterThan(0);

    const after = await getProfile();
    expect(after.skills.find((s) => s.name === 'Backend')?.keywords).toContain('Rust');
    expect(after.preferences).toEqual(before.preferences);
    expect(await scoreOf(rustJobId)).toBeGreaterThan(scoreBefore);

    // Taking the skill away again lowers it back.
    await put(before);
    expect(await scoreOf(rustJobId)).toBe(scoreBefore);
  });

  it('answers 400 naming each bad field by its path, and changes nothing', async () => {
    const before = await getProfile();
    const res = await put({
      ...before,
      basics: { ...before.basics, name: '' },
      skills: [{ name: 'Backend', keywords: 'Rust' }],
      preferences: {
        ...before.preferences,
        remote: ['remote', 'moon'],
        salaryFloor: { amount: -5, currency: 'dollars', period: 'year' },
      },
    });
    const body = await problem(res, 400);
    expect(body.code).toBe('INVALID_INPUT');
    const paths = (body.errors ?? []).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'basics.name',
        'skills.0.keywords',
        'preferences.remote.1',
        'preferences.salaryFloor.amount',
        'preferences.salaryFloor.currency',
      ]),
    );
    expect(body.errors?.every((e) => e.reason.length > 0)).toBe(true);
    expect(await getProfile()).toEqual(before);
  });

  it('refuses a body that is not a profile at all', async () => {
    const body = await problem(await put({ skills: [] }), 400);
    expect(body.errors?.map((e) => e.path)).toContain('basics');
  });
});

describe('scopes', () => {
  it('needs a write token to change the profile; a read token gets 403', async () => {
    const secured = createApp({
      ctx: engine,
      logger: createLogger('silent'),
      server: access({ auth: 'required' }),
    });
    const read = (await createApiToken(engine, { name: 'profile-read', scope: 'read' })).secret;
    const write = (await createApiToken(engine, { name: 'profile-write', scope: 'write' })).secret;
    const before = await getProfile();

    expect(
      (await secured.request('/api/profile', { headers: { authorization: `Bearer ${read}` } }))
        .status,
    ).toBe(200);
    const denied = await problem(
      await put(before, { authorization: `Bearer ${read}` }, secured),
      403,
    );
    expect(denied.code).toBe('FORBIDDEN');
    const deniedImport = await upload(toMarkdown(SAMPLE), 'resume.md', {
      dryRun: true,
      headers: { authorization: `Bearer ${read}` },
      on: secured,
    });
    expect((await problem(deniedImport, 403)).code).toBe('FORBIDDEN');

    expect((await put(before, { authorization: `Bearer ${write}` }, secured)).status).toBe(200);
  });
});

describe('POST /api/profile/import', () => {
  it('with dry_run answers the parse and stores nothing', async () => {
    const before = await getProfile();
    const eventsBefore = await engine.store.events.list({ entityType: 'profile', limit: 500 });

    const res = await upload(toMarkdown(SAMPLE), 'jane-doe.md', { dryRun: true });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Imported;
    expect(body.stored).toBe(false);
    expect(body.ranked).toBeNull();
    expect(body.format).toBe('markdown');
    expect(body.created).toBe(false);
    expect(body.preferences).toBe('kept');
    expect(body.profile.basics.name).toBe('Jane Doe');
    expect(body.profile.name).toBe(before.name);
    expect(body.profile.id).toBeUndefined();
    expect(body.profile.work.map((w) => w.name)).toContain('Acme Payments GmbH');
    // The sample resume's Volunteering section has no place in a profile.
    expect(body.unplaced.join('\n')).toMatch(/Volunteer/i);
    expect(body.profile.preferences).toEqual(before.preferences);

    expect(await getProfile()).toEqual(before);
    expect(await engine.store.profiles.list()).toHaveLength(1);
    expect(await engine.store.events.list({ entityType: 'profile', limit: 500 })).toHaveLength(
      eventsBefore.length,
    );
  });

  it('stores a PDF resume, keeps the preferences, and re-ranks', async () => {
    const before = await getProfile();
    const res = await upload(await toPdf(SAMPLE), 'Jane Doe CV.pdf', { type: 'application/pdf' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Imported;
    expect(body).toMatchObject({
      stored: true,
      created: false,
      format: 'pdf',
      preferences: 'kept',
    });
    expect(body.ranked?.scored).toBeGreaterThan(0);

    const after = await getProfile();
    expect(after.id).toBe(before.id);
    expect(after.basics.name).toBe('Jane Doe');
    expect(after.skills).not.toEqual(before.skills);
    expect(after.preferences).toEqual(before.preferences);
    expect(await engine.store.profiles.list()).toHaveLength(1);
  });

  it('refuses a PNG named .pdf with the reason, and stores nothing', async () => {
    const before = await getProfile();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73]);
    const body = await problem(await upload(png, 'resume.pdf', { type: 'application/pdf' }), 400);
    expect(body.code).toBe('INVALID_INPUT');
    expect(body.detail).toContain('resume.pdf');
    expect(body.detail).toContain('PNG image');
    expect(body.hint).toMatch(/PDF or DOCX/);
    expect(await getProfile()).toEqual(before);
  });

  it("refuses a file over the server's body limit with 413", async () => {
    const small = createApp({
      ctx: engine,
      logger: createLogger('silent'),
      server: access({ bodyLimitBytes: 4096 }),
    });
    const big = `# Jane Doe\n\n${'Built things. '.repeat(1000)}`;
    const body = await problem(await upload(big, 'resume.md', { dryRun: true, on: small }), 413);
    expect(body.detail).toContain('4096 bytes');
  });

  it('names the missing file field, and refuses a body that is not a form', async () => {
    const empty = await app.request('/api/profile/import', {
      method: 'POST',
      body: new FormData(),
    });
    expect((await problem(empty, 400)).errors?.map((e) => e.path)).toEqual(['file']);
    const json = await app.request('/api/profile/import', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    await problem(json, 415);
  });
});

describe('the typed client', () => {
  const client = () =>
    createApiClient({
      baseUrl: 'http://127.0.0.1:7070',
      fetch: (input, init) =>
        Promise.resolve(app.request(input instanceof Request ? input.url : input.toString(), init)),
    });

  it('reads, updates and previews an import of the profile', async () => {
    const api = client();
    const profile = await api.profile();
    const updated = await api.profile.update({
      ...profile,
      basics: { ...profile.basics, summary: 'Edited through the typed client.' },
    });
    expect(updated.profile.basics.summary).toBe('Edited through the typed client.');
    expect(updated.ranked.scored).toBeGreaterThan(0);

    const file = new File([toMarkdown(SAMPLE)], 'jane.md', { type: 'text/markdown' });
    const preview = await api.profile.import(file, { dryRun: true });
    expect(preview).toMatchObject({ stored: false, format: 'markdown', preferences: 'kept' });
    expect((await api.profile()).basics.summary).toBe('Edited through the typed client.');
  });

  it('throws a refused file and invalid fields as ApiErrors with their reasons', async () => {
    const api = client();
    const refused = await api.profile
      .import(new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])]), {
        fileName: 'photo.pdf',
      })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(400);
    expect((refused as ApiError).message).toContain('JPEG image');

    const profile = await api.profile();
    const invalid = await api.profile
      .update({ ...profile, preferences: { ...profile.preferences, timeZones: [7 as never] } })
      .catch((e: unknown) => e);
    expect((invalid as ApiError).errors.map((e) => e.path)).toEqual(['preferences.timeZones.0']);
  });
});
