import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { api, apiToken, errorText, setApiToken } from '../api.ts';
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
import { EXPERIENCE_LEVELS, SCORE_COMPONENTS } from '@applydesk/domain/vocabulary';
import { DRAFT_KINDS, type Settings as SettingsData } from '../types.ts';
import './settings.css';

const { fieldId, Field, Choices, PeriodField } = formFields('setting');

const WEIGHTS = SCORE_COMPONENTS;
const LEVELS = EXPERIENCE_LEVELS;
const RECENCY = [
  ['high_days', 'highDays', 'High up to days'],
  ['medium_days', 'mediumDays', 'Medium up to days'],
  ['low_days', 'lowDays', 'Low up to days'],
] as const;

/** The form as typed: text for every field, so a half-typed number stays what was typed. */
interface Form {
  required: string;
  any: string;
  excluded: string;
  companies: string;
  locations: string;
  platforms: string;
  levels: string[];
  salaryAmount: string;
  salaryCurrency: string;
  salaryPeriod: string;
  postedWithinDays: string;
  appliedWithinDays: string;
  dailyCap: string;
  minScore: string;
  weights: Record<string, string>;
  recency: Record<string, string>;
  tone: string;
  top: string;
  templates: Record<string, string>;
  /** Per LLM task, its models as `provider:model, …` in the order tried. */
  tasks: Record<string, string>;
  dailyUsd: string;
  monthlyUsd: string;
}

function formOf(s: SettingsData): Form {
  const f = s.filters;
  return {
    required: list(f.keywordsRequired),
    any: list(f.keywordsAny),
    excluded: list(f.keywordsExcluded),
    companies: list(f.companiesExcluded),
    locations: list(f.locations),
    platforms: list(f.platforms),
    levels: LEVELS.filter((l) => f.experienceLevels.includes(l)),
    salaryAmount: num(f.salaryMin?.amount),
    salaryCurrency: f.salaryMin?.currency ?? 'USD',
    salaryPeriod: f.salaryMin?.period ?? 'year',
    postedWithinDays: num(f.postedWithinDays),
    appliedWithinDays: num(f.appliedCompanyWithinDays),
    dailyCap: num(f.dailyCap),
    minScore: String(s.ranking.minMatchScore),
    weights: Object.fromEntries(WEIGHTS.map((w) => [w, num(s.ranking.weights[w])])),
    recency: Object.fromEntries(
      RECENCY.map(([key, field]) => [key, num(s.ranking.recency[field])]),
    ),
    tone: s.drafting.tone,
    top: String(s.drafting.top),
    templates: Object.fromEntries(DRAFT_KINDS.map((k) => [k, s.drafting.templates[k] ?? ''])),
    tasks: Object.fromEntries(
      Object.entries(s.llm.tasks).map(([task, models]) => [task, list(models)]),
    ),
    dailyUsd: num(s.llm.budget.dailyUsd),
    monthlyUsd: num(s.llm.budget.monthlyUsd),
  };
}

/** Each form value at its applydesk.yaml path, as the PATCH body names it. */
function leavesOf(form: Form): Record<string, unknown> {
  const amount = optionalNumber(form.salaryAmount);
  return {
    'filters.keywords.required': words(form.required),
    'filters.keywords.any': words(form.any),
    'filters.keywords.excluded': words(form.excluded),
    'filters.companies_excluded': words(form.companies),
    'filters.locations': words(form.locations),
    'filters.platforms': words(form.platforms),
    // In the list's own order, so ticking and unticking back is no change.
    'filters.experience_level': LEVELS.filter((l) => form.levels.includes(l)),
    'filters.salary_min':
      amount === null
        ? null
        : { amount, currency: form.salaryCurrency.trim(), period: form.salaryPeriod },
    'filters.posted_within_days': optionalNumber(form.postedWithinDays),
    'filters.applied_company_within_days': optionalNumber(form.appliedWithinDays),
    'filters.daily_cap': optionalNumber(form.dailyCap),
    'ranking.min_match_score': optionalNumber(form.minScore),
    ...Object.fromEntries(
      WEIGHTS.map((w) => [`ranking.weights.${w}`, optionalNumber(form.weights[w] ?? '')]),
    ),
    ...Object.fromEntries(
      RECENCY.map(([key]) => [`ranking.recency.${key}`, optionalNumber(form.recency[key] ?? '')]),
    ),
    'drafting.tone': form.tone,
    'drafting.top': optionalNumber(form.top),
    ...Object.fromEntries(
      DRAFT_KINDS.map((k) => [
        `drafting.templates.${k}`,
        (form.templates[k] ?? '').trim() === '' ? null : form.templates[k],
      ]),
    ),
    ...Object.fromEntries(
      Object.entries(form.tasks).map(([task, models]) => [`llm.tasks.${task}`, words(models)]),
    ),
    'llm.budget.daily_usd': optionalNumber(form.dailyUsd),
    'llm.budget.monthly_usd': optionalNumber(form.monthlyUsd),
  };
}

