import {
  DomainError,
  formatIssues,
  ProfileInput,
  type Profile,
  type ProfileInputDraft,
} from '@applydesk/domain';
import type { ProfileRepository, Store } from '@applydesk/store';
import type { EngineContext } from '../context.js';
import {
  importProfile,
  type ImportProfileInput,
  type ImportProfileResult,
} from './import-profile.js';
import { resolveProfile } from './profile.js';
import { rankJobs, type RankResult } from './rank-jobs.js';

/** A whole profile as a caller edits it; `name` keeps the stored one when left out. */
export type ProfileUpdateDraft = Omit<ProfileInputDraft, 'name'> & { name?: string };

export interface UpdateProfileResult {
  profile: Profile;
  /** The ranking the new profile caused: every score depends on it. */
  ranked: RankResult;
}

/** Keys a stored Profile has that are not input: a client may send back what it read. */
const STORED_ONLY = new Set(['id', 'createdAt', 'updatedAt']);

/**
 * Replaces the content of a profile (the default one unless named) with `draft`, checked by
 * the same rules an imported ApplyDesk profile JSON is, then re-ranks the open postings.
 * Nothing is stored when a field is invalid: the error lists each as `path: reason`.
 */
export async function updateProfile(
  ctx: EngineContext,
  draft: ProfileUpdateDraft,
  options: { actor: string; profileId?: string },
): Promise<UpdateProfileResult> {
  const current = await resolveProfile(ctx, options.profileId);
  const fields = Object.fromEntries(
    Object.entries(draft).filter(([key]) => !STORED_ONLY.has(key)),
  ) as ProfileUpdateDraft;
  const checked = ProfileInput.safeParse({ ...fields, name: fields.name ?? current.name });
  if (!checked.success) {
    const problems = formatIssues(checked.error);
    throw new DomainError('INVALID_INPUT', `the profile is not valid: ${problems.join('; ')}`, {
      hint: 'fix those fields and save again; nothing was changed',
      details: { problems },
    });
  }
  if (checked.data.name !== current.name) {
    const taken = (await ctx.store.profiles.list()).some(
      (p) => p.name === checked.data.name && p.id !== current.id,
    );
    if (taken)
      throw new DomainError('CONFLICT', `a profile named "${checked.data.name}" already exists`, {
        hint: 'choose another name, or leave the name out to keep this one',
      });
  }
  const profile = await ctx.store.profiles.update(current.id, checked.data, options.actor);
  const ranked = await rankJobs(ctx, { actor: options.actor, profileId: profile.id });
  return { profile, ranked };
}

export interface ReimportProfileResult extends Omit<ImportProfileResult, 'profile'> {
  /** The stored profile, or for a dry run the content that would be stored. */
  profile: ProfileInput | Profile;
  stored: boolean;
  /** The ranking the stored profile caused; null for a dry run. */
  ranked: RankResult | null;
}

/**
 * Imports a file into the default profile (or a new `default` one when there is none), as
 * `applydesk profile import` does, then re-ranks. With `dryRun` the file is read and the
 * outcome answered exactly as importing would store it, and nothing is written.
 */
export async function reimportProfile(
  ctx: EngineContext,
  file: Omit<ImportProfileInput, 'name'>,
  options: { actor: string; dryRun?: boolean },
): Promise<ReimportProfileResult> {
  const current = await ctx.store.profiles.getDefault();
  // An ApplyDesk profile JSON names its own profile; here it replaces the default one.
  const input: ImportProfileInput = {
    ...file,
    ...(current === null ? {} : { name: current.name }),
  };
  if (options.dryRun === true) {
    const preview = await importProfile(previewContext(ctx), input, options.actor);
    const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...content } = preview.profile;
    return { ...preview, profile: content, stored: false, ranked: null };
  }
  const imported = await importProfile(ctx, input, options.actor);
  const ranked = await rankJobs(ctx, { actor: options.actor, profileId: imported.profile.id });
  return { ...imported, stored: true, ranked };
}

/**
 * The context a dry run imports with: profiles are read from the store, and a profile saved
 * is handed back as if stored but never written. Running the import itself (rather than a
 * copy of its steps) keeps the preview the same as what confirming it stores.
 */
function previewContext(ctx: EngineContext): EngineContext {
  const profiles = ctx.store.profiles;
  const unsaved = (input: ProfileInput, id: string, createdAt: string): Profile => ({
    ...input,
    id,
    createdAt,
    updatedAt: ctx.now().toISOString(),
  });
  const readOnly: ProfileRepository = {
    get: (id) => profiles.get(id),
    getDefault: () => profiles.getDefault(),
    defaultId: () => profiles.defaultId(),
    list: () => profiles.list(),
    create: (input) => Promise.resolve(unsaved(input, '', ctx.now().toISOString())),
    update: async (id, input) => {
      const existing = await profiles.get(id);
      return unsaved(input, id, existing?.createdAt ?? ctx.now().toISOString());
    },
  };
  const store: Store = {
    ...ctx.store,
    profiles: readOnly,
    transaction: (work) => work(store),
  };
  return { ...ctx, store };
}
