/**
 * A chart with the table of its figures (issue 13 point 3). The table is always there: screen readers
 * read it, it prints, and it is the chart's content while (or if never) the library loads. The canvas
 * is an image (role="img") with a Vietnamese summary of what it shows. Chart.js comes with the first
 * chart drawn (chart-engine.ts by import()), never with the back office's first screen (decision 017).
 */
import './chart.css';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { formatNumber, useI18n } from '../i18n.tsx';

export interface ChartSeries {
  label: string;
  values: number[];
  /** A colour with at least 3:1 contrast on white; series are also told apart by the legend and the table. */
  color: string;
  /** A dashed line (line charts): a second series is told apart by more than its colour. */
  dashed?: boolean;
}

export interface ChartSpec {
  kind: 'bar' | 'line';
  labels: string[];
  series: ChartSeries[];
  stacked?: boolean;
  /** Bars along the x axis (long unit names read better on the left). */
  horizontal?: boolean;
}

type Engine = typeof import('./chart-engine.ts');
let engine: Promise<Engine> | null = null;
/** The library once per page, shared by every chart. */
const loadEngine = () => (engine ??= import('./chart-engine.ts'));

export function Chart({
  title,
  summary,
  spec,
  rowHeader,
  renderLabel,
  total = false,
  height,
  testId,
}: {
  title: string;
  /** What the chart shows, said in a sentence (the canvas's aria-label). */
  summary: string;
  spec: ChartSpec;
  /** The table's first column head ("Tỉnh", "Năm", "Tháng"). */
  rowHeader: string;
  /** A row's label in the table, e.g. a link to the list behind it; the plain label otherwise. */
  renderLabel?: (index: number) => ReactNode;
  /** A total column (for stacked series). */
  total?: boolean;
  /** In pixels; horizontal bars grow with their number of rows. */
  height?: number;
  testId?: string;
}) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'loading' | 'drawn' | 'failed'>('loading');
  const empty = spec.series.every((series) => series.values.every((value) => value === 0));
  // Redrawn when the figures change, not on every render of the screen around it.
  const figures = JSON.stringify(spec);

  useEffect(() => {
    if (empty || !canvas.current) return;
    let chart: { destroy(): void } | null = null;
    let cancelled = false;
    loadEngine()
      .then(({ drawChart }) => {
        if (cancelled || !canvas.current) return;
        chart = drawChart(canvas.current, JSON.parse(figures) as ChartSpec);
        setState('drawn');
      })
      .catch(() => {
        if (!cancelled) setState('failed');
      });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [figures, empty]);

  const rows = spec.labels.length;
  const pixels = height ?? (spec.horizontal ? Math.max(160, 48 + rows * 28) : 260);
  return (
    <figure className="chart" data-testid={testId} data-state={empty ? 'empty' : state}>
      <figcaption>{title}</figcaption>
      {empty ? (
        <p className="hint">{t('chart.empty')}</p>
      ) : (
        <div className="chart-canvas" style={{ height: pixels }}>
          <canvas ref={canvas} role="img" aria-label={summary}>
            {summary}
          </canvas>
        </div>
      )}
      {state === 'failed' && <p className="hint">{t('chart.failed')}</p>}
      <div className="chart-table">
        <table className="table table-compact" data-testid={testId ? `${testId}-table` : undefined}>
          <caption>{t('chart.table', { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              {spec.series.map((series) => (
                <th key={series.label} scope="col" className="chart-number">
                  {series.label}
                </th>
              ))}
              {total && (
                <th scope="col" className="chart-number">
                  {t('chart.total')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {spec.labels.map((label, index) => (
              <tr key={label}>
                <th scope="row">{renderLabel ? renderLabel(index) : label}</th>
                {spec.series.map((series) => (
                  <td key={series.label} className="chart-number">
                    {formatNumber(series.values[index] ?? 0)}
                  </td>
                ))}
                {total && <td className="chart-number">{formatNumber(spec.series.reduce((sum, series) => sum + (series.values[index] ?? 0), 0))}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** Colours of the star ranks in every chart (contrast ≥ 3:1 on white). */
export const starColours = { 3: '#8a6d00', 4: '#0b6e4f', 5: '#1a5fb4' } as const;