/** Only what changed, nested as the server expects, so untouched keys stay as the file has them. */
function patchOf(before: Form, after: Form): Record<string, unknown> {
  const was = leavesOf(before);
  const patch: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(leavesOf(after))) {
    if (JSON.stringify(value) === JSON.stringify(was[path])) continue;
    const keys = path.split('.');
    let at = patch;
    for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
    at[keys[keys.length - 1]!] = value;
  }
  return patch;
}

/** Fields under one legend, with the errors about the group as a whole (e.g. their order). */
function Group(props: {
  path: string;
  legend: string;
  hint: string;
  errors: FieldErrors;
  children: ReactNode;
}): ReactNode {
  const id = fieldId(props.path);
  const reasons = props.errors.filter((e) => e.path === props.path).map((e) => e.reason);
  return (
    <fieldset
      className="setting-group"
      aria-describedby={`${id}-hint${reasons.length > 0 ? ` ${id}-error` : ''}`}
    >
      <legend>{props.legend}</legend>
      <span id={`${id}-hint`} className="muted small">
        {props.hint}
      </span>
      {props.children}
      {reasons.length > 0 && (
        <span id={`${id}-error`} role="alert" className="flag-text small field-error">
          {reasons.join('; ')}
        </span>
      )}
    </fieldset>
  );
}

/** Every path a field of the form shows an error for; others go in the form's own alert. */
const FORM_PATHS = [
  'filters.keywords.required',
  'filters.keywords.any',
  'filters.keywords.excluded',
  'filters.companies_excluded',
  'filters.locations',
  'filters.platforms',
  'filters.experience_level',
  'filters.salary_min',
  'filters.posted_within_days',
  'filters.applied_company_within_days',
  'filters.daily_cap',
  'ranking.min_match_score',
  ...WEIGHTS.map((w) => `ranking.weights.${w}`),
  // A recency error names the section when the days are out of order.
  'ranking.recency',
  'llm.tasks',
  'drafting.tone',
  'drafting.top',
  ...DRAFT_KINDS.map((k) => `drafting.templates.${k}`),
  'llm.budget.daily_usd',
  'llm.budget.monthly_usd',
];

