import {
  DomainError,
  formatIssues,
  ProfileInput,
  type Profile,
  type ProfileInputDraft,
} from '@applydesk/domain';
import {
  detectFormat,
  importResume,
  type ResumeFile,
  type ResumeFormat,
} from '@applydesk/documents';
import type { EngineContext } from '../context.js';
import { saveProfile } from './profile.js';

/** A resume format, or `applydesk-profile`: a profile as `profile show --json` prints it. */
export type ProfileImportFormat = ResumeFormat | 'applydesk-profile';

export interface ImportProfileInput {
  bytes: Uint8Array;
  /** The file's name as the user knows it: errors name it, and its extension helps detection. */
  fileName: string;
  mediaType?: string;
  /** The label of the profile to create or replace; else the file's own (ApplyDesk JSON), else `default`. */
  name?: string;
}

export interface ImportProfileResult {
  profile: Profile;
  /** False when a profile of that name existed and was replaced. */
  created: boolean;
  format: ProfileImportFormat;
  /** Things the user should check, one sentence each. */
  warnings: string[];
  /** Text the importer could not place in a section (also in `profile.unplaced`). */
  unplaced: string[];
  /**
   * Where the preferences came from: the file (an ApplyDesk profile), the profile of that
   * name that was already stored (a resume carries none), or the defaults (a new profile).
   */
  preferences: 'imported' | 'kept' | 'default';
}

/** Keys of a stored Profile that are not input: dropped from an imported ApplyDesk profile. */
const STORED_ONLY = new Set(['id', 'createdAt', 'updatedAt']);

const PROFILE_HINT =
  'fix those fields (compare with the output of `applydesk profile show --json`), or import a resume (PDF, DOCX, Markdown or JSON Resume) instead';

/**
 * Imports a resume (PDF, DOCX, Markdown, text, JSON Resume) or an ApplyDesk profile JSON into
 * the profile of that name, creating it if there is none. A resume carries no preferences, so
 * re-importing one keeps those of the stored profile; an ApplyDesk profile JSON (a JSON object
 * with a `preferences` key) replaces them. Nothing is stored when the file is refused.
 */
export async function importProfile(
  ctx: EngineContext,
  input: ImportProfileInput,
  actor: string,
): Promise<ImportProfileResult> {
  const requested = input.name?.trim();
  if (requested === '')
    throw new DomainError('INVALID_INPUT', 'the profile name is empty', {
      hint: 'give a label such as --name default, or leave the option out',
    });

  const file: ResumeFile = { bytes: input.bytes, fileName: input.fileName };
  if (input.mediaType !== undefined) file.mediaType = input.mediaType;
  const ownProfile = applyDeskProfileIn(file);

  let draft: ProfileInputDraft;
  let format: ProfileImportFormat;
  let warnings: string[];
  let unplaced: string[];
  if (ownProfile === null) {
    const read = await importResume(file);
    ({ format, warnings, unplaced } = read);
    draft = { ...read.profile };
  } else {
    ({ draft, warnings } = readApplyDeskProfile(ownProfile, input.fileName));
    format = 'applydesk-profile';
    unplaced = draft.unplaced ?? [];
  }
  const name = requested ?? (ownProfile === null ? undefined : draft.name) ?? 'default';
  draft.name = name;

  const existing = (await ctx.store.profiles.list()).find((p) => p.name === name);
  let preferences: ImportProfileResult['preferences'];
  if (ownProfile !== null) preferences = 'imported';
  else if (existing !== undefined) {
    draft.preferences = existing.preferences;
    preferences = 'kept';
  } else preferences = 'default';

  if ((draft.basics.name ?? '').trim() === '') {
    const kept = existing?.basics.name;
    if (kept === undefined)
      throw new DomainError('INVALID_INPUT', `${input.fileName}: no name of a person found in it`, {
        hint:
          format === 'json-resume' || format === 'applydesk-profile'
            ? 'fill in basics.name and import the file again'
            : 'put your name on the first line of the resume and import it again',
        details: { fileName: input.fileName },
      });
    draft.basics = { ...draft.basics, name: kept };
    warnings = [
      ...warnings.filter((w) => !w.startsWith('basics.name is missing')),
      `the file names no person; the name "${kept}" of the stored profile was kept`,
    ];
  }

  // Checked here so a refusal names the file; saveProfile checks again.
  const checked = ProfileInput.safeParse(draft);
  if (!checked.success) {
    const problems = formatIssues(checked.error);
    throw new DomainError(
      'INVALID_INPUT',
      `${input.fileName}: gives a profile that is not valid: ${problems.join('; ')}`,
      { hint: PROFILE_HINT, details: { fileName: input.fileName, problems } },
    );
  }
  const profile = await saveProfile(ctx, checked.data, actor);
  return {
    profile,
    created: existing === undefined,
    format,
    warnings: [...new Set(warnings)],
    unplaced,
    preferences,
  };
}

/**
 * The object an ApplyDesk profile JSON holds, or null for any other file. The documents
 * package would take such JSON for a JSON Resume and put `preferences`, `name`, `id` and the
 * like in `unplaced`; the `preferences` key tells it apart (no JSON Resume section has it).
 */
function applyDeskProfileIn(file: ResumeFile): Record<string, unknown> | null {
  let detected;
  try {
    detected = detectFormat(file);
  } catch {
    return null; // importResume refuses it with the reason.
  }
  if (detected.format !== 'json-resume') return null;
  let value: unknown;
  try {
    value = JSON.parse(detected.text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return 'preferences' in value ? value : null;
}

function readApplyDeskProfile(
  value: Record<string, unknown>,
  fileName: string,
): { draft: ProfileInputDraft; warnings: string[] } {
  const known = new Set(Object.keys(ProfileInput.shape));
  const warnings: string[] = [];
  const input: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (STORED_ONLY.has(key)) continue;
    if (known.has(key)) input[key] = field;
    else warnings.push(`"${key}" is not a field of an ApplyDesk profile; it was ignored`);
  }
  const parsed = ProfileInput.safeParse(input);
  if (!parsed.success) {
    const problems = formatIssues(parsed.error);
    throw new DomainError(
      'INVALID_INPUT',
      `${fileName}: not a valid ApplyDesk profile: ${problems.join('; ')}`,
      { hint: PROFILE_HINT, details: { fileName, problems } },
    );
  }
  return { draft: parsed.data, warnings };
}
