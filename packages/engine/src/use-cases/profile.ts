import {
  DomainError,
  ProfileInput,
  parseOrThrow,
  type Profile,
  type ProfileInputDraft,
} from '@applydesk/domain';
import type { EngineContext } from '../context.js';

/** The profile a request means: the one named, else the default one. */
export async function resolveProfile(ctx: EngineContext, profileId?: string): Promise<Profile> {
  const profile =
    profileId === undefined
      ? await ctx.store.profiles.getDefault()
      : await ctx.store.profiles.get(profileId);
  if (profile !== null) return profile;
  throw profileId === undefined
    ? new DomainError('NOT_FOUND', 'there is no profile yet', {
        hint: 'import one with `applydesk profile import <resume>`, or run `applydesk demo` to see a sample',
      })
    : new DomainError('NOT_FOUND', `profile ${profileId} does not exist`);
}

/** Creates or replaces the profile of that name. */
export async function saveProfile(
  ctx: EngineContext,
  draft: ProfileInputDraft,
  actor: string,
): Promise<Profile> {
  const input = parseOrThrow(ProfileInput, draft, 'profile');
  const existing = (await ctx.store.profiles.list()).find((p) => p.name === input.name);
  return existing === undefined
    ? ctx.store.profiles.create(input, actor)
    : ctx.store.profiles.update(existing.id, input, actor);
}
