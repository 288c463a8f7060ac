import type { ReactNode } from 'react';

// Plain SVG charts: a chart library would cost more bundle than the whole dashboard.

export interface Bar {
  label: string;
  value: number;
  /** Shown after the value, e.g. an answer rate. */
  note?: string;
}

/** Horizontal bars, one row each, scaled to the largest value. */
export function BarChart({
  title,
  bars,
  unit = '',
}: {
  title: string;
  bars: Bar[];
  unit?: string;
}): ReactNode {
  const rowHeight = 28;
  const labelWidth = 120;
  const width = 480;
  const barSpace = width - labelWidth - 110;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = Math.max(rowHeight, bars.length * rowHeight);
  const summary = bars
    .map((b) => `${b.label} ${b.value}${unit}${b.note ? ` (${b.note})` : ''}`)
    .join(', ');
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${title}: ${summary || 'no data'}`}
        preserveAspectRatio="xMinYMin meet"
      >
        {bars.length === 0 && (
          <text x={0} y={18} className="chart-muted">
            No data yet
          </text>
        )}
        {bars.map((bar, i) => {
          const y = i * rowHeight;
          const w = Math.max(bar.value > 0 ? 2 : 0, (bar.value / max) * barSpace);
          return (
            <g key={bar.label} transform={`translate(0 ${y})`}>
              <title>{`${bar.label}: ${bar.value}${unit}${bar.note ? ` (${bar.note})` : ''}`}</title>
              <text
                x={labelWidth - 8}
                y={rowHeight / 2 + 4}
                textAnchor="end"
                className="chart-label"
              >
                {bar.label}
              </text>
              <rect
                x={labelWidth}
                y={5}
                width={w}
                height={rowHeight - 10}
                rx={3}
                className="chart-bar"
              />
              <text x={labelWidth + w + 6} y={rowHeight / 2 + 4} className="chart-value">
                {`${bar.value}${unit}${bar.note ? ` · ${bar.note}` : ''}`}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** Vertical columns over numeric bins (score distribution). */
export function Histogram({
  title,
  bins,
}: {
  title: string;
  bins: { from: number; to: number; count: number }[];
}): ReactNode {
  const width = 480;
  const height = 180;
  const bottom = 22;
  const max = Math.max(1, ...bins.map((b) => b.count));
  const slot = bins.length === 0 ? width : width / bins.length;
  const summary = bins.map((b) => `${b.from}-${b.to}: ${b.count}`).join(', ');
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${title}: ${summary || 'no data'}`}
      >
        {bins.map((bin, i) => {
          const h = (bin.count / max) * (height - bottom - 8);
          return (
            <g key={`${bin.from}-${bin.to}`}>
              <title>{`${bin.from}–${bin.to}: ${bin.count}`}</title>
              <rect
                x={i * slot + 2}
                y={height - bottom - h}
                width={Math.max(1, slot - 4)}
                height={h}
                rx={2}
                className="chart-bar"
              />
              {(bins.length <= 12 || i % 2 === 0) && (
                <text
                  x={i * slot + slot / 2}
                  y={height - 6}
                  textAnchor="middle"
                  className="chart-label"
                >
                  {bin.from}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** The funnel: each stage's bar as a share of the first, with the count. */
export function Funnel({ steps }: { steps: { label: string; value: number }[] }): ReactNode {
  const first = steps[0]?.value ?? 0;
  return (
    <BarChart
      title="Funnel"
      bars={steps.map((s) => ({
        label: s.label,
        value: s.value,
        note: first > 0 ? `${Math.round((s.value / first) * 100)}%` : '',
      }))}
    />
  );
}
