import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '@applydesk/api-contract/client';
import type { OpenEngine } from '@applydesk/engine';
import { createApp } from './app.js';
import { createLogger } from './logger.js';
import { seededEngine } from './test-support/seeded-engine.js';

let engine: OpenEngine;
let app: ReturnType<typeof createApp>;
let client: ApiClient;

beforeAll(async () => {
  engine = await seededEngine();
  app = createApp({ ctx: engine, logger: createLogger('silent') });
  client = createApiClient({
    baseUrl: 'http://127.0.0.1:7070',
    fetch: (input, init) =>
      Promise.resolve(app.request(input instanceof Request ? input.url : input.toString(), init)),
  });
});
afterAll(() => engine.close());

describe('GET /api/events', () => {
  it('reads the log oldest first, the newest N without a cursor, then on from last_id', async () => {
    const all = await engine.store.events.list({ limit: 1000 });
    expect(all.length).toBeGreaterThan(10);
    const newest = await client.events({ limit: 5 });
    expect(newest.items.map((e) => e.id)).toEqual(all.slice(-5).map((e) => e.id));
    expect(newest.last_id).toBe(all.at(-1)?.id);
    // Each carries the kind the live stream gives it.
    const job = all.find((e) => e.entityType === 'job');
    const page = await client.events({ after: all[0]?.id ?? '', limit: 3 });
    expect(page.items.map((e) => e.id)).toEqual(all.slice(1, 4).map((e) => e.id));
    expect((await client.events({ entity_id: job?.entityId ?? '' })).items[0]?.type).toBe('job');

    // Nothing new: last_id stays where the reader is.
    const idle = await client.events({ after: newest.last_id ?? '' });
    expect(idle).toEqual({ items: [], last_id: newest.last_id });
  });

  it('filters by kind and entity: a stage move is found as a stage event of its application', async () => {
    const [listed] = (await client.jobs.list({ limit: 1 })).items;
    const { after } = { after: (await client.events({ limit: 1 })).last_id ?? '' };
    await client.jobs.moveStage(listed?.id ?? '', { stage: 'archived' });
    const stages = await client.events({ type: 'stage', after });
    expect(stages.items.length).toBeGreaterThan(0);
    expect(stages.items.every((e) => e.type === 'stage' && e.entityType === 'application')).toBe(
      true,
    );
    const applicationId = stages.items[0]?.entityId ?? '';
    const ofOne = await client.events({ entity_id: applicationId });
    expect(new Set(ofOne.items.map((e) => e.entityId))).toEqual(new Set([applicationId]));
    expect((await client.events({ type: 'draft', after })).items).toEqual([]);
  });

  it('refuses a cursor it did not make and a bad kind, naming the parameter', async () => {
    const bad = await app.request('/api/events?after=1%20or%201=1');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toMatch(/^after: /);
    const kind = await app.request('/api/events?type=gossip');
    expect(kind.status).toBe(400);
    expect(((await kind.json()) as { detail: string }).detail).toMatch(/type/);
    expect((await app.request('/api/events?limit=0')).status).toBe(400);
  });
});

describe('GET /api/matches', () => {
  it("lists the default profile's matches best first, with their parts and reasons", async () => {
    const { items } = await client.matches({ limit: 500, rejected: 'include' });
    const profile = await engine.store.profiles.getDefault();
    const stored = await engine.store.matches.listForProfile(profile?.id ?? '', { limit: 1000 });
    expect(items).toHaveLength(stored.length);
    const scores = items.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(items[0]?.reasons.length).toBeGreaterThan(0);
    expect(Object.keys(items[0]?.components ?? {}).length).toBeGreaterThan(0);
  });

  it('filters by score and by whether a filter holds the posting back', async () => {
    const all = (await client.matches({ limit: 500, rejected: 'include' })).items;
    const held = (await client.matches({ limit: 500, rejected: 'only' })).items;
    const open = (await client.matches({ limit: 500 })).items;
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((m) => m.rejection !== null)).toBe(true);
    expect(open.every((m) => m.rejection === null)).toBe(true);
    expect(held.length + open.length).toBe(all.length);
    const top = (await client.matches({ min_score: 60, rejected: 'include', limit: 500 })).items;
    expect(top.length).toBe(all.filter((m) => m.score >= 60).length);
    expect((await client.matches({ limit: 3 })).items).toHaveLength(3);
  });
});
