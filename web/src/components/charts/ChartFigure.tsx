import { useId, type ReactNode } from 'react';

/** Colours of the charts' marks: the storefront's palette, each at least 3:1 against the page (WCAG's non-text contrast). */
export const CHART_COLORS = {
  revenue: '#7a2e0e',
  units: '#1a5fb4',
  expected: '#7a2e0e',
  band: '#ecc9b0',
  stockout: '#a3141b',
  ok: '#1d6b35',
  warn: '#a35a00',
  dead: '#a3141b',
  grid: '#e7ddd3',
  text: '#5c534c',
} as const;

/** A legend entry in the text colour: the series' own colour (a light band) can be too pale to read. */
export const legendText = (value: string) => <span style={{ color: CHART_COLORS.text }}>{value}</span>;

/**
 * A chart as a figure: its title and a sentence saying what it shows (the figure's name and description for
 * screen readers), the drawing (hidden from them: it repeats the table), and the same figures as a table under
 * "Ver los datos".
 */
export function ChartFigure({ title, description, table, testId, children }: { title: string; description: ReactNode; table: ReactNode; testId?: string; children: ReactNode }) {
  const id = useId();
  return (
    <figure className="chart" aria-labelledby={`${id}-title`} aria-describedby={`${id}-description`} data-testid={testId}>
      <figcaption>
        <h3 id={`${id}-title`} className="chart-title">
          {title}
        </h3>
        <p id={`${id}-description`} className="muted chart-description">
          {description}
        </p>
      </figcaption>
      <div className="chart-canvas" aria-hidden="true">
        {children}
      </div>
      <details className="chart-data">
        <summary>Ver los datos</summary>
        {table}
      </details>
    </figure>
  );
}