function SettingsForm({ settings }: { settings: SettingsData }): ReactNode {
  const client = useQueryClient();
  const [initial, setInitial] = useState(() => formOf(settings));
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const set = (patch: Partial<Form>) => {
    setForm((f) => ({ ...f, ...patch }));
    setMessage(null);
  };

  const save = useMutation({
    mutationFn: (patch: Record<string, unknown>) => api.saveSettings(patch),
    onSuccess: (saved) => {
      const next = formOf(saved);
      setInitial(next);
      setForm(next);
      setErrors([]);
      setFailure(null);
      setMessage(
        saved.ranked === null
          ? 'Saved.'
          : `Saved. Re-ranked: ${saved.ranked.written} scores changed, ${saved.ranked.shortlisted} shortlisted.`,
      );
      client.setQueryData(['settings'], saved);
      void client.invalidateQueries({ queryKey: ['jobs'] });
    },
    onError: (error) => {
      const refusal = refusalOf(
        error,
        FORM_PATHS,
        'Some settings are not valid: see the fields marked.',
      );
      setErrors(refusal.errors);
      setFailure(refusal.failure);
      setMessage(null);
    },
  });

  const patch = patchOf(initial, form);
  const changed = Object.keys(patch).length > 0;
  const text = (path: string, label: string, key: keyof Form, hint?: string) => (
    <Field path={path} label={label} errors={errors} {...(hint === undefined ? {} : { hint })}>
      {(attrs) => (
        <input
          {...attrs}
          type="text"
          value={form[key] as string}
          onChange={(e) => set({ [key]: e.target.value })}
        />
      )}
    </Field>
  );
  const number = (
    path: string,
    label: string,
    value: string,
    onChange: (v: string) => void,
    range: { min?: number; max?: number; step?: number } = {},
  ) => (
    <Field key={path} path={path} label={label} errors={errors}>
      {(attrs) => (
        <input
          {...attrs}
          type="number"
          inputMode="decimal"
          {...range}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form
      className="settings-form"
      aria-label="Ranking and drafting settings"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(patch);
      }}
    >
      <fieldset>
        <legend>Filters</legend>
        <p className="muted small">
          Comma-separated lists. A posting that breaks a rule is kept and held back, never dropped.
        </p>
        {text(
          'filters.keywords.required',
          'Keywords required',
          'required',
          'every one must appear',
        )}
        {text('filters.keywords.any', 'Keywords, any of', 'any', 'at least one must appear')}
        {text('filters.keywords.excluded', 'Keywords excluded', 'excluded', 'none may appear')}
        {text('filters.companies_excluded', 'Companies excluded', 'companies')}
        {text(
          'filters.locations',
          'Locations',
          'locations',
          'places a posting must be in; "remote" admits remote postings',
        )}
        {text(
          'filters.platforms',
          'Platforms',
          'platforms',
          'source types, e.g. greenhouse, lever, upwork, jsonld; empty allows all',
        )}
        <Choices
          path="filters.experience_level"
          legend="Experience levels"
          hint="none ticked allows every level"
          options={LEVELS}
          chosen={form.levels}
          errors={errors}
          onChange={(levels) => set({ levels })}
        />
        <div className="setting-row">
          {number('filters.salary_min', 'Salary floor', form.salaryAmount, (v) =>
            set({ salaryAmount: v }),
          )}
          <Field path="filters.salary_min.currency" label="Currency" errors={errors}>
            {(attrs) => (
              <input
                {...attrs}
                type="text"
                size={4}
                maxLength={3}
                value={form.salaryCurrency}
                onChange={(e) => set({ salaryCurrency: e.target.value.toUpperCase() })}
              />
            )}
          </Field>
          <PeriodField
            path="filters.salary_min.period"
            errors={errors}
            value={form.salaryPeriod}
            onChange={(salaryPeriod) => set({ salaryPeriod })}
          />
        </div>
        <div className="setting-row">
          {number(
            'filters.posted_within_days',
            'Posted within days',
            form.postedWithinDays,
            (v) => set({ postedWithinDays: v }),
            { min: 1, step: 1 },
          )}
          {number(
            'filters.applied_company_within_days',
            'Skip companies applied to within days',
            form.appliedWithinDays,
            (v) => set({ appliedWithinDays: v }),
            { min: 1, step: 1 },
          )}
          {number('filters.daily_cap', 'Daily cap', form.dailyCap, (v) => set({ dailyCap: v }), {
            min: 1,
            step: 1,
          })}
        </div>
      </fieldset>

      <fieldset>
        <legend>Ranking</legend>
        {number(
          'ranking.min_match_score',
          'Minimum match score',
          form.minScore,
          (v) => set({ minScore: v }),
          { min: 0, max: 100, step: 1 },
        )}
        <p className="muted small">
          Weight of each part of the score, 0 to 10, relative to the others (a part at 0.4 counts
          twice one at 0.2); 0 turns a part off.
        </p>
        <div className="setting-grid">
          {WEIGHTS.map((w) =>
            number(
              `ranking.weights.${w}`,
              `Weight: ${w}`,
              form.weights[w] ?? '',
              (v) => set({ weights: { ...form.weights, [w]: v } }),
              { min: 0, max: 10, step: 0.01 },
            ),
          )}
        </div>
        <Group
          path="ranking.recency"
          legend="Recency"
          hint="A posting's age in days up to which its recency scores high, medium and low; past twice the last it is taken as filled. Marketplace posts get half as long."
          errors={errors}
        >
          <div className="setting-row">
            {RECENCY.map(([key, , label]) =>
              number(
                `ranking.recency.${key}`,
                label,
                form.recency[key] ?? '',
                (v) => set({ recency: { ...form.recency, [key]: v } }),
                { min: 1, step: 1 },
              ),
            )}
          </div>
        </Group>
      </fieldset>

      <fieldset>
        <legend>Drafting</legend>
        <div className="setting-row">
          <Field path="drafting.tone" label="Tone" errors={errors}>
            {(attrs) => (
              <select {...attrs} value={form.tone} onChange={(e) => set({ tone: e.target.value })}>
                <option value="warm">warm</option>
                <option value="direct">direct</option>
              </select>
            )}
          </Field>
          {number('drafting.top', 'Postings drafted after ranking', form.top, (v) =>
            set({ top: v }),
          )}
        </div>
        {DRAFT_KINDS.map((k) => (
          <Field
            key={k}
            path={`drafting.templates.${k}`}
            label={`Template: ${k.replace(/_/g, ' ')}`}
            errors={errors}
          >
            {(attrs) => (
              <textarea
                {...attrs}
                rows={2}
                value={form.templates[k] ?? ''}
                onChange={(e) => set({ templates: { ...form.templates, [k]: e.target.value } })}
              />
            )}
          </Field>
        ))}
      </fieldset>

      <fieldset>
        <legend>Language models</legend>
        <Providers llm={settings.llm} />
        {Object.keys(form.tasks).map((task) => (
          <Field
            key={task}
            path={`llm.tasks.${task}`}
            label={`Models for ${task}`}
            errors={errors}
            hint={
              settings.llm.providers.length === 0
                ? 'add a provider under llm.providers in applydesk.yaml first'
                : `provider:model, in the order tried; providers: ${settings.llm.providers.map((p) => p.name).join(', ')}`
            }
          >
            {(attrs) => (
              <input
                {...attrs}
                type="text"
                disabled={settings.llm.providers.length === 0}
                value={form.tasks[task] ?? ''}
                onChange={(e) => set({ tasks: { ...form.tasks, [task]: e.target.value } })}
              />
            )}
          </Field>
        ))}
        <div className="setting-row">
          {number(
            'llm.budget.daily_usd',
            'Daily budget (USD)',
            form.dailyUsd,
            (v) => set({ dailyUsd: v }),
            { min: 0, step: 0.01 },
          )}
          {number(
            'llm.budget.monthly_usd',
            'Monthly budget (USD)',
            form.monthlyUsd,
            (v) => set({ monthlyUsd: v }),
            { min: 0, step: 0.01 },
          )}
        </div>
      </fieldset>

      <FormActions
        saveLabel="Save settings"
        saving={save.isPending}
        changed={changed}
        onUndo={() => {
          setForm(initial);
          setErrors([]);
          setFailure(null);
        }}
        message={message}
      />
      {failure !== null && (
        <p role="alert" className="notice error">
          {failure}
        </p>
      )}
    </form>
  );
}

