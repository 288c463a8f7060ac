import type { ProfileInputDraft } from '@applydesk/domain';

/** The Profile's sections as drafts (zod input types: defaults may be left out). */
export type BasicsDraft = ProfileInputDraft['basics'];
export type WorkDraft = NonNullable<ProfileInputDraft['work']>[number];
export type ProjectDraft = NonNullable<ProfileInputDraft['projects']>[number];
export type EducationDraft = NonNullable<ProfileInputDraft['education']>[number];
export type CertificateDraft = NonNullable<ProfileInputDraft['certificates']>[number];
export type SkillDraft = NonNullable<ProfileInputDraft['skills']>[number];
export type LanguageDraft = NonNullable<ProfileInputDraft['languages']>[number];

/** What a section parser made of its lines. */
export interface Parsed<T> {
  items: T[];
  warnings: string[];
  unplaced: string[];
}
