import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, errorText } from '../api.ts';
import { age, payText, stageLabel } from '../format.ts';
import { typingInField, useDebounced } from '../hooks.ts';
import { navigate } from '../router.tsx';
import { STAGES, type Draft, type JobFilters, type JobListItem } from '../types.ts';
import { Reasons } from '../components/reasons.tsx';

const ROW_HEIGHT = 76;
const FIRST_PAGE = 40;
const PAGE = 100;
const KNOWN_SOURCES = ['greenhouse', 'lever', 'ashby', 'workable', 'remotive', 'hn', 'upwork'];

export function scoreBand(score: number | null): string {
  if (score === null) return 'none';
  if (score >= 85) return 'top';
  if (score >= 70) return 'good';
  if (score >= 50) return 'fair';
  return 'low';
}

/** The pending draft a one-key approve or reject acts on: the best by quality. */
function bestPending(drafts: Draft[]): Draft | null {
  const pending = drafts.filter((d) => d.status === 'pending_review');
  pending.sort((a, b) => (b.quality?.total ?? 0) - (a.quality?.total ?? 0));
  return pending[0] ?? null;
}

function Row({
  job,
  selected,
  onPick,
}: {
  job: JobListItem;
  selected: boolean;
  onPick: () => void;
}): ReactNode {
  const pay = payText(job);
  return (
    <div
      className="row"
      role="option"
      aria-selected={selected}
      id={`job-${job.id}`}
      onClick={onPick}
      onDoubleClick={() => navigate(`/jobs/${encodeURIComponent(job.id)}`)}
    >
      <span
        className={`score band-${scoreBand(job.score)}`}
        aria-label={`score ${job.score ?? 'none'}`}
      >
        {job.score ?? '–'}
      </span>
      <div className="row-main">
        <a
          className="row-title"
          href={`/jobs/${encodeURIComponent(job.id)}`}
          onClick={(e) => {
            e.preventDefault();
            navigate(`/jobs/${encodeURIComponent(job.id)}`);
          }}
          tabIndex={-1}
        >
          {job.title}
        </a>
        <div className="row-meta">
          <span>{job.company}</span>
          {job.location !== null && <span>{job.location}</span>}
          {job.remote !== 'unknown' && <span>{job.remote}</span>}
          <span className="chip">{job.sourceType}</span>
          {pay !== '' && <span>{pay}</span>}
          {job.postedAt !== null && <span title={job.postedAt}>{age(job.postedAt)}</span>}
          {job.stage !== 'discovered' && (
            <span className="chip stage">{stageLabel(job.stage)}</span>
          )}
        </div>
        {job.skills.length > 0 && (
          <div className="row-skills">{job.skills.slice(0, 5).join(' · ')}</div>
        )}
      </div>
    </div>
  );
}

function Preview({ id }: { id: string }): ReactNode {
  const detail = useQuery({ queryKey: ['job', id], queryFn: () => api.job(id) });
  if (detail.isPending) return <p className="muted">Loading…</p>;
  if (detail.isError) return <p role="alert">{errorText(detail.error)}</p>;
  const { job, match, drafts } = detail.data;
  const pending = drafts.filter((d) => d.status === 'pending_review').length;
  return (
    <div>
      <h2 className="preview-title">{job.title}</h2>
      <p className="muted">
        {job.company} · {job.sourceType}
      </p>
      <h3>Why it ranks here</h3>
      {match === null ? (
        <p className="muted">Not scored yet.</p>
      ) : (
        <Reasons match={match} limit={6} />
      )}
      <p className="muted">
        {pending === 0
          ? 'No draft waiting for review.'
          : `${pending} draft(s) waiting for review: a approves, r rejects.`}
      </p>
      <button type="button" onClick={() => navigate(`/jobs/${encodeURIComponent(id)}`)}>
        Open posting
      </button>
    </div>
  );
}

