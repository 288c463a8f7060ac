import { createRoute, z } from '@hono/zod-openapi';
import { ProfileInput as ProfileInputSchema } from '@applydesk/domain';
import { problem } from './routes.js';
import { Profile, RankResponse } from './schemas.js';

/** What a profile holds, without the keys the store adds (id, createdAt, updatedAt). */
export const ProfileContent = ProfileInputSchema.meta({ id: 'ProfileContent' });

/**
 * A whole profile, checked by the domain's own rules. `name` keeps the stored one when left
 * out; id, createdAt and updatedAt (as GET /api/profile answers them) are ignored, so a
 * client may send back what it read with its changes.
 */
export const ProfileUpdateBody = ProfileInputSchema.extend({
  name: z.string().min(1).optional(),
}).meta({ id: 'ProfileUpdate' });

/** What a ranking run did, as POST /api/rank reports it. */
export const RankSummary = RankResponse.shape.ranked;

export const ProfileUpdated = z
  .object({ profile: Profile, ranked: RankSummary })
  .openapi('ProfileUpdated');

export const PROFILE_IMPORT_FORMATS = [
  'pdf',
  'docx',
  'markdown',
  'text',
  'json-resume',
  'applydesk-profile',
] as const;

export const ProfileImportQuery = z.object({
  dry_run: z.enum(['true', 'false']).optional().openapi({
    description: 'true reads the file and answers what would be stored, storing nothing',
  }),
});

/** A file field of a multipart form: a File where the runtime has one (Node 20, browsers). */
const UploadedFile = z
  .custom<File>((value) => typeof File !== 'undefined' && value instanceof File, {
    message: 'attach the resume as the form field "file"',
  })
  .openapi({ type: 'string', format: 'binary' });

export const ProfileImportForm = z
  .object({
    file: UploadedFile.openapi({
      description: 'a PDF, DOCX, Markdown, text or JSON Resume file, or an ApplyDesk profile JSON',
    }),
  })
  .openapi('ProfileImportForm');

export const ProfileImportResult = z
  .object({
    stored: z
      .boolean()
      .openapi({ description: 'false for a dry run: the profile shown is what would be stored' }),
    created: z.boolean().openapi({ description: 'true when there was no profile to replace' }),
    profile: ProfileContent,
    format: z.enum(PROFILE_IMPORT_FORMATS),
    warnings: z.array(z.string()).openapi({ description: 'things to check, one sentence each' }),
    unplaced: z
      .array(z.string())
      .openapi({ description: 'lines the importer could not place in a section' }),
    preferences: z.enum(['imported', 'kept', 'default']).openapi({
      description:
        'where the preferences come from: the file (an ApplyDesk profile), the stored profile (a resume carries none), or the defaults',
    }),
    ranked: RankSummary.nullable().openapi({
      description: 'the ranking run the stored profile caused; null for a dry run',
    }),
  })
  .openapi('ProfileImportResult');

export const updateProfileRoute = createRoute({
  method: 'put',
  path: '/api/profile',
  tags: ['profile'],
  summary:
    "Replace the default profile's resume and preferences, then re-rank every open posting against it",
  request: {
    body: { required: true, content: { 'application/json': { schema: ProfileUpdateBody } } },
  },
  responses: {
    200: {
      description: 'The stored profile and the ranking run',
      content: { 'application/json': { schema: ProfileUpdated } },
    },
    400: problem('A field is not valid; `errors` names each by its path'),
    404: problem('There is no profile yet: import one first'),
    409: problem('Another profile has that name'),
  },
});

export const importProfileRoute = createRoute({
  method: 'post',
  path: '/api/profile/import',
  tags: ['profile'],
  summary:
    'Read a resume into the default profile (its preferences are kept), or preview it with dry_run=true',
  request: {
    query: ProfileImportQuery,
    body: {
      required: true,
      content: { 'multipart/form-data': { schema: ProfileImportForm } },
    },
  },
  responses: {
    200: {
      description: 'The profile read from the file, what to check, and whether it was stored',
      content: { 'application/json': { schema: ProfileImportResult } },
    },
    400: problem('The file is refused (type, damage, no text) or gives an invalid profile'),
    413: problem("The file is larger than the server's body limit"),
    415: problem('The request is not multipart/form-data'),
  },
});
