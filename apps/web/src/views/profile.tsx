import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api, errorText } from '../api.ts';

export default function ProfileView(): ReactNode {
  const profile = useQuery({ queryKey: ['profile'], queryFn: api.profile });
  if (profile.isPending) return <p className="muted pad">Loading…</p>;
  if (profile.isError)
    return (
      <p role="alert" className="pad">
        {errorText(profile.error)}
      </p>
    );
  const p = profile.data;
  const prefs = p.preferences;
  return (
    <section className="page profile" aria-labelledby="profile-title">
      <h1 id="profile-title">{p.basics.name}</h1>
      {p.basics.label !== undefined && <p className="muted">{p.basics.label}</p>}
      {p.basics.summary !== undefined && <p>{p.basics.summary}</p>}
      <p className="muted small">
        Read-only here: edit with `applydesk profile show --json`, then `profile import`.
      </p>
      <h2>Looking for</h2>
      <dl className="facts wide">
        <div>
          <dt>Titles</dt>
          <dd>{prefs.targetTitles.join(', ') || '–'}</dd>
        </div>
        <div>
          <dt>Seniority</dt>
          <dd>{prefs.seniority.join(', ') || '–'}</dd>
        </div>
        <div>
          <dt>Locations</dt>
          <dd>{prefs.locations.join(', ') || '–'}</dd>
        </div>
        <div>
          <dt>Remote</dt>
          <dd>{prefs.remote.join(', ') || '–'}</dd>
        </div>
        <div>
          <dt>Salary floor</dt>
          <dd>
            {prefs.salaryFloor === null
              ? '–'
              : `${prefs.salaryFloor.amount.toLocaleString()} ${prefs.salaryFloor.currency}`}
          </dd>
        </div>
        <div>
          <dt>Avoid</dt>
          <dd>{prefs.avoidCompanies.join(', ') || '–'}</dd>
        </div>
      </dl>
      <h2>Skills</h2>
      <ul className="chips">
        {p.skills.map((s) => (
          <li key={s.name} className="chip">
            {s.name}
            {s.keywords.length > 0 ? `: ${s.keywords.join(', ')}` : ''}
          </li>
        ))}
      </ul>
      <h2>Experience</h2>
      <ul className="plain">
        {p.work.map((w, i) => (
          <li key={i}>
            <strong>{w.position}</strong>, {w.name}{' '}
            <span className="muted">
              {w.startDate ?? ''}–{w.endDate ?? 'now'}
            </span>
            {w.highlights.length > 0 && (
              <ul>
                {w.highlights.map((h, j) => (
                  <li key={j}>{h}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {p.education.length > 0 && (
        <>
          <h2>Education</h2>
          <ul className="plain">
            {p.education.map((e, i) => (
              <li key={i}>
                {[e.studyType, e.area].filter(Boolean).join(' in ')} — {e.institution}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
