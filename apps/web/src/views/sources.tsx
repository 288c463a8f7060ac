import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { createApiClient } from '@applydesk/api-contract/client';
import { api, ApiError, apiToken, errorText } from '../api.ts';
import { age } from '../format.ts';
import './sources.css';

/** The shared client, for the one call the dashboard's api module does not wrap. */
const client = createApiClient({ baseUrl: '', token: apiToken });

/** What the page knows of a source's latest run started from here or seen on the stream. */
interface RunView {
  runId: string | null;
  /** When the run began (from the POST's answer or the list), to tell its record from older ones. */
  startedAt: string | null;
  state: 'starting' | 'running' | 'done' | 'failed';
  phase: 'fetching' | 'ranking';
  fetched: number;
  data: Record<string, unknown>;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;
const count = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** A moment as the user's clock shows it, with how long ago. */
function when(iso: string | null): string {
  if (iso === null) return '–';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const ahead = at.getTime() - Date.now();
  // age() measures the past; a back-off's end is ahead, measured the same way from now.
  const relative =
    ahead > 60_000
      ? `in ${age(new Date(Date.now() - ahead).toISOString())}`
      : age(iso) === 'just now'
        ? 'just now'
        : `${age(iso)} ago`;
  return `${at.toLocaleString()} (${relative})`;
}

/** A source's health as sentences: its last run, last success, failures in a row, back-off. */
function HealthDetails({ health }: { health: Record<string, unknown> }): ReactNode {
  const last =
    typeof health.lastRun === 'object' && health.lastRun !== null
      ? (health.lastRun as Record<string, unknown>)
      : null;
  const counts =
    last !== null && typeof last.counts === 'object' && last.counts !== null
      ? (last.counts as Record<string, unknown>)
      : {};
  const tookMs = count(last?.tookMs);
  const failures = count(health.consecutiveFailures) ?? 0;
  const reason = text(health.reason);
  const until = text(health.degradedUntil);
  const lines: [string, string][] = [];
  if (last === null) lines.push(['Last run', 'never']);
  else {
    const found = [
      `${count(counts.fetched) ?? 0} fetched`,
      `${count(counts.created) ?? 0} new`,
      `${count(counts.updated) ?? 0} updated`,
      `${count(counts.closed) ?? 0} closed`,
    ].join(', ');
    const took = tookMs === null ? '' : `, in ${(tookMs / 1000).toFixed(1)} s`;
    lines.push([
      'Last run',
      `${text(last.status) ?? '?'} at ${when(text(last.startedAt))}: ${found}${took}`,
    ]);
    const error = text(last.error);
    if (error !== null) lines.push(['Error', error]);
  }
  lines.push(['Last success', when(text(health.lastSuccessAt))]);
  if (failures > 0) lines.push(['Failed runs in a row', String(failures)]);
  if (reason !== null && reason !== text(last?.error)) lines.push(['Why', reason]);
  if (until !== null) lines.push(['Waits until', when(until)]);
  return (
    <dl className="source-health">
      {lines.map(([term, detail]) => (
        <div key={term}>
          <dt className="muted">{term}</dt>
          <dd>{detail}</dd>
        </div>
      ))}
    </dl>
  );
}

const FRESH: RunView = {
  runId: null,
  startedAt: null,
  state: 'starting',
  phase: 'fetching',
  fetched: 0,
  data: {},
};

const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

/** The run under way that GET /api/sources lists for a source, if any. */
function runningId(item: Record<string, unknown>): string | null {
  const running = item.running;
  if (typeof running !== 'object' || running === null) return null;
  const id = (running as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
}

function summaryText(data: Record<string, unknown>): string {
  const parts = [
    `${num(data.created)} new`,
    `${num(data.updated)} updated`,
    `${num(data.duplicates)} duplicates`,
    `${num(data.closed)} closed`,
    `${num(data.errors)} errors`,
  ];
  return `${num(data.fetched)} fetched: ${parts.join(', ')}`;
}

/**
 * Follows the `source` events of GET /api/events/stream: runs' progress, summaries and
 * failures, whoever started them. The app-wide stream only marks queries stale; this one
 * keeps each run's numbers for its row.
 */
type RunUpdate = (previous: RunView | undefined) => RunView | undefined;

function useSourceRuns(
  onEnd: () => void,
): [Record<string, RunView>, (name: string, update: RunUpdate) => void] {
  const [runs, setRuns] = useState<Record<string, RunView>>({});
  const set = useCallback(
    (name: string, update: RunUpdate) =>
      setRuns((all) => {
        const value = update(all[name]);
        if (value === all[name]) return all;
        const next = { ...all };
        if (value === undefined) delete next[name];
        else next[name] = value;
        return next;
      }),
    [],
  );
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const token = apiToken();
    const stream = new EventSource(
      `/api/events/stream?types=source${token === null ? '' : `&access_token=${encodeURIComponent(token)}`}`,
    );
    const onEvent = (message: MessageEvent<string>) => {
      let event: { action?: string; data?: Record<string, unknown> };
      try {
        event = JSON.parse(message.data) as typeof event;
      } catch {
        return;
      }
      const data = event.data ?? {};
      const name = typeof data.source === 'string' ? data.source : null;
      if (name === null || event.action?.startsWith('source.run_') !== true) return;
      const runId = typeof data.runId === 'string' ? data.runId : null;
      const ended = event.action === 'source.run_finished' || event.action === 'source.run_failed';
      set(name, (previous) => ({
        runId,
        startedAt: previous?.runId === runId ? previous.startedAt : null,
        state: ended ? (event.action === 'source.run_finished' ? 'done' : 'failed') : 'running',
        phase: data.phase === 'ranking' ? 'ranking' : 'fetching',
        fetched: num(data.fetched),
        data,
      }));
      if (ended) onEnd();
    };
    stream.addEventListener('source', onEvent);
    // Without the stream the list is polled while a run is under way (see below).
    stream.onerror = () => undefined;
    return () => {
      stream.removeEventListener('source', onEvent);
      stream.close();
    };
    // The stream lives as long as the view; onEnd only invalidates queries.
  }, []);
  return [runs, set];
}

