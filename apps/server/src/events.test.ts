import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { OpenEngine } from '@applydesk/engine';
import { createApp } from './app.js';
import { createLogger } from './logger.js';
import { emptyEngine, readUntil } from './test-support/access.js';

const logger = createLogger('silent');

let engine: OpenEngine;
let app: OpenAPIHono;
beforeAll(async () => {
  engine = await emptyEngine();
  app = createApp({ ctx: engine, logger, events: { pollMs: 20, heartbeatMs: 100 } });
});
afterAll(async () => engine.close());

const stageChanged = (entityId: string) => ({
  actor: 'test',
  entityType: 'application' as const,
  entityId,
  action: 'application.stage_changed',
  data: { from: 'shortlisted', to: 'applied' },
});

async function open(path: string, headers: Record<string, string> = {}) {
  const res = await app.request(path, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = res.body!.getReader();
  return { res, reader, state: { text: '' } };
}

describe('GET /api/events/stream', () => {
  it('sends an event appended after connecting, typed, with its id, and heartbeats', async () => {
    const { reader, state } = await open('/api/events/stream');
    try {
      await readUntil(reader, /retry: \d+/, state);
      const event = await engine.store.events.append(stageChanged('app_live'));
      await readUntil(reader, /event: stage\ndata: .*\nid: evt_\w+\n\n/, state);
      const block = /event: stage\ndata: (.*)\nid: (evt_\w+)\n\n/.exec(state.text)!;
      expect(block[2]).toBe(event.id);
      expect(JSON.parse(block[1]!)).toMatchObject({
        id: event.id,
        entityId: 'app_live',
        action: 'application.stage_changed',
        data: { to: 'applied' },
      });
      await readUntil(reader, /: heartbeat\n\n/, state);
    } finally {
      await reader.cancel();
    }
  });

  it('starts at the newest event: history is not replayed to a new client', async () => {
    await engine.store.events.append(stageChanged('app_old'));
    const { reader, state } = await open('/api/events/stream');
    try {
      await engine.store.events.append(stageChanged('app_new'));
      await readUntil(reader, /app_new/, state);
      expect(state.text).not.toContain('app_old');
    } finally {
      await reader.cancel();
    }
  });

  it('resumes after Last-Event-ID (or ?after=) with what was missed', async () => {
    const seen = await engine.store.events.append(stageChanged('app_seen'));
    const missed = await engine.store.events.append(stageChanged('app_missed'));
    for (const how of ['header', 'query'] as const) {
      const { reader, state } =
        how === 'header'
          ? await open('/api/events/stream', { 'last-event-id': seen.id })
          : await open(`/api/events/stream?after=${seen.id}`);
      try {
        await readUntil(reader, new RegExp(`id: ${missed.id}\\n`), state);
        expect(state.text).not.toContain('app_seen');
      } finally {
        await reader.cancel();
      }
    }
  });

  it('sends only the types asked for, and refuses unknown ones', async () => {
    const { reader, state } = await open('/api/events/stream?types=draft');
    try {
      await engine.store.events.append(stageChanged('app_filtered'));
      await engine.store.events.append({
        actor: 'test',
        entityType: 'draft',
        entityId: 'drf_1',
        action: 'draft.created',
        data: {},
      });
      await readUntil(reader, /event: draft\n/, state);
      expect(state.text).not.toContain('app_filtered');
    } finally {
      await reader.cancel();
    }
    const bad = await app.request('/api/events/stream?types=draft,gossip');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toContain('gossip');
  });
});
