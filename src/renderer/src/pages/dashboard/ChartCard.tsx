import { useState, type ReactNode } from 'react';

/** Colours for series, readable on the light and the dark theme (SVG attributes take no CSS variables). */
export const PALETTE = [
  '#2457c5',
  '#c2410c',
  '#2f855a',
  '#b7791f',
  '#8e5ea2',
  '#3b6e9c',
  '#d53f8c',
  '#718096',
];

export const TIER_COLOURS: Record<string, string> = {
  HOT: '#c2410c',
  WARM: '#b7791f',
  COLD: '#3b6e9c',
  'Not scored': '#a0aec0',
};

export const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);

/**
 * A dashboard card: a chart, and its numbers one click away ("Numbers" shows the same figures as a
 * table; "Chart" goes back).
 */
export function ChartCard({
  id,
  title,
  help,
  controls,
  chart,
  table,
}: {
  id: string;
  title: string;
  help?: string;
  controls?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
}) {
  const [numbers, setNumbers] = useState(false);
  return (
    <section className="card chart-card" data-testid={`card-${id}`}>
      <header className="chart-card__head">
        <h3>{title}</h3>
        <div className="chart-card__controls">
          {controls}
          <button
            type="button"
            className="button button--small"
            aria-pressed={numbers}
            onClick={() => setNumbers((n) => !n)}
            data-testid={`toggle-${id}`}
          >
            {numbers ? 'Chart' : 'Numbers'}
          </button>
        </div>
      </header>
      {help && <p className="muted chart-card__help">{help}</p>}
      {numbers ? (
        <div className="table-scroll" data-testid={`table-${id}`}>
          {table}
        </div>
      ) : (
        <div className="chart-card__chart" data-testid={`chart-${id}`}>
          {chart}
        </div>
      )}
    </section>
  );
}
