import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api, errorText } from '../api.ts';
import { BarChart, Funnel, Histogram } from '../components/charts.tsx';
import { percent, usd } from '../format.ts';

export default function InsightsView(): ReactNode {
  const insights = useQuery({ queryKey: ['insights'], queryFn: api.insights });
  if (insights.isPending) return <p className="muted pad">Loading…</p>;
  if (insights.isError)
    return (
      <p role="alert" className="pad">
        {errorText(insights.error)}
      </p>
    );
  const { funnel, bySource, byScoreBand, spendPerApplication, scoreDistribution } = insights.data;
  return (
    <section className="page insights" aria-labelledby="insights-title">
      <h1 id="insights-title">Insights</h1>
      <div className="stats">
        <div className="stat">
          <span className="stat-value" data-testid="applied-count">
            {funnel.applied}
          </span>
          <span className="muted">applied</span>
        </div>
        <div className="stat">
          <span className="stat-value">{funnel.answered}</span>
          <span className="muted">answered</span>
        </div>
        <div className="stat">
          <span className="stat-value">{usd(spendPerApplication.usd)}</span>
          <span className="muted">
            LLM spend per application ({spendPerApplication.applications})
          </span>
        </div>
      </div>
      <div className="charts">
        <Funnel
          steps={[
            { label: 'found', value: funnel.found },
            { label: 'shortlisted', value: funnel.shortlisted },
            { label: 'drafted', value: funnel.drafted },
            { label: 'applied', value: funnel.applied },
            { label: 'answered', value: funnel.answered },
            { label: 'interview', value: funnel.interview },
            { label: 'offer', value: funnel.offer },
          ]}
        />
        <BarChart
          title="Answer rate by source"
          bars={bySource.map((s) => ({
            label: s.source,
            value: s.applied,
            note: `${s.answered} answered, ${percent(s.rate)}`,
          }))}
        />
        <BarChart
          title="Answer rate by score band"
          bars={byScoreBand.map((b) => ({
            label: b.band,
            value: b.applied,
            note: `${b.answered} answered, ${percent(b.rate)}`,
          }))}
        />
        <Histogram title="Score distribution" bins={scoreDistribution} />
      </div>
    </section>
  );
}
