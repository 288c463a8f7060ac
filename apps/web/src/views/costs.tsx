import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { api, errorText } from '../api.ts';
import { BarChart } from '../components/charts.tsx';
import { usd } from '../format.ts';

type By = 'day' | 'model' | 'job';

export default function Costs(): ReactNode {
  const [by, setBy] = useState<By>('day');
  const costs = useQuery({ queryKey: ['costs', by], queryFn: () => api.costs(by) });
  return (
    <section className="page" aria-labelledby="costs-title">
      <h1 id="costs-title">Costs</h1>
      <div role="radiogroup" aria-label="Group by" className="segmented">
        {(['day', 'model', 'job'] as const).map((b) => (
          <button
            key={b}
            type="button"
            role="radio"
            aria-checked={by === b}
            onClick={() => setBy(b)}
          >
            by {b}
          </button>
        ))}
      </div>
      {costs.isPending && <p className="muted">Loading…</p>}
      {costs.isError && <p role="alert">{errorText(costs.error)}</p>}
      {costs.data !== undefined && (
        <>
          <p>
            Since {costs.data.since}: <strong>{usd(costs.data.total.costUsd)}</strong> over{' '}
            {costs.data.total.calls} calls ({costs.data.total.cached} cached,{' '}
            {costs.data.total.errors} failed)
            {costs.data.total.unpriced > 0 && (
              <span className="flag-text">
                {' '}
                · {costs.data.total.unpriced} calls to models without a known price
              </span>
            )}
          </p>
          <BarChart
            title={`Spend by ${by} (US cents)`}
            bars={costs.data.rows
              .slice(0, 30)
              .map((r) => ({ label: r.key, value: Math.round(r.costUsd * 10000) / 100 }))}
          />
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{by}</th>
                  <th scope="col">Calls</th>
                  <th scope="col">Tokens in / out</th>
                  <th scope="col">Cost</th>
                </tr>
              </thead>
              <tbody>
                {costs.data.rows.length === 0 && (
                  <tr>
                    <td colSpan={4} className="muted">
                      No language model calls in this period (offline drafts cost nothing).
                    </td>
                  </tr>
                )}
                {costs.data.rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.key}</th>
                    <td>{r.calls}</td>
                    <td>
                      {r.inputTokens.toLocaleString()} / {r.outputTokens.toLocaleString()}
                    </td>
                    <td>
                      {usd(r.costUsd)}
                      {r.unpriced > 0 ? ' *' : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
