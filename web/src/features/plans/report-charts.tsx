/**
 * The programme report's charts (issue 13 point 3): products in force by unit and stars, recognitions
 * over the years, certificates expiring in the months ahead, and the idea → recognition funnel. Each is
 * drawn from the report's own figures and carries their table, whose labels open the list behind them.
 */
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { Schemas } from '../../app/api.ts';
import { Chart, starColours, type ChartSpec } from '../../app/charts/chart.tsx';
import { formatDate, formatNumber } from '../../app/i18n.tsx';
import { appLink } from '../home/app-link.ts';
import type { ReportText } from './report-text.ts';

type Report = Schemas['ProgrammeReport'];
type Figure = Schemas['ReportFigure'];

function DrillLink({ figure, children }: { figure: Figure; children: ReactNode }) {
  if (!figure.drillDown) return <>{children}</>;
  const target = appLink(figure.drillDown.path, figure.drillDown.query);
  return (
    <Link to={target.to} search={target.search as never}>
      {children}
    </Link>
  );
}

const stars = (label: string, values: number[], rank: 3 | 4 | 5) => ({ label, values, color: starColours[rank] });
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
/** 'YYYY-MM' → 'MM/yyyy' */
const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

export function ReportCharts({ report, text }: { report: Report; text: ReportText }) {
  const asOf = formatDate(report.period.asOf);
  const units = report.products.inForce.byUnit;
  const byUnit: ChartSpec = {
    kind: 'bar',
    horizontal: true,
    stacked: true,
    labels: units.map((unit) => unit.name),
    series: [stars('3★', units.map((u) => u.stars3), 3), stars('4★', units.map((u) => u.stars4), 4), stars('5★', units.map((u) => u.stars5), 5)],
  };
  const years = report.trends.recognitionsByYear;
  const byYear: ChartSpec = {
    kind: 'line',
    labels: years.map((year) => String(year.year)),
    series: [
      { label: text('rep.chart.years.products'), values: years.map((year) => year.products.value), color: '#0b6e4f' },
      { label: text('rep.chart.years.first'), values: years.map((year) => year.firstRecognitions), color: '#1a5fb4', dashed: true },
    ],
  };
  const months = report.trends.expiriesByMonth;
  const byMonth: ChartSpec = {
    kind: 'bar',
    stacked: true,
    labels: months.map((month) => monthLabel(month.month)),
    series: [stars('3★', months.map((m) => m.stars3), 3), stars('4★', months.map((m) => m.stars4), 4), stars('5★', months.map((m) => m.stars5), 5)],
  };
  const { funnel } = report;
  const steps: Array<[string, Figure]> = [
    [text('rep.funnel.ideas'), funnel.ideasRegistered],
    [text('rep.funnel.plans'), funnel.plansReceived],
    [text('rep.funnel.dossiers'), funnel.dossiersSubmitted],
    [text('rep.funnel.forwarded'), funnel.dossiersForwarded],
    [text('rep.products.recognised'), funnel.productsRecognised],
  ];
  const byStep: ChartSpec = {
    kind: 'bar',
    horizontal: true,
    labels: steps.map(([label]) => label),
    series: [{ label: text('rep.chart.count'), values: steps.map(([, figure]) => figure.value), color: '#0b6e4f' }],
  };
  return (
    <section className="stack" aria-labelledby="report-charts-title" data-testid="report-charts">
      <h2 id="report-charts-title" className="h3">
        {text('rep.charts')}
      </h2>
      <div className="chart-grid">
        <Chart
          testId="chart-by-unit"
          title={text('rep.chart.byUnit')}
          summary={text('rep.chart.byUnit.summary', { asOf, count: formatNumber(units.length), total: formatNumber(report.products.inForce.products.value) })}
          spec={byUnit}
          rowHeader={text('rep.unitName')}
          renderLabel={(index) => <DrillLink figure={units[index]!.products}>{units[index]!.name}</DrillLink>}
          total
        />
        <Chart
          testId="chart-years"
          title={text('rep.chart.years')}
          summary={text('rep.chart.years.summary', {
            first: years[0]?.year ?? '',
            last: years.at(-1)?.year ?? '',
            asOf,
            total: formatNumber(sum(years.map((year) => year.products.value))),
          })}
          spec={byYear}
          rowHeader={text('rep.chart.year')}
          renderLabel={(index) => <DrillLink figure={years[index]!.products}>{years[index]!.year}</DrillLink>}
        />
        <Chart
          testId="chart-expiries"
          title={text('rep.chart.expiries')}
          summary={text('rep.chart.expiries.summary', {
            asOf,
            first: months[0] ? monthLabel(months[0].month) : '',
            last: months.at(-1) ? monthLabel(months.at(-1)!.month) : '',
            total: formatNumber(sum(months.map((month) => month.certificates.value))),
          })}
          spec={byMonth}
          rowHeader={text('rep.chart.month')}
          renderLabel={(index) => <DrillLink figure={months[index]!.certificates}>{monthLabel(months[index]!.month)}</DrillLink>}
          total
        />
        <Chart
          testId="chart-funnel"
          title={text('rep.chart.funnel')}
          summary={text('rep.chart.funnel.summary', { steps: steps.map(([label, figure]) => `${label} ${formatNumber(figure.value)}`).join('; ') })}
          spec={byStep}
          rowHeader={text('rep.figure')}
          renderLabel={(index) => <DrillLink figure={steps[index]![1]}>{steps[index]![0]}</DrillLink>}
        />
      </div>
    </section>
  );
}
