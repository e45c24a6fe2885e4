/**
 * The chart library, loaded only when a chart is drawn (chart.tsx imports this file with import()), so
 * Chart.js is never in the back office's first download (decision 017). Only the pieces the charts use
 * are registered: bar and line charts, category and linear scales, legend and tooltip.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import type { ChartSpec } from './chart.tsx';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** Draws `spec` on `canvas`; the caller destroys the chart when the canvas goes. */
export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): Chart {
  const horizontal = spec.horizontal ?? false;
  const valueAxis = horizontal ? 'x' : 'y';
  const categoryAxis = horizontal ? 'y' : 'x';
  const stacked = spec.stacked ?? false;
  const config: ChartConfiguration = {
    type: spec.kind,
    data: {
      labels: spec.labels,
      datasets: spec.series.map((series) => ({
        label: series.label,
        data: series.values,
        backgroundColor: series.color,
        borderColor: series.color,
        ...(spec.kind === 'line' ? { tension: 0, pointRadius: 3, borderWidth: 2, fill: false, borderDash: series.dashed ? [6, 4] : [] } : { borderWidth: 0 }),
      })),
    },
    options: {
      // Numbers as the programme writes them (1.234,5), whichever language the screens are in.
      locale: 'vi-VN',
      indexAxis: categoryAxis,
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: spec.series.length > 1, position: 'bottom' },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${numberFormat.format(Number(item.raw))}` } },
      },
      scales: {
        [categoryAxis]: { stacked, grid: { display: false } },
        [valueAxis]: { stacked, beginAtZero: true, ticks: { precision: 0, callback: (value: string | number) => numberFormat.format(Number(value)) } },
      },
    },
  };
  return new Chart(canvas, config);
}
