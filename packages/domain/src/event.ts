import { z } from 'zod';
import { Timestamp } from './job.js';

export const ENTITY_TYPES = [
  'job',
  'profile',
  'match',
  'draft',
  'application',
  'source',
  'system',
] as const;
export const EntityType = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityType>;

/** An entry of the append-only audit log: who did what to which thing, and when. */
export const EventInput = z.object({
  actor: z.string().min(1).describe('user, system, cli, api, scheduler, source:<id>'),
  entityType: EntityType,
  entityId: z.string(),
  action: z.string().min(1).describe('dotted verb, e.g. application.stage_changed'),
  data: z.record(z.string(), z.unknown()).default({}),
});
export type EventInput = z.infer<typeof EventInput>;
export type EventInputDraft = z.input<typeof EventInput>;

export const Event = EventInput.extend({
  id: z.string(),
  at: Timestamp,
});
export type Event = z.infer<typeof Event>;