function RunStatus({ name, run }: { name: string; run: RunView }): ReactNode {
  if (run.state === 'failed') {
    return (
      <p className="run-result run-failed" role="alert">
        Run failed: {typeof run.data.error === 'string' ? run.data.error : 'no reason given'}
        {typeof run.data.retryAt === 'string' && run.data.retryAt !== '' && (
          <span className="muted"> (retry after {run.data.retryAt})</span>
        )}
      </p>
    );
  }
  if (run.state === 'done') {
    const samples = Array.isArray(run.data.errorSamples)
      ? (run.data.errorSamples as { externalId?: unknown; reason?: unknown }[])
      : [];
    return (
      <div className="run-result run-done" role="status">
        <p>Done: {summaryText(run.data)}</p>
        {samples.length > 0 && (
          <ul className="plain small">
            {samples.map((s, i) => (
              <li key={i}>
                {typeof s.externalId === 'string' ? s.externalId : '?'}:{' '}
                {typeof s.reason === 'string' ? s.reason : ''}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  const label =
    run.state === 'starting'
      ? 'Starting…'
      : run.phase === 'ranking'
        ? `Ranking ${run.fetched} postings…`
        : run.fetched === 0
          ? 'Fetching…'
          : `Fetching… ${run.fetched} postings so far`;
  return (
    <div className="run-progress" role="status">
      {/* No value: a source's total is not known until it has paged through. */}
      <progress aria-label={`Progress of ${name}`} />
      <span className="small">{label}</span>
    </div>
  );
}

function RunButton(props: {
  name: string;
  label: string;
  busy: boolean;
  onStart: (run: { id: string; startedAt: string } | null) => void;
  onStarting: () => void;
}): ReactNode {
  const [held, setHeld] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: (force: boolean) => client.sources.run(props.name, { force }),
    onMutate: () => {
      setHeld(null);
      setFailure(null);
      props.onStarting();
    },
    onSuccess: (res) => props.onStart(res.run),
    onError: (error) => {
      props.onStart(null);
      // A source backing off is the user's call: say why, and offer to run it anyway.
      if (error instanceof ApiError && error.status === 429) setHeld(error.message);
      else setFailure(errorText(error));
    },
  });
  const disabled = props.busy || start.isPending;
  return (
    <div className="run-controls">
      <button
        type="button"
        className="primary"
        disabled={disabled}
        aria-label={`Run ${props.label} now`}
        onClick={() => start.mutate(false)}
      >
        {disabled ? 'Running…' : 'Run now'}
      </button>
      {held !== null && (
        <div className="run-result run-failed" role="alert">
          <p>{held}</p>
          <button
            type="button"
            aria-label={`Run ${props.label} anyway`}
            onClick={() => start.mutate(true)}
          >
            Run anyway
          </button>
        </div>
      )}
      {failure !== null && (
        <p className="run-result run-failed" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}

export default function Sources(): ReactNode {
  const queryClient = useQueryClient();
  const refresh = () => {
    for (const key of ['sources', 'jobs', 'job', 'insights'])
      void queryClient.invalidateQueries({ queryKey: [key] });
  };
  const [runs, setRun] = useSourceRuns(refresh);
  const anyRunning = Object.values(runs).some(
    (r) => r.state === 'starting' || r.state === 'running',
  );
  const sources = useQuery({
    queryKey: ['sources'],
    queryFn: api.sources,
    // Should the stream be unavailable, the list still shows when a run has ended.
    refetchInterval: (query) =>
      anyRunning || (query.state.data?.items ?? []).some((s) => runningId(s) !== null)
        ? 2000
        : false,
  });

  // The list says which runs are under way (after a reload, say) and, should the stream be
  // away, how a run ended: its record is the source's last run, started no earlier than it.
  useEffect(() => {
    let ended = false;
    for (const s of sources.data?.items ?? []) {
      const id = runningId(s);
      const last = s.health.lastRun as Record<string, unknown> | null | undefined;
      if (id === null && runs[s.name]?.state === 'running') ended = true;
      setRun(s.name, (known) => {
        if (id !== null)
          return known?.runId === id
            ? known
            : { ...FRESH, runId: id, startedAt: null, state: 'running' };
        if (known?.state !== 'running' || last === null || last === undefined) return known;
        const lastStart = typeof last.startedAt === 'string' ? last.startedAt : '';
        if (known.startedAt !== null && lastStart < known.startedAt) return known;
        const counts = (last.counts ?? {}) as Record<string, unknown>;
        return {
          ...known,
          state: last.status === 'failed' ? 'failed' : 'done',
          data: {
            ...counts,
            errors: counts.invalid,
            error: last.error ?? null,
            retryAt: last.retryAt ?? null,
          },
        };
      });
    }
    if (ended)
      for (const key of ['jobs', 'insights'])
        void queryClient.invalidateQueries({ queryKey: [key] });
    // Read when the list changes; the runs it settles are not a reason to run again.
  }, [sources.data, setRun]);

  return (
    <section className="page" aria-labelledby="sources-title">
      <h1 id="sources-title">Sources</h1>
      {sources.isPending && <p className="muted">Loading…</p>}
      {sources.isError && <p role="alert">{errorText(sources.error)}</p>}
      {sources.data?.items.length === 0 && (
        <p className="muted">
          No sources are configured. Add them under sources: in applydesk.yaml.
        </p>
      )}
      {sources.data !== undefined && sources.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="sources-table">
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Type</th>
                <th scope="col">Health</th>
                <th scope="col">Details</th>
                <th scope="col">Next run</th>
              </tr>
            </thead>
            <tbody>
              {sources.data.items.map((s) => {
                const { state, ...rest } = s.health;
                const run = runs[s.name];
                const busy =
                  run?.state === 'starting' || run?.state === 'running' || runningId(s) !== null;
                const label = s.label === '' ? s.name : `${s.label} (${s.name})`;
                return (
                  <tr key={s.name}>
                    <th scope="row" className="source-cell">
                      <span className="source-name">{s.label || s.name}</span>
                      <span className="muted small"> {s.name}</span>
                      {!s.enabled && <span className="chip">disabled</span>}
                      <RunButton
                        name={s.name}
                        label={label}
                        busy={busy || s.unusable !== null}
                        onStarting={() => setRun(s.name, () => FRESH)}
                        onStart={(started) =>
                          setRun(s.name, (known) => {
                            if (started === null) return undefined;
                            // The stream may have told more of this run already.
                            if (known?.runId === started.id)
                              return { ...known, startedAt: started.startedAt };
                            return {
                              ...FRESH,
                              runId: started.id,
                              startedAt: started.startedAt,
                              state: 'running',
                            };
                          })
                        }
                      />
                      {run !== undefined && <RunStatus name={label} run={run} />}
                    </th>
                    <td>{s.type}</td>
                    <td>
                      <span className={`chip health-${state}`}>{state}</span>
                      {s.unusable !== null && <p className="flag-text small">{s.unusable}</p>}
                    </td>
                    <td className="small">
                      <HealthDetails health={rest} />
                    </td>
                    <td className="small">
                      {s.nextRunAt ?? (s.schedule === null ? 'manual' : s.schedule)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