export function Inbox(): ReactNode {
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<Omit<JobFilters, 'q'>>({
    minScore: null,
    source: '',
    stage: '',
    remote: '',
    status: 'open',
  });
  const query = useDebounced(q, 250);
  const all: JobFilters = useMemo(() => ({ ...filters, q: query }), [filters, query]);
  const jobs = useInfiniteQuery({
    queryKey: ['jobs', all],
    // A small first page paints sooner (rows carry descriptions); later pages are larger.
    queryFn: ({ pageParam }) => api.jobs(all, pageParam, pageParam === null ? FIRST_PAGE : PAGE),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
  const items = useMemo(() => jobs.data?.pages.flatMap((p) => p.items) ?? [], [jobs.data]);
  const total = jobs.data?.pages[0]?.total_count ?? 0;
  const [selected, setSelected] = useState(0);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: jobs.hasNextPage ? items.length + 1 : items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastVisible = virtualItems[virtualItems.length - 1]?.index ?? 0;

  // Fetch the next page before the user reaches the end, so scrolling never waits.
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = jobs;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastVisible >= items.length - 30)
      void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastVisible, items.length]);

  useEffect(() => setSelected(0), [all]);
  const current = items[Math.min(selected, Math.max(0, items.length - 1))];
  const previewId = useDebounced(current?.id ?? null, 150);

  const move = useCallback(
    (delta: number) => setSelected((at) => Math.max(0, Math.min(items.length - 1, at + delta))),
    [items.length],
  );
  // Keep the selection on screen as j/k move it past the visible rows.
  // Only on a new selection: a page arriving must not pull a user who scrolled away back.
  const scrollTo = useRef(virtualizer.scrollToIndex);
  scrollTo.current = virtualizer.scrollToIndex;
  useEffect(() => {
    scrollTo.current(selected, { align: 'auto' });
  }, [selected]);

  const decide = useCallback(
    async (job: JobListItem, verdict: 'approve' | 'reject') => {
      try {
        const detail = await client.fetchQuery({
          queryKey: ['job', job.id],
          queryFn: () => api.job(job.id),
        });
        const draft = bestPending(detail.drafts);
        if (draft === null) {
          setMessage({ text: `No draft of “${job.title}” is waiting for review.`, error: true });
          return;
        }
        if (verdict === 'approve') await api.approveDraft(draft.id);
        else await api.rejectDraft(draft.id);
        setMessage({
          text: `${verdict === 'approve' ? 'Approved' : 'Rejected'} the draft for “${job.title}”.`,
          error: false,
        });
        await Promise.all([
          client.invalidateQueries({ queryKey: ['job', job.id] }),
          client.invalidateQueries({ queryKey: ['jobs'] }),
        ]);
      } catch (error) {
        setMessage({ text: errorText(error), error: true });
      }
    },
    [client],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || typingInField(event.target)) return;
      if (event.key === 'j' || event.key === 'ArrowDown') {
        event.preventDefault();
        move(1);
      } else if (event.key === 'k' || event.key === 'ArrowUp') {
        event.preventDefault();
        move(-1);
      } else if (event.key === 'Enter' && current !== undefined) {
        if (event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement)
          return;
        navigate(`/jobs/${encodeURIComponent(current.id)}`);
      } else if ((event.key === 'a' || event.key === 'r') && current !== undefined) {
        void decide(current, event.key === 'a' ? 'approve' : 'reject');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [move, decide, current]);

  const sources = useMemo(() => {
    const seen = new Set(KNOWN_SOURCES);
    for (const job of items.slice(0, 500)) seen.add(job.sourceType);
    return [...seen].sort();
  }, [items]);
  const set = <K extends keyof typeof filters>(key: K, value: (typeof filters)[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));

  return (
    <section className="inbox" aria-labelledby="inbox-title">
      <header className="toolbar">
        <h1 id="inbox-title">Inbox</h1>
        <input
          type="search"
          placeholder="Search postings"
          aria-label="Search postings"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <div className="filters" role="group" aria-label="Filters">
          <select
            aria-label="Minimum score"
            value={filters.minScore ?? ''}
            onChange={(e) => set('minScore', e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">Any score</option>
            <option value="50">50+</option>
            <option value="70">70+</option>
            <option value="85">85+</option>
          </select>
          <select
            aria-label="Source"
            value={filters.source}
            onChange={(e) => set('source', e.target.value)}
          >
            <option value="">All sources</option>
            {sources.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <select
            aria-label="Stage"
            value={filters.stage}
            onChange={(e) => set('stage', e.target.value)}
          >
            <option value="">Any stage</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {stageLabel(s)}
              </option>
            ))}
          </select>
          <select
            aria-label="Remote"
            value={filters.remote}
            onChange={(e) => set('remote', e.target.value)}
          >
            <option value="">Remote or not</option>
            <option value="remote">Remote</option>
            <option value="hybrid">Hybrid</option>
            <option value="onsite">On site</option>
          </select>
          <select
            aria-label="Status"
            value={filters.status}
            onChange={(e) => set('status', e.target.value as JobFilters['status'])}
          >
            <option value="open">Open</option>
            <option value="closed">Closed</option>
            <option value="all">Open and closed</option>
          </select>
        </div>
        <p className="muted count" aria-live="polite">
          {jobs.isPending ? 'Loading…' : `${total.toLocaleString()} postings`}
          <span className="keys"> · j/k move · Enter open · a approve · r reject</span>
        </p>
      </header>
      {message !== null && (
        <p
          className={message.error ? 'notice error' : 'notice'}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
      {jobs.isError && (
        <p role="alert" className="notice error">
          {errorText(jobs.error)}
        </p>
      )}
      <div className="inbox-body">
        <div
          ref={scrollRef}
          className="list"
          role="listbox"
          aria-label="Ranked postings"
          tabIndex={0}
          aria-activedescendant={current === undefined ? undefined : `job-${current.id}`}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualItems.map((v) => {
              const job = items[v.index];
              return (
                <div
                  key={v.key}
                  className="row-slot"
                  style={{ transform: `translateY(${v.start}px)`, height: v.size }}
                >
                  {job === undefined ? (
                    <p className="muted pad">Loading more…</p>
                  ) : (
                    <Row
                      job={job}
                      selected={v.index === selected}
                      onPick={() => setSelected(v.index)}
                    />
                  )}
                </div>
              );
            })}
          </div>
          {!jobs.isPending && items.length === 0 && (
            <p className="muted pad">No postings match these filters.</p>
          )}
        </div>
        <aside className="preview" aria-label="Selected posting">
          {previewId === null ? (
            <p className="muted">Pick a posting.</p>
          ) : (
            <Preview id={previewId} />
          )}
        </aside>
      </div>
    </section>
  );
}
