import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type ReactNode } from 'react';
import { createApiClient } from '@applydesk/api-contract/client';
import { api, ApiError, apiToken, errorText } from '../api.ts';
import {
  commaList as list,
  formFields,
  FormActions,
  numberText as num,
  optionalNumber,
  refusalOf,
  words,
  type FieldErrors,
} from '../components/form-fields.tsx';
import { EMPLOYMENT_TYPES, REMOTE_MODES, SENIORITY_LEVELS } from '@applydesk/domain/vocabulary';
import type { Profile } from '../types.ts';
import './profile.css';

const fields = formFields('profile');
const { Field } = fields;
/** Values such as full_time read as "full time". */
const Choices = (props: Parameters<typeof fields.Choices>[0]): ReactNode => (
  <fields.Choices {...props} labelOf={(option) => option.replace(/_/g, ' ')} />
);

/** The typed client's profile methods, with this browser's token like every other call. */
const profiles = createApiClient({ baseUrl: '', token: apiToken }).profile;
type ImportResult = Awaited<ReturnType<typeof profiles.import>>;
type ProfileContent = ImportResult['profile'];
type Skill = Profile['skills'][number];

/** What a profile can ask for: every value but `unknown`, which only describes postings. */
const known = <T extends string>(values: readonly T[]) =>
  values.filter((v): v is Exclude<T, 'unknown'> => v !== 'unknown');
const SENIORITY = known(SENIORITY_LEVELS);
const EMPLOYMENT = known(EMPLOYMENT_TYPES);
const REMOTE = known(REMOTE_MODES);
const ACCEPT =
  '.pdf,.docx,.md,.markdown,.txt,.json,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/markdown,text/plain,application/json';

interface SkillRow {
  /** Stable across edits, so removing a row does not move typed text into its neighbour. */
  key: number;
  name: string;
  keywords: string;
  /** The stored skill, so what the form does not show (level, extra keys) is kept. */
  base: Skill | null;
}

