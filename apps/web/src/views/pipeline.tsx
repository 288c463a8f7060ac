import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type DragEvent, type ReactNode } from 'react';
import { api, errorText } from '../api.ts';
import { stageLabel } from '../format.ts';
import { Link } from '../router.tsx';
import { STAGES, type ApplicationCard, type Stage } from '../types.ts';

/** Columns shown even when empty; the rest appear only when something is in them. */
const MAIN: readonly Stage[] = [
  'shortlisted',
  'drafting',
  'ready_for_review',
  'approved',
  'applied',
  'interviewing',
  'offer',
];
const DRAG_TYPE = 'application/x-applydesk-job';

function History({ applicationId }: { applicationId: string }): ReactNode {
  const history = useQuery({
    queryKey: ['history', applicationId],
    queryFn: () => api.history(applicationId),
  });
  if (history.isPending) return <p className="muted small">Loading history…</p>;
  if (history.isError)
    return (
      <p role="alert" className="small">
        {errorText(history.error)}
      </p>
    );
  return (
    <ol className="history" aria-label="Stage history">
      {history.data.items.map((h, i) => (
        <li key={i}>
          <time dateTime={h.at}>{new Date(h.at).toLocaleString()}</time>:{' '}
          {h.from === null ? '' : `${stageLabel(h.from)} → `}
          {stageLabel(h.to)}{' '}
          <span className="muted">
            ({h.actor}
            {h.note ? `, “${h.note}”` : ''})
          </span>
        </li>
      ))}
    </ol>
  );
}

function Card({
  card,
  onMove,
  busy,
}: {
  card: ApplicationCard;
  onMove: (jobId: string, stage: Stage) => void;
  busy: boolean;
}): ReactNode {
  const [open, setOpen] = useState(false);
  const { application, job } = card;
  const title = job?.title ?? application.jobId;
  return (
    <li
      className="card"
      data-job-id={application.jobId}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, application.jobId);
        e.dataTransfer.setData('text/plain', application.jobId);
        e.dataTransfer.effectAllowed = 'move';
      }}
      aria-label={`${title} at ${job?.company ?? 'unknown company'}, ${stageLabel(application.stage)}`}
    >
      <Link
        to={`/jobs/${encodeURIComponent(application.jobId)}`}
        className="card-title"
        // A link drags as a URL; the whole card should drag as the card.
        draggable={false}
      >
        {title}
      </Link>
      <p className="muted small">
        {job?.company ?? ''} {job !== null ? `· ${job.sourceType}` : ''}
      </p>
      <div className="card-actions">
        <label className="small">
          <span className="visually-hidden">Move “{title}” to stage</span>
          <select
            value={application.stage}
            disabled={busy}
            onChange={(e) => onMove(application.jobId, e.target.value as Stage)}
            aria-label={`Move “${title}” to stage`}
          >
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {stageLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="small"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
        >
          History
        </button>
      </div>
      {open && <History applicationId={application.id} />}
    </li>
  );
}

export default function Pipeline(): ReactNode {
  const client = useQueryClient();
  const board = useQuery({ queryKey: ['applications'], queryFn: api.applications });
  const [over, setOver] = useState<Stage | null>(null);
  const move = useMutation({
    mutationFn: ({ jobId, stage }: { jobId: string; stage: Stage }) => api.moveStage(jobId, stage),
    onSettled: () => {
      for (const key of [['applications'], ['history'], ['insights'], ['jobs'], ['job']])
        void client.invalidateQueries({ queryKey: key });
    },
  });
  const onMove = (jobId: string, stage: Stage) => {
    const card = board.data?.items.find((c) => c.application.jobId === jobId);
    if (card === undefined || card.application.stage === stage) return;
    move.mutate({ jobId, stage });
  };
  const drop = (stage: Stage) => (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    setOver(null);
    const jobId = e.dataTransfer.getData(DRAG_TYPE) || e.dataTransfer.getData('text/plain');
    if (jobId !== '') onMove(jobId, stage);
  };
  const items = board.data?.items ?? [];
  const columns = STAGES.filter(
    (s) => MAIN.includes(s) || items.some((c) => c.application.stage === s),
  );
  return (
    <section className="page pipeline" aria-labelledby="pipeline-title">
      <h1 id="pipeline-title">Pipeline</h1>
      <p className="muted">
        Drag a card to another column, or pick its stage from the list on the card.
      </p>
      {move.isError && (
        <p className="notice error" role="alert">
          {errorText(move.error)}
        </p>
      )}
      {board.isError && <p role="alert">{errorText(board.error)}</p>}
      {board.isPending ? (
        <p className="muted">Loading…</p>
      ) : (
        <div className="board">
          {columns.map((stage) => {
            const cards = items.filter((c) => c.application.stage === stage);
            return (
              <section
                key={stage}
                className={over === stage ? 'column over' : 'column'}
                aria-label={`${stageLabel(stage)}: ${cards.length}`}
                data-stage={stage}
                onDragOver={(e) => {
                  e.preventDefault();
                  e.dataTransfer.dropEffect = 'move';
                  setOver(stage);
                }}
                onDragLeave={() => setOver((s) => (s === stage ? null : s))}
                onDrop={drop(stage)}
              >
                <h2>
                  {stageLabel(stage)} <span className="muted">{cards.length}</span>
                </h2>
                <ul>
                  {cards.map((card) => (
                    <Card
                      key={card.application.id}
                      card={card}
                      onMove={onMove}
                      busy={move.isPending}
                    />
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </section>
  );
}