/** The providers as the file names them; read-only, since keys come from the environment. */
function Providers({ llm }: { llm: SettingsData['llm'] }): ReactNode {
  return (
    <>
      {llm.providers.length === 0 ? (
        <p className="muted">No providers: drafts are written offline.</p>
      ) : (
        <div className="table-wrap">
          <table aria-label="Model providers">
            <thead>
              <tr>
                <th scope="col">Provider</th>
                <th scope="col">Type</th>
                <th scope="col">Address</th>
                <th scope="col">Key</th>
              </tr>
            </thead>
            <tbody>
              {llm.providers.map((p) => (
                <tr key={p.name}>
                  <th scope="row">{p.name}</th>
                  <td>{p.type}</td>
                  <td className="small">{p.baseUrl ?? 'default'}</td>
                  <td>
                    {p.apiKeyEnv === null ? (
                      <span className="muted">none needed</span>
                    ) : p.apiKeySet ? (
                      <span className="ok-text">{p.apiKeyEnv} set</span>
                    ) : (
                      <span className="flag-text">{p.apiKeyEnv} not set</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted small">
        Providers are edited under llm: in applydesk.yaml, each key in the environment variable it
        names (never here); a new provider is used after a restart.
      </p>
    </>
  );
}

function Tokens(): ReactNode {
  const client = useQueryClient();
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: api.tokens });
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'write'>('read');
  const [shown, setShown] = useState<{ name: string; token: string } | null>(null);
  const create = useMutation({
    mutationFn: () => api.createToken(name.trim(), scope),
    onSuccess: (created) => {
      setShown({ name: created.item.name, token: created.token });
      setName('');
      void client.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.revokeToken(id),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['tokens'] }),
  });
  return (
    <>
      <h2>API tokens</h2>
      <p className="muted small">
        For scripts, other machines and the browser extension. A token is shown once, when made.
      </p>
      {tokens.isError && <p role="alert">{errorText(tokens.error)}</p>}
      {tokens.data !== undefined && tokens.data.items.length === 0 && (
        <p className="muted">No tokens yet.</p>
      )}
      {tokens.data !== undefined && tokens.data.items.length > 0 && (
        <div className="table-wrap">
          <table aria-label="API tokens">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Scope</th>
                <th scope="col">Starts with</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.items.map((t) => (
                <tr key={t.id}>
                  <th scope="row">{t.name}</th>
                  <td>{t.scope}</td>
                  <td>
                    <code>{t.prefix}…</code>
                  </td>
                  <td className="small">
                    {t.lastUsedAt?.slice(0, 16).replace('T', ' ') ?? 'never'}
                  </td>
                  <td>
                    <button
                      type="button"
                      aria-label={`Revoke ${t.name}`}
                      disabled={revoke.isPending}
                      onClick={() => revoke.mutate(t.id)}
                    >
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {revoke.isError && <p role="alert">{errorText(revoke.error)}</p>}
      <form
        className="write"
        aria-label="New API token"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <label>
          Name{' '}
          <input
            type="text"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={64}
          />
        </label>
        <label>
          Scope{' '}
          <select value={scope} onChange={(e) => setScope(e.target.value as 'read' | 'write')}>
            <option value="read">read (GET only)</option>
            <option value="write">write (everything)</option>
          </select>
        </label>
        <button type="submit" disabled={create.isPending || name.trim() === ''}>
          Create token
        </button>
      </form>
      {create.isError && <p role="alert">{errorText(create.error)}</p>}
      {shown !== null && (
        <div className="notice" role="status">
          <p>Token “{shown.name}”: copy it now, it is not shown again.</p>
          <code className="token-once" aria-label="New token">
            {shown.token}
          </code>{' '}
          <button type="button" onClick={() => setShown(null)}>
            Done
          </button>
        </div>
      )}
    </>
  );
}

export default function Settings(): ReactNode {
  const client = useQueryClient();
  const health = useQuery({ queryKey: ['health'], queryFn: api.health });
  const settings = useQuery({ queryKey: ['settings'], queryFn: api.settings });
  const [token, setToken] = useState(apiToken() ?? '');
  const [saved, setSaved] = useState(false);
  return (
    <section className="page" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      {settings.isPending && <p className="muted">Loading…</p>}
      {settings.isError && <p role="alert">{errorText(settings.error)}</p>}
      {settings.data !== undefined && (
        <>
          <p className="muted small">
            Saved to <code>{settings.data.configPath}</code>, keeping its comments; changes apply at
            once and postings are re-ranked.
          </p>
          <SettingsForm settings={settings.data} />
        </>
      )}
      <h2>Server</h2>
      {health.isError && <p role="alert">{errorText(health.error)}</p>}
      <dl className="facts wide">
        {settings.data !== undefined && (
          <>
            <div>
              <dt>Listens on</dt>
              <dd>
                {settings.data.server.host}:{settings.data.server.port}
              </dd>
            </div>
            <div>
              <dt>Auth</dt>
              <dd>{settings.data.server.auth}</dd>
            </div>
            <div>
              <dt>CORS origins</dt>
              <dd>{settings.data.server.corsOrigins.join(', ') || '–'}</dd>
            </div>
          </>
        )}
        {health.data !== undefined && (
          <>
            <div>
              <dt>Status</dt>
              <dd>{health.data.status}</dd>
            </div>
            <div>
              <dt>Version</dt>
              <dd>{health.data.version}</dd>
            </div>
            <div>
              <dt>Database</dt>
              <dd>
                {health.data.database.dialect} (schema {health.data.database.schemaVersion})
              </dd>
            </div>
          </>
        )}
      </dl>
      <Tokens />
      <h2>This browser’s token</h2>
      <p className="muted small">
        Needed only when the server asks for one (bound beyond loopback, or server.auth: required).
        It is kept in this browser. Live updates need no token, so they are off while one is set.
      </p>
      <form
        className="write"
        aria-label="This browser’s token"
        onSubmit={(e) => {
          e.preventDefault();
          setApiToken(token.trim());
          setSaved(true);
          void client.invalidateQueries();
        }}
      >
        <label>
          Token{' '}
          <input
            type="password"
            autoComplete="off"
            value={token}
            onChange={(e) => {
              setToken(e.target.value);
              setSaved(false);
            }}
            size={40}
          />
        </label>
        <button type="submit">Save</button>
        {saved && <span role="status">Saved.</span>}
      </form>
    </section>
  );
}
