import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { api, errorText } from '../api.ts';
import { SafeHtml, safeHref } from '../components/safe-html.tsx';
import { age, payText, stageLabel, usd } from '../format.ts';
import { isOpen, segments } from '../highlight.ts';
import { Link } from '../router.tsx';
import { DRAFT_KINDS, type Draft, type DraftKind, type JobDetail, type Match } from '../types.ts';
import { Reasons } from '../components/reasons.tsx';

const SAVE_AFTER_MS = 600;

/** Puts a draft the server answered into the cached posting, so every view agrees at once. */
function storeDraft(client: QueryClient, jobId: string, draft: Draft): void {
  client.setQueryData<JobDetail>(['job', jobId], (detail) =>
    detail === undefined
      ? detail
      : { ...detail, drafts: detail.drafts.map((d) => (d.id === draft.id ? draft : d)) },
  );
}

function refreshAfterDecision(client: QueryClient, jobId: string): void {
  for (const key of [['job', jobId], ['jobs'], ['applications'], ['insights']])
    void client.invalidateQueries({ queryKey: key });
}

function Skills({ match }: { match: Match }): ReactNode {
  const all = [...match.skills.required, ...match.skills.niceToHave];
  if (all.length === 0) return null;
  const have = all.filter((s) => s.matched);
  const missing = all.filter((s) => !s.matched);
  return (
    <div className="skills">
      <div>
        <h3>Matched skills</h3>
        <ul className="chips" aria-label="Matched skills">
          {have.length === 0 && <li className="muted">none</li>}
          {have.map((s) => (
            <li key={s.name} className="chip ok">
              {s.name}
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3>Missing skills</h3>
        <ul className="chips" aria-label="Missing skills">
          {missing.length === 0 && <li className="muted">none</li>}
          {missing.map((s) => (
            <li key={s.name} className="chip missing">
              {s.name}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** The draft text with each claim the profile does not back marked, its reason on hover. */
function CheckedText({ draft }: { draft: Draft }): ReactNode {
  const parts = segments(draft.text, draft.grounding?.claims ?? []);
  const box = useRef<HTMLDivElement>(null);
  const flagged = parts
    .filter((p) => p.claim !== null)
    .map((p) => p.text)
    .join('\u0000');
  // Bring the first flag into this box's view when the flags change (it may sit far down).
  useEffect(() => {
    const el = box.current;
    const mark = el?.querySelector('mark');
    if (el && mark instanceof HTMLElement)
      el.scrollTop = Math.max(0, mark.offsetTop - el.offsetTop - 24);
  }, [flagged]);
  return (
    <div ref={box} className="checked" aria-label="Draft text with unsupported claims marked">
      {parts.map((part, i) =>
        part.claim === null ? (
          <span key={i}>{part.text}</span>
        ) : (
          <mark key={i} className="flag" title={part.claim.reason ?? 'not backed by your profile'}>
            {part.text}
          </mark>
        ),
      )}
    </div>
  );
}

function DraftCard({ draft, jobId }: { draft: Draft; jobId: string }): ReactNode {
  const client = useQueryClient();
  const [text, setText] = useState(draft.text);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const sent = useRef(draft.text);
  const inflight = useRef<Promise<void> | null>(null);
  const editable = draft.status === 'pending_review' || draft.status === 'approved';

  const save = (value: string): Promise<void> => {
    if (value === sent.current || value.trim() === '') return inflight.current ?? Promise.resolve();
    sent.current = value;
    setSaving(true);
    const run = api
      .editDraft(draft.id, value)
      .then((saved) => {
        storeDraft(client, jobId, saved);
        setProblem(null);
      })
      .catch((error: unknown) => setProblem(errorText(error)))
      .finally(() => {
        if (inflight.current === run) inflight.current = null;
        setSaving(false);
      });
    inflight.current = run;
    return run;
  };

  // Saved ~600 ms after the last keystroke; the answer's grounding re-marks the text.
  useEffect(() => {
    if (text === sent.current) return;
    const timer = setTimeout(() => void save(text), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
    // Only the text re-arms the timer; save reads the rest from refs.
  }, [text]);

  const act = useMutation({
    mutationFn: async (action: 'approve' | 'reject' | 'confirm') => {
      await save(text); // an unsaved edit is what the user means to approve
      await inflight.current;
      if (action === 'approve') return api.approveDraft(draft.id);
      if (action === 'reject') return api.rejectDraft(draft.id);
      return api.confirmClaims(draft.id);
    },
    onSuccess: (saved, action) => {
      storeDraft(client, jobId, saved);
      setProblem(null);
      setNote(
        action === 'approve'
          ? 'Approved.'
          : action === 'reject'
            ? 'Rejected.'
            : 'Claims confirmed.',
      );
      refreshAfterDecision(client, jobId);
    },
    onError: (error) => setProblem(errorText(error)),
  });

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setNote('Copied.');
    } catch {
      setNote('Copy is not allowed here; select the text instead.');
    }
  };

  const claims = draft.grounding?.claims ?? [];
  const open = claims.filter(isOpen);
  const q = draft.quality;
  const label = `${stageLabel(draft.kind)} by ${draft.model ?? draft.writer}`;
  return (
    <article className="draft" aria-label={`Draft: ${label}`} data-draft-id={draft.id}>
      <header className="draft-head">
        <h3>{label}</h3>
        <span className={`chip status-${draft.status}`}>{stageLabel(draft.status)}</span>
      </header>
      <dl className="facts">
        <div>
          <dt>Writer</dt>
          <dd>{draft.writer}</dd>
        </div>
        <div>
          <dt>Model</dt>
          <dd>{draft.model ?? '–'}</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>{usd(draft.costUsd)}</dd>
        </div>
        <div>
          <dt>Quality</dt>
          <dd>{q === null ? '–' : Math.round(q.total)}</dd>
        </div>
      </dl>
      {q !== null && (
        <p className="muted small">
          grounding {Math.round(q.grounding * 100)}% · specificity {Math.round(q.specificity * 100)}
          % · length {Math.round(q.length * 100)}% · readability {Math.round(q.readability * 100)}%
          · {q.words} words · grade {q.readingGrade.toFixed(1)}
        </p>
      )}
      {draft.notes.length > 0 && (
        <ul className="notes" aria-label="Notes">
          {draft.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      {draft.citedRequirements.length > 0 && (
        <details>
          <summary>Cites {draft.citedRequirements.length} requirement(s)</summary>
          <ul>
            {draft.citedRequirements.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </details>
      )}
      <label className="editor">
        <span>Draft text {saving ? '(saving…)' : ''}</span>
        <textarea
          value={text}
          readOnly={!editable}
          onChange={(e) => setText(e.target.value)}
          rows={12}
          aria-describedby={`claims-${draft.id}`}
        />
      </label>
      <CheckedText draft={draft} />
      <div id={`claims-${draft.id}`} className="claims" aria-live="polite">
        {open.length === 0 ? (
          <p className="ok-text">
            Every claim about you is backed by your profile
            {claims.some((c) => c.confirmedByUser) ? ' or confirmed' : ''}.
          </p>
        ) : (
          <>
            <p className="flag-text">
              {open.length} unsupported claim{open.length === 1 ? '' : 's'} block approval:
            </p>
            <ul aria-label="Unsupported claims">
              {open.map((c, i) => (
                <li key={i}>
                  <mark className="flag">{c.text}</mark>
                  {c.reason !== undefined && <span className="muted"> — {c.reason}</span>}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {problem !== null && (
        <p className="notice error" role="alert">
          {problem}
        </p>
      )}
      {note !== null && problem === null && (
        <p className="notice" role="status">
          {note}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={act.isPending || draft.status !== 'pending_review'}
          onClick={() => act.mutate('approve')}
        >
          Approve
        </button>
        <button
          type="button"
          disabled={act.isPending || draft.status === 'rejected' || draft.status === 'superseded'}
          onClick={() => act.mutate('reject')}
        >
          Reject
        </button>
        <button
          type="button"
          disabled={act.isPending || open.length === 0}
          onClick={() => act.mutate('confirm')}
        >
          Confirm claims
        </button>
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
      </div>
    </article>
  );
}

function WriteDraft({ jobId, defaultKind }: { jobId: string; defaultKind: DraftKind }): ReactNode {
  const client = useQueryClient();
  const [kind, setKind] = useState<DraftKind>(defaultKind);
  const [models, setModels] = useState('');
  const write = useMutation({
    mutationFn: () => {
      const list = models
        .split(',')
        .map((m) => m.trim())
        .filter((m) => m !== '');
      return api.writeDrafts(jobId, { kind, ...(list.length > 0 ? { models: list } : {}) });
    },
    onSuccess: () => refreshAfterDecision(client, jobId),
  });
  return (
    <form
      className="write"
      onSubmit={(e) => {
        e.preventDefault();
        write.mutate();
      }}
    >
      <label>
        Kind{' '}
        <select value={kind} onChange={(e) => setKind(e.target.value as DraftKind)}>
          {DRAFT_KINDS.map((k) => (
            <option key={k} value={k}>
              {stageLabel(k)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Models{' '}
        <input
          value={models}
          onChange={(e) => setModels(e.target.value)}
          placeholder="default route, or provider:model, …"
          size={28}
        />
      </label>
      <button type="submit" className="primary" disabled={write.isPending}>
        {write.isPending ? 'Writing…' : 'Write draft'}
      </button>
      {write.isError && (
        <span role="alert" className="notice error">
          {errorText(write.error)}
        </span>
      )}
    </form>
  );
}

export default function Posting({ id }: { id: string }): ReactNode {
  const client = useQueryClient();
  const detail = useQuery({ queryKey: ['job', id], queryFn: () => api.job(id) });
  const applied = useMutation({
    mutationFn: () => api.moveStage(id, 'applied'),
    onSuccess: () => refreshAfterDecision(client, id),
  });
  if (detail.isPending) return <p className="muted pad">Loading…</p>;
  if (detail.isError)
    return (
      <section className="page">
        <p role="alert">{errorText(detail.error)}</p>
        <Link to="/inbox">Back to the inbox</Link>
      </section>
    );
  const { job, match, application, drafts } = detail.data;
  const shown = drafts
    .filter((d) => d.status !== 'superseded')
    .sort(
      (a, b) =>
        (a.status === 'pending_review' ? 0 : 1) - (b.status === 'pending_review' ? 0 : 1) ||
        (b.quality?.total ?? 0) - (a.quality?.total ?? 0),
    );
  const applyUrl = safeHref(job.url);
  const pay = payText(job);
  return (
    <section className="page posting" aria-labelledby="posting-title">
      <p>
        <Link to="/inbox">← Inbox</Link>
      </p>
      <header className="posting-head">
        <div>
          <h1 id="posting-title">{job.title}</h1>
          <p className="muted">
            {[
              job.company,
              job.location,
              job.remote !== 'unknown' ? job.remote : null,
              job.sourceType,
              pay || null,
              job.postedAt ? `${age(job.postedAt)} ago` : null,
            ]
              .filter((x) => x !== null && x !== '')
              .join(' · ')}
          </p>
          <p>
            <span className="chip stage">
              stage: {stageLabel(application?.stage ?? 'discovered')}
            </span>{' '}
            {match !== null && <span className="chip">score {match.score}</span>}
          </p>
        </div>
        <div className="actions">
          {applyUrl !== null && (
            <a className="button" href={applyUrl} target="_blank" rel="noopener noreferrer">
              Open apply page
            </a>
          )}
          <button
            type="button"
            onClick={() => applied.mutate()}
            disabled={applied.isPending || application?.stage === 'applied'}
          >
            Mark applied
          </button>
        </div>
      </header>
      {applied.isError && (
        <p className="notice error" role="alert">
          {errorText(applied.error)}
        </p>
      )}
      {applied.isSuccess && (
        <p className="notice" role="status">
          Marked as applied.
        </p>
      )}
      <div className="posting-grid">
        <section aria-labelledby="match-title">
          <h2 id="match-title">Match</h2>
          {match === null ? (
            <p className="muted">Not scored yet.</p>
          ) : (
            <>
              <Reasons match={match} />
              <Skills match={match} />
              {match.rejection !== null && (
                <p className="notice">
                  Held back by {match.rejection.rule}: {match.rejection.reason}
                  {match.overridden ? ' (let through)' : ''}
                </p>
              )}
            </>
          )}
        </section>
        <section aria-labelledby="description-title">
          <h2 id="description-title">Description</h2>
          <SafeHtml html={job.descriptionHtml} className="description" />
        </section>
      </div>
      <section aria-labelledby="drafts-title">
        <h2 id="drafts-title">Drafts</h2>
        <WriteDraft jobId={id} defaultKind={job.freelance !== null ? 'proposal' : 'cover_letter'} />
        {shown.length === 0 ? (
          <p className="muted">No drafts yet. Nothing is ever sent: drafts wait here for you.</p>
        ) : (
          <div className="drafts">
            {shown.map((d) => (
              <DraftCard key={d.id} draft={d} jobId={id} />
            ))}
          </div>
        )}
      </section>
    </section>
  );
}