/** The form as typed: text for every field, so a half-typed number stays what was typed. */
interface Form {
  name: string;
  label: string;
  summary: string;
  city: string;
  region: string;
  countryCode: string;
  skills: SkillRow[];
  /** Each work entry's highlights, one a line, in the stored entries' order. */
  highlights: string[];
  targetTitles: string;
  seniority: string[];
  locations: string;
  timeZones: string;
  remote: string[];
  salaryAmount: string;
  salaryCurrency: string;
  salaryPeriod: string;
  employmentTypes: string[];
  avoidCompanies: string;
  minHourlyRate: string;
  minFixedBudget: string;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
const optionalText = (text: string): string | undefined =>
  text.trim() === '' ? undefined : text.trim();

let nextKey = 0;
const skillRow = (skill: Skill | null): SkillRow => ({
  key: nextKey++,
  name: skill?.name ?? '',
  keywords: list(skill?.keywords ?? []),
  base: skill,
});

function formOf(p: Profile): Form {
  const prefs = p.preferences;
  return {
    name: p.basics.name,
    label: p.basics.label ?? '',
    summary: p.basics.summary ?? '',
    city: p.basics.location?.city ?? '',
    region: p.basics.location?.region ?? '',
    countryCode: p.basics.location?.countryCode ?? '',
    skills: p.skills.map(skillRow),
    highlights: p.work.map((w) => w.highlights.join('\n')),
    targetTitles: list(prefs.targetTitles),
    seniority: SENIORITY.filter((s) => prefs.seniority.includes(s)),
    locations: list(prefs.locations),
    timeZones: list(prefs.timeZones),
    remote: REMOTE.filter((r) => prefs.remote.includes(r)),
    salaryAmount: num(prefs.salaryFloor?.amount),
    salaryCurrency: prefs.salaryFloor?.currency ?? 'USD',
    salaryPeriod: prefs.salaryFloor?.period ?? 'year',
    employmentTypes: EMPLOYMENT.filter((e) => prefs.employmentTypes.includes(e)),
    avoidCompanies: list(prefs.avoidCompanies),
    minHourlyRate: num(prefs.freelance.minHourlyRate),
    minFixedBudget: num(prefs.freelance.minFixedBudget),
  };
}

/** Rows with nothing typed are left out; the rest go in the order shown. */
const sentSkills = (form: Form) =>
  form.skills.filter((s) => s.name.trim() !== '' || s.keywords.trim() !== '');

/** The whole profile the PUT replaces the stored one with: the stored one, as the form changed it. */
function bodyOf(p: Profile, form: Form) {
  const location =
    p.basics.location === undefined &&
    form.city.trim() === '' &&
    form.region.trim() === '' &&
    form.countryCode.trim() === ''
      ? undefined
      : {
          ...p.basics.location,
          city: optionalText(form.city),
          region: optionalText(form.region),
          countryCode: optionalText(form.countryCode),
        };
  const amount = optionalNumber(form.salaryAmount);
  return {
    ...p,
    basics: {
      ...p.basics,
      name: form.name.trim(),
      label: optionalText(form.label),
      summary: optionalText(form.summary),
      location,
    },
    skills: sentSkills(form).map((s) => ({
      ...s.base,
      name: s.name.trim(),
      keywords: words(s.keywords),
    })),
    work: p.work.map((w, i) => ({ ...w, highlights: lines(form.highlights[i] ?? '') })),
    preferences: {
      ...p.preferences,
      targetTitles: words(form.targetTitles),
      seniority: form.seniority,
      locations: words(form.locations),
      timeZones: words(form.timeZones),
      remote: form.remote,
      salaryFloor:
        amount === null
          ? null
          : {
              amount,
              currency: form.salaryCurrency.trim().toUpperCase(),
              period: form.salaryPeriod,
            },
      employmentTypes: form.employmentTypes,
      avoidCompanies: words(form.avoidCompanies),
      freelance: {
        ...p.preferences.freelance,
        minHourlyRate: optionalNumber(form.minHourlyRate),
        minFixedBudget: optionalNumber(form.minFixedBudget),
      },
    },
    // Numbers stay as typed when they are not numbers, so the server's check names the field.
  } as unknown as Parameters<typeof profiles.update>[0];
}

/** Paths a field of the form shows errors for; any other goes in the form's own alert. */
function shownPaths(form: Form, profile: Profile): string[] {
  return [
    'basics.name',
    'basics.label',
    'basics.summary',
    'basics.location',
    ...sentSkills(form).flatMap((_, i) => [`skills.${i}.name`, `skills.${i}.keywords`]),
    ...profile.work.map((_, i) => `work.${i}.highlights`),
    'preferences.targetTitles',
    'preferences.seniority',
    'preferences.locations',
    'preferences.timeZones',
    'preferences.remote',
    'preferences.salaryFloor',
    'preferences.employmentTypes',
    'preferences.avoidCompanies',
    'preferences.freelance.minHourlyRate',
    'preferences.freelance.minFixedBudget',
  ];
}

/** After the profile changes every score may have: the inbox and postings read again. */
function refreshScores(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: ['jobs'] });
  void client.invalidateQueries({ queryKey: ['job'] });
  void client.invalidateQueries({ queryKey: ['applications'] });
}

