import { DomainError, type EntityType, type Event, type Match } from '@applydesk/domain';
import type { EngineContext } from '../context.js';

/** Ids are `evt_` + time-ordered base32; anything else is not a cursor the log made. */
const EVENT_ID = /^evt_[0-9A-Z]{26}$/;

/**
 * The event log, oldest first: after an event id (to read on), else the newest `limit`;
 * optionally of one kind of entity, or of one entity.
 */
export async function listEvents(
  ctx: EngineContext,
  options: { entityType?: EntityType; entityId?: string; after?: string; limit: number },
): Promise<Event[]> {
  if (options.after !== undefined && !EVENT_ID.test(options.after))
    throw new DomainError('INVALID_INPUT', `after: "${options.after}" is not an event id`, {
      hint: 'pass the last_id of a previous answer, or an event id from the stream',
    });
  return ctx.store.events.list({
    limit: options.limit,
    ...(options.entityType === undefined ? {} : { entityType: options.entityType }),
    ...(options.entityId === undefined ? {} : { entityId: options.entityId }),
    ...(options.after === undefined ? {} : { afterId: options.after }),
  });
}

/** The default profile's matches, best first; none without a profile. */
export async function listMatches(
  ctx: EngineContext,
  options: { minScore?: number; rejected?: boolean; limit: number },
): Promise<Match[]> {
  const profileId = await ctx.store.profiles.defaultId();
  if (profileId === null) return [];
  return ctx.store.matches.listForProfile(profileId, {
    limit: options.limit,
    ...(options.minScore === undefined ? {} : { minScore: options.minScore }),
    ...(options.rejected === undefined ? {} : { rejected: options.rejected }),
  });
}
