import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api, errorText } from '../api.ts';

/** A health field as text; nested objects (a last run's counts) as `k v` pairs. */
function show(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .flatMap(([k, v]) =>
        typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
          ? [`${k} ${v}`]
          : [],
      )
      .join(', ');
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : '–';
}

export default function Sources(): ReactNode {
  const sources = useQuery({ queryKey: ['sources'], queryFn: api.sources });
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
          <table>
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
                return (
                  <tr key={s.name}>
                    <th scope="row">
                      {s.label || s.name}
                      {!s.enabled && <span className="chip">disabled</span>}
                    </th>
                    <td>{s.type}</td>
                    <td>
                      <span className={`chip health-${state}`}>{state}</span>
                      {s.unusable !== null && <p className="flag-text small">{s.unusable}</p>}
                    </td>
                    <td className="small">
                      {Object.entries(rest).map(([k, v]) => (
                        <div key={k}>
                          <span className="muted">{k}:</span> {show(v)}
                        </div>
                      ))}
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