function ProfileForm(props: {
  profile: Profile;
  message: string | null;
  onSaved: (message: string) => void;
}): ReactNode {
  const { profile } = props;
  const client = useQueryClient();
  const [initial] = useState(() => formOf(profile));
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [edited, setEdited] = useState(false);
  const set = (patch: Partial<Form>) => {
    setForm((f) => ({ ...f, ...patch }));
    setEdited(true);
  };
  const setSkill = (key: number, patch: Partial<SkillRow>) =>
    set({ skills: form.skills.map((s) => (s.key === key ? { ...s, ...patch } : s)) });

  const save = useMutation({
    mutationFn: () => profiles.update(bodyOf(profile, form)),
    onSuccess: (saved) => {
      setErrors([]);
      setFailure(null);
      setEdited(false);
      props.onSaved(
        `Saved. Re-ranked ${saved.ranked.scored} postings: ${saved.ranked.written} scores changed.`,
      );
      // A new profile remounts this form from what was stored.
      client.setQueryData(['profile'], saved.profile);
      refreshScores(client);
    },
    onError: (error) => {
      const refusal = refusalOf(
        error,
        shownPaths(form, profile),
        'Some fields are not valid: see the fields marked. Nothing was saved.',
      );
      setErrors(refusal.errors);
      setFailure(refusal.failure);
    },
  });

  const changed = JSON.stringify(form) !== JSON.stringify(initial);
  const sent = sentSkills(form);
  const text = (
    path: string,
    label: string,
    key: keyof Form,
    options: { hint?: string; className?: string; autoComplete?: string } = {},
  ) => (
    <Field
      path={path}
      label={label}
      errors={errors}
      {...(options.hint === undefined ? {} : { hint: options.hint })}
      {...(options.className === undefined ? {} : { className: options.className })}
    >
      {(attrs) => (
        <input
          {...attrs}
          type="text"
          autoComplete={options.autoComplete ?? 'off'}
          value={form[key] as string}
          onChange={(e) => set({ [key]: e.target.value })}
        />
      )}
    </Field>
  );
  const number = (path: string, label: string, key: keyof Form, hint?: string) => (
    <Field path={path} label={label} errors={errors} {...(hint === undefined ? {} : { hint })}>
      {(attrs) => (
        <input
          {...attrs}
          type="number"
          inputMode="decimal"
          min={0}
          value={form[key] as string}
          onChange={(e) => set({ [key]: e.target.value })}
        />
      )}
    </Field>
  );

  return (
    <form
      className="profile-form"
      aria-label="Edit profile"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <fieldset>
        <legend>Basics</legend>
        <div className="profile-row">
          {text('basics.name', 'Name', 'name', { autoComplete: 'name' })}
          {text('basics.label', 'Headline', 'label', {
            hint: 'the title you go by, e.g. Senior Backend Engineer',
          })}
        </div>
        <Field path="basics.summary" label="Summary" errors={errors}>
          {(attrs) => (
            <textarea
              {...attrs}
              rows={4}
              value={form.summary}
              onChange={(e) => set({ summary: e.target.value })}
            />
          )}
        </Field>
        <div className="profile-row">
          {text('basics.location.city', 'City', 'city')}
          {text('basics.location.region', 'Region', 'region')}
          {text('basics.location.countryCode', 'Country code', 'countryCode', {
            hint: 'two letters, e.g. US',
            className: 'narrow',
          })}
        </div>
      </fieldset>

      <fieldset>
        <legend>Skills</legend>
        <p className="muted small">
          Postings are scored on these: the group&apos;s name and its keywords, comma-separated.
        </p>
        <ul className="profile-skills">
          {form.skills.map((s, row) => {
            // Errors name a skill by its place among those sent, which skips empty rows.
            const at = sent.indexOf(s);
            const path = `skills.${at < 0 ? `new${s.key}` : at}`;
            const title = s.name.trim() === '' ? `skill ${row + 1}` : s.name.trim();
            return (
              <li key={s.key} className="profile-skill">
                <Field path={`${path}.name`} label={`Skill ${row + 1} name`} errors={errors}>
                  {(attrs) => (
                    <input
                      {...attrs}
                      type="text"
                      value={s.name}
                      onChange={(e) => setSkill(s.key, { name: e.target.value })}
                    />
                  )}
                </Field>
                <Field
                  path={`${path}.keywords`}
                  label={`Keywords of ${title}`}
                  errors={errors}
                  className="wide"
                >
                  {(attrs) => (
                    <input
                      {...attrs}
                      type="text"
                      value={s.keywords}
                      onChange={(e) => setSkill(s.key, { keywords: e.target.value })}
                    />
                  )}
                </Field>
                <button
                  type="button"
                  className="profile-remove"
                  aria-label={`Remove ${title}`}
                  onClick={() => set({ skills: form.skills.filter((x) => x.key !== s.key) })}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
        <button type="button" onClick={() => set({ skills: [...form.skills, skillRow(null)] })}>
          Add skill
        </button>
      </fieldset>

      {profile.work.length > 0 && (
        <fieldset>
          <legend>Experience</legend>
          <p className="muted small">
            Drafts quote these highlights, so keep them true and specific. One a line.
          </p>
          {profile.work.map((w, i) => (
            <Field
              key={i}
              path={`work.${i}.highlights`}
              label={`Highlights: ${w.position}, ${w.name}`}
              errors={errors}
            >
              {(attrs) => (
                <textarea
                  {...attrs}
                  rows={Math.min(8, Math.max(3, (form.highlights[i] ?? '').split('\n').length + 1))}
                  value={form.highlights[i] ?? ''}
                  onChange={(e) =>
                    set({
                      highlights: form.highlights.map((h, j) => (j === i ? e.target.value : h)),
                    })
                  }
                />
              )}
            </Field>
          ))}
        </fieldset>
      )}

      <fieldset>
        <legend>Looking for</legend>
        <p className="muted small">Comma-separated lists. Ranking weighs postings by these.</p>
        {text('preferences.targetTitles', 'Target titles', 'targetTitles')}
        <Choices
          path="preferences.seniority"
          legend="Seniority"
          hint="none ticked: any level"
          options={SENIORITY}
          chosen={form.seniority}
          errors={errors}
          onChange={(seniority) => set({ seniority })}
        />
        <div className="profile-row">
          {text('preferences.locations', 'Locations', 'locations', {
            hint: 'cities, regions or countries',
          })}
          {text('preferences.timeZones', 'Time zones', 'timeZones', {
            hint: 'e.g. America/Denver, Europe/Berlin',
          })}
        </div>
        <Choices
          path="preferences.remote"
          legend="Remote modes"
          hint="the ways of working you accept"
          options={REMOTE}
          chosen={form.remote}
          errors={errors}
          onChange={(remote) => set({ remote })}
        />
        <Choices
          path="preferences.employmentTypes"
          legend="Employment types"
          hint="none ticked: any type"
          options={EMPLOYMENT}
          chosen={form.employmentTypes}
          errors={errors}
          onChange={(employmentTypes) => set({ employmentTypes })}
        />
        <div className="profile-row">
          {number('preferences.salaryFloor.amount', 'Salary floor', 'salaryAmount', 'empty: none')}
          {text('preferences.salaryFloor.currency', 'Currency', 'salaryCurrency', {
            hint: 'three letters, e.g. USD',
            className: 'narrow',
          })}
          <fields.PeriodField
            path="preferences.salaryFloor.period"
            errors={errors}
            value={form.salaryPeriod}
            onChange={(salaryPeriod) => set({ salaryPeriod })}
          />
        </div>
        {errors
          .filter((e) => e.path === 'preferences.salaryFloor')
          .map((e) => (
            <span key={e.reason} className="flag-text small field-error">
              Salary floor: {e.reason}
            </span>
          ))}
        {text('preferences.avoidCompanies', 'Companies to avoid', 'avoidCompanies')}
        <div className="profile-row">
          {number(
            'preferences.freelance.minHourlyRate',
            'Freelance: minimum hourly rate',
            'minHourlyRate',
          )}
          {number(
            'preferences.freelance.minFixedBudget',
            'Freelance: minimum fixed budget',
            'minFixedBudget',
          )}
        </div>
      </fieldset>

      <FormActions
        saveLabel="Save profile"
        saving={save.isPending}
        changed={changed}
        onUndo={() => {
          setForm(initial);
          setErrors([]);
          setFailure(null);
        }}
        message={edited ? null : props.message}
      />
      {failure !== null && (
        <p role="alert" className="notice error">
          {failure}
        </p>
      )}
    </form>
  );
}

interface Change {
  what: string;
  before?: string;
  after?: string;
}

const clip = (text: string | undefined, max = 140) =>
  text === undefined || text.length <= max ? text : `${text.slice(0, max - 1)}…`;
const place = (l: Profile['basics']['location']) =>
  [l?.city, l?.region, l?.countryCode].filter((x) => x !== undefined && x !== '').join(', ') ||
  undefined;

/** Entries of a list, by `name` (case aside), that one side has and the other has not. */
function listChanges<T>(
  what: string,
  before: T[],
  after: T[],
  name: (item: T) => string,
): Change[] {
  const byKey = (items: T[]) =>
    new Map(items.map((item) => [name(item).toLowerCase(), name(item)]));
  const had = byKey(before);
  const has = byKey(after);
  const added = [...has].filter(([k]) => !had.has(k)).map(([, shown]) => shown);
  const gone = [...had].filter(([k]) => !has.has(k)).map(([, shown]) => shown);
  return [
    ...(added.length > 0 ? [{ what: `${what} added`, after: added.join(', ') }] : []),
    ...(gone.length > 0 ? [{ what: `${what} no longer listed`, before: gone.join(', ') }] : []),
  ];
}

/** What storing `next` would change in the stored profile, in words. */
function changesOf(current: Profile, next: ProfileContent, result: ImportResult): Change[] {
  const changes: Change[] = [];
  const basics: [string, string | undefined, string | undefined][] = [
    ['Name', current.basics.name, next.basics.name],
    ['Headline', current.basics.label, next.basics.label],
    ['Email', current.basics.email, next.basics.email],
    ['Phone', current.basics.phone, next.basics.phone],
    ['Website', current.basics.url, next.basics.url],
    ['Location', place(current.basics.location), place(next.basics.location)],
    ['Summary', clip(current.basics.summary), clip(next.basics.summary)],
  ];
  for (const [what, before, after] of basics)
    if ((before ?? '') !== (after ?? ''))
      changes.push({
        what,
        ...(before === undefined || before === '' ? {} : { before }),
        ...(after === undefined || after === '' ? {} : { after }),
      });
  const skillWords = (skills: Skill[]) =>
    skills.flatMap((s) => (s.keywords.length > 0 ? s.keywords : [s.name]));
  changes.push(
    ...listChanges('Skills', skillWords(current.skills), skillWords(next.skills), (s) => s),
    ...listChanges(
      'Experience',
      current.work,
      next.work,
      (w) => `${w.position}, ${w.name}${w.startDate === undefined ? '' : ` (${w.startDate})`}`,
    ),
    ...listChanges('Education', current.education, next.education, (e) => e.institution),
    ...listChanges('Projects', current.projects, next.projects, (p) => p.name),
    ...listChanges('Certificates', current.certificates, next.certificates, (c) => c.name),
    ...listChanges('Languages', current.languages, next.languages, (l) => l.language),
  );
  if (
    result.preferences !== 'kept' &&
    JSON.stringify(current.preferences) !== JSON.stringify(next.preferences)
  )
    changes.push({
      what: 'Preferences',
      after: result.preferences === 'imported' ? "replaced by the file's" : 'reset to the defaults',
    });
  return changes;
}

const FORMATS: Record<ImportResult['format'], string> = {
  pdf: 'PDF',
  docx: 'Word document',
  markdown: 'Markdown',
  text: 'plain text',
  'json-resume': 'JSON Resume',
  'applydesk-profile': 'ApplyDesk profile',
};

function Reimport(props: { current: Profile }): ReactNode {
  const client = useQueryClient();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const preview = useMutation({
    mutationFn: (chosen: File) => profiles.import(chosen, { dryRun: true }),
  });
  const confirm = useMutation({
    mutationFn: (chosen: File) => profiles.import(chosen),
    onSuccess: (stored) => {
      reset();
      setSaved(
        `Imported ${stored.profile.basics.name}'s resume.${
          stored.ranked === null
            ? ''
            : ` Re-ranked ${stored.ranked.scored} postings: ${stored.ranked.written} scores changed.`
        }`,
      );
      void client.invalidateQueries({ queryKey: ['profile'] });
      refreshScores(client);
    },
  });
  const reset = () => {
    setFile(null);
    preview.reset();
    if (input.current !== null) input.current.value = '';
  };
  const result = preview.data;
  const changes = result === undefined ? [] : changesOf(props.current, result.profile, result);

  return (
    <section className="profile-import" aria-labelledby="reimport-title">
      <h2 id="reimport-title">Re-import resume</h2>
      <p className="muted small">
        PDF, DOCX, Markdown, text or JSON Resume. You see what would change before anything is
        saved; your preferences are kept.
      </p>
      <div className="write">
        <label htmlFor={inputId}>Resume file</label>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept={ACCEPT}
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            setFile(chosen);
            setSaved(null);
            confirm.reset();
            if (chosen === null) preview.reset();
            else preview.mutate(chosen);
          }}
        />
        {preview.isPending && <span role="status">Reading {file?.name}…</span>}
        {saved !== null && <span role="status">{saved}</span>}
      </div>
      {preview.isError && (
        <div role="alert" className="notice error">
          <p>{errorText(preview.error)}</p>
          {preview.error instanceof ApiError && preview.error.hint !== undefined && (
            <p className="small">{preview.error.hint}</p>
          )}
        </div>
      )}
      {result !== undefined && file !== null && (
        <div className="profile-preview" role="region" aria-label="Import preview">
          <h3>
            Preview of {file.name} <span className="muted small">({FORMATS[result.format]})</span>
          </h3>
          {changes.length === 0 ? (
            <p>Nothing in the profile would change.</p>
          ) : (
            <ul className="profile-changes" aria-label="What would change">
              {changes.map((c) => (
                <li key={c.what}>
                  <strong>{c.what}:</strong> {c.before !== undefined && <del>{c.before}</del>}
                  {c.before !== undefined && c.after !== undefined && ' → '}
                  {c.after !== undefined && <ins>{c.after}</ins>}
                </li>
              ))}
            </ul>
          )}
          <p className="muted small">
            {result.preferences === 'kept'
              ? 'Your preferences (titles, locations, pay and the rest) are kept as they are.'
              : result.preferences === 'imported'
                ? 'The file carries preferences: they replace yours.'
                : 'There was no profile yet: preferences start at their defaults.'}
          </p>
          {result.warnings.length > 0 && (
            <>
              <h4>Check these</h4>
              <ul aria-label="Warnings" className="profile-warnings">
                {result.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </>
          )}
          {result.unplaced.length > 0 && (
            <>
              <h4>Lines not placed in a section</h4>
              <p className="muted small">
                Kept with the profile, but not used for scoring; add what matters to a section after
                saving.
              </p>
              <ul aria-label="Unplaced lines" className="profile-unplaced">
                {result.unplaced.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </>
          )}
          <div className="write">
            <button
              type="button"
              className="primary"
              disabled={confirm.isPending}
              onClick={() => confirm.mutate(file)}
            >
              {confirm.isPending ? 'Saving…' : 'Save imported profile'}
            </button>
            <button type="button" disabled={confirm.isPending} onClick={reset}>
              Discard
            </button>
          </div>
          {confirm.isError && (
            <p role="alert" className="notice error">
              {errorText(confirm.error)}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

export default function ProfileView(): ReactNode {
  const profile = useQuery({ queryKey: ['profile'], queryFn: api.profile });
  const [message, setMessage] = useState<string | null>(null);
  if (profile.isPending) return <p className="muted pad">Loading…</p>;
  if (profile.isError)
    return (
      <p role="alert" className="pad">
        {errorText(profile.error)}
      </p>
    );
  const p = profile.data;
  return (
    <section className="page profile" aria-labelledby="profile-title">
      <h1 id="profile-title">{p.basics.name}</h1>
      {p.basics.label !== undefined && <p className="muted">{p.basics.label}</p>}
      <Reimport current={p} />
      <h2>Edit</h2>
      {/* A stored profile remounts the form, so it starts from what was saved. */}
      <ProfileForm key={p.updatedAt} profile={p} message={message} onSaved={setMessage} />
    </section>
  );
}
