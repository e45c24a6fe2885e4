import '../training/programme.css';
import './report.css';
import { useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { api, type Schemas } from '../../app/api.ts';
import { formatDate, formatNumber } from '../../app/i18n.tsx';
import { useUser } from '../../app/session.ts';
import { Empty, LoadError, Loading, PageHeader, SelectField } from '../../app/ui.tsx';
import { CommunePicker, ProvincePicker } from '../admin-units/index.ts';
import { appLink } from '../home/app-link.ts';
import { DateField, reportYearOptions, useProgrammeText } from '../training/index.ts';
import { StatusBadge } from './plan-status.tsx';
import { ReportCharts } from './report-charts.tsx';
import { useReportText, type ReportText, type ReportTextKey } from './report-text.ts';
import { reportPeriodKinds, type ReportPeriodKind } from './routes.ts';

const route = getRouteApi('/programme-report');

type Report = Schemas['ProgrammeReport'];
type Figure = Schemas['ReportFigure'];

const percent = (rate: number | null) => (rate === null ? '—' : `${formatNumber(Math.round(rate * 1000) / 10)}%`);

/** A figure's value, a link to the list behind it when the report names one. */
function FigureValue({ figure, text, testId }: { figure: Figure; text: ReportText; testId?: string }) {
  const value = formatNumber(figure.value);
  if (!figure.drillDown) return <span data-testid={testId}>{value}</span>;
  const target = appLink(figure.drillDown.path, figure.drillDown.query);
  return (
    <Link to={target.to} search={target.search as never} data-testid={testId} title={figure.drillDown.exact ? undefined : text('rep.notExact')}>
      {value}
    </Link>
  );
}

function Table({ caption, head, children, testId }: { caption: string; head: string[]; children: ReactNode; testId: string }) {
  return (
    <div className="report-table">
      <table className="table table-compact" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((cell, index) => (
              <th key={cell} scope="col" className={index > 0 ? 'programme-number' : undefined}>
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** The programme report of a unit (commune, province, the nation) for a period, with the previous period beside it, and its .xlsx and PDF. */
export function ReportPage() {
  const text = useReportText();
  const programme = useProgrammeText();
  const user = useUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const period: ReportPeriodKind = search.period ?? 'calendar_year';
  const current = new Date().getFullYear();
  const year = Math.min(Math.max(search.year ?? current, 2019), current);
  const national = !user.provinceCode; // the ministry (and an administrator): the nation or a province
  const chooseCommune = user.role !== 'commune_officer';
  const province = national ? search.province : undefined;
  const provinceCode = province ?? user.provinceCode ?? '';
  const commune = chooseCommune && provinceCode ? search.commune : undefined;
  const range = period === 'range';
  const rangeReady = !range || (!!search.from && !!search.to);
  const query = range ? { period, from: search.from, to: search.to, province, commune } : { period, year, province, commune };
  const report = useQuery({
    queryKey: ['programme-report', query],
    queryFn: () => api.get('/api/reports/programme', { query }),
    enabled: rangeReady,
  });
  const params = new URLSearchParams(Object.entries(query).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])));
  return (
    <section className="stack">
      <p>
        <Link to="/annual-plans" search={{}}>
          {text('rep.back')}
        </Link>
      </p>
      <PageHeader
        title={text('rep.title')}
        actions={
          report.isSuccess && (
            <>
              <a className="button button-primary" href={`/api/reports/programme/export.xlsx?${params.toString()}`} download data-testid="report-download">
                {text('rep.xlsx')}
              </a>
              <a className="button" href={`/api/reports/programme/export.pdf?${params.toString()}`} download data-testid="report-download-pdf">
                {text('rep.pdf')}
              </a>
            </>
          )
        }
      />
      <div className="programme-grid" data-testid="report-filters">
        {national && (
          <ProvincePicker
            name="province"
            label={text('rep.unit')}
            value={province ?? ''}
            placeholder={text('rep.nation')}
            onChange={(code) => void navigate({ search: (s) => ({ ...s, province: code || undefined, commune: undefined }) })}
          />
        )}
        {chooseCommune && provinceCode && (
          <CommunePicker
            name="commune"
            label={national ? undefined : text('rep.unit')}
            provinceCode={provinceCode}
            value={commune ?? ''}
            placeholder={text('rep.province')}
            onChange={(code) => void navigate({ search: (s) => ({ ...s, commune: code || undefined }) })}
          />
        )}
        <SelectField
          name="period"
          label={text('rep.period')}
          value={period}
          options={reportPeriodKinds.map((kind) => ({ value: kind, label: text(`rep.period.${kind}` as ReportTextKey) }))}
          onChange={(value) => void navigate({ search: (s) => ({ ...s, period: value as ReportPeriodKind }) })}
          required
        />
        {range ? (
          <>
            <DateField name="from" label={text('rep.from')} value={search.from ?? ''} onChange={(value) => void navigate({ search: (s) => ({ ...s, from: value || undefined }) })} required />
            <DateField name="to" label={text('rep.to')} value={search.to ?? ''} onChange={(value) => void navigate({ search: (s) => ({ ...s, to: value || undefined }) })} required />
          </>
        ) : (
          <SelectField name="year" label={text('rep.year')} value={String(year)} options={reportYearOptions()} onChange={(value) => void navigate({ search: (s) => ({ ...s, year: Number(value) }) })} required />
        )}
      </div>
      {!rangeReady ? (
        <p className="hint">{text('rep.chooseRange')}</p>
      ) : report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <LoadError error={report.error} retry={() => void report.refetch()} />
      ) : (
        <ReportBody report={report.data} text={text} programme={programme} />
      )}
    </section>
  );
}

function ReportBody({ report, text, programme }: { report: Report; text: ReportText; programme: ReturnType<typeof useProgrammeText> }) {
  const { products, certificates, rounds, funnel, onTime } = report;
  const rows: Array<[ReportTextKey, ReactNode, string]> = [
    ['rep.products.recognised', <FigureValue figure={products.recognisedInPeriod.products} text={text} testId="figure-products-recognised" />, 'products-recognised'],
    ['rep.products.producers', formatNumber(products.recognisedInPeriod.producers), 'producers'],
    ['rep.products.inForce', <FigureValue figure={products.inForce.products} text={text} testId="figure-products-in-force" />, 'products-in-force'],
    ['rep.products.ever', <FigureValue figure={products.everRecognised} text={text} />, 'products-ever'],
    ['rep.cert.issued', <FigureValue figure={certificates.issued} text={text} />, 'certificates-issued'],
    ['rep.cert.first', <FigureValue figure={certificates.firstRecognitions} text={text} />, 'certificates-first'],
    ['rep.cert.reEvaluated', <FigureValue figure={certificates.reEvaluated} text={text} />, 'certificates-re-evaluated'],
    ['rep.cert.upgraded', <FigureValue figure={certificates.upgraded} text={text} />, 'certificates-upgraded'],
    ['rep.cert.expiring', <FigureValue figure={certificates.expiring} text={text} />, 'certificates-expiring'],
    ['rep.cert.expired', <FigureValue figure={certificates.expired} text={text} />, 'certificates-expired'],
    ['rep.cert.reEvaluationRate', percent(certificates.reEvaluationRate), 're-evaluation-rate'],
    ['rep.cert.revoked', <FigureValue figure={certificates.revoked} text={text} />, 'certificates-revoked'],
    ['rep.rounds.held', <FigureValue figure={rounds.held} text={text} />, 'rounds-held'],
    ['rep.rounds.recognised', `${formatNumber(rounds.recognised)} / ${formatNumber(rounds.notRecognised)} / ${formatNumber(rounds.proposedToCentral)}`, 'rounds-outcomes'],
    ['rep.funnel.ideas', <FigureValue figure={funnel.ideasRegistered} text={text} />, 'ideas'],
    ['rep.funnel.plans', <FigureValue figure={funnel.plansReceived} text={text} />, 'plans'],
    ['rep.funnel.dossiers', <FigureValue figure={funnel.dossiersSubmitted} text={text} />, 'dossiers-submitted'],
    ['rep.funnel.forwarded', <FigureValue figure={funnel.dossiersForwarded} text={text} />, 'dossiers-forwarded'],
    ['rep.onTime', `${formatNumber(onTime.onTime)}/${formatNumber(onTime.forwarded)} (${percent(onTime.rate)})`, 'on-time'],
    ['rep.salesPoints', <FigureValue figure={report.salesPoints.active} text={text} />, 'sales-points'],
  ];
  const byStar = new Map(products.inForce.byStar.map((row) => [row.stars, row.products]));
  return (
    <div className="stack" data-testid="report" data-level={report.level} data-period={report.period.kind}>
      <div>
        <h2 className="h3" data-testid="report-unit">
          {report.unitName}
        </h2>
        <p className="hint" data-testid="report-period">
          {text('rep.periodLine', { label: report.period.label, asOf: formatDate(report.period.asOf) })}
          <br />
          {text('rep.previousLine', { label: report.period.previous.label })}
        </p>
      </div>
      <div className="report-columns">
        <Table caption={text('rep.summary')} head={[text('rep.figure'), text('rep.value')]} testId="report-summary">
          {rows.map(([label, value, id]) => (
            <tr key={id} data-row={id}>
              <th scope="row">{text(label)}</th>
              <td className="programme-number">{value}</td>
            </tr>
          ))}
        </Table>
        <div className="stack">
          <Table caption={text('rep.comparison')} head={[text('rep.figure'), text('rep.current'), text('rep.previous'), text('rep.change'), text('rep.changePercent')]} testId="report-comparison">
            {report.comparison.map((row) => (
              <tr key={row.key} data-row={row.key}>
                <th scope="row">{row.label}</th>
                <td className="programme-number">{formatNumber(row.current)}</td>
                <td className="programme-number">{formatNumber(row.previous)}</td>
                <td className="programme-number">{row.change > 0 ? `+${formatNumber(row.change)}` : formatNumber(row.change)}</td>
                <td className="programme-number">{row.changePercent === null ? '—' : `${formatNumber(Math.round(row.changePercent * 10) / 10)}%`}</td>
              </tr>
            ))}
          </Table>
          <Table caption={text('rep.byStar')} head={[text('rep.stars'), text('rep.inPeriod'), text('rep.inForce')]} testId="report-by-star">
            {products.recognisedInPeriod.byStar.map((row) => (
              <tr key={row.stars}>
                <th scope="row">{'★'.repeat(row.stars)}</th>
                <td className="programme-number">
                  <FigureValue figure={row.products} text={text} />
                </td>
                <td className="programme-number">{byStar.get(row.stars) ? <FigureValue figure={byStar.get(row.stars)!} text={text} /> : '—'}</td>
              </tr>
            ))}
          </Table>
        </div>
      </div>
      <ReportCharts report={report} text={text} />
      <div className="report-columns">
        <Table caption={text('rep.byUnit')} head={[text('rep.unitName'), text('rep.products'), '3★', '4★', '5★']} testId="report-by-unit">
          {products.recognisedInPeriod.byUnit.length === 0 ? (
            <tr>
              <td colSpan={5}>
                <Empty>{text('rep.none')}</Empty>
              </td>
            </tr>
          ) : (
            products.recognisedInPeriod.byUnit.map((row) => (
              <tr key={row.code}>
                <th scope="row">{row.name}</th>
                <td className="programme-number">
                  <FigureValue figure={row.products} text={text} />
                </td>
                <td className="programme-number">{formatNumber(row.stars3)}</td>
                <td className="programme-number">{formatNumber(row.stars4)}</td>
                <td className="programme-number">{formatNumber(row.stars5)}</td>
              </tr>
            ))
          )}
        </Table>
        <div className="stack">
          <Table caption={text('rep.bySector')} head={[text('rep.sector'), text('rep.products'), '3★', '4★', '5★']} testId="report-by-sector">
            {products.recognisedInPeriod.bySector.map((row) => (
              <tr key={row.code}>
                <th scope="row">{row.name}</th>
                <td className="programme-number">{formatNumber(row.products)}</td>
                <td className="programme-number">{formatNumber(row.stars3)}</td>
                <td className="programme-number">{formatNumber(row.stars4)}</td>
                <td className="programme-number">{formatNumber(row.stars5)}</td>
              </tr>
            ))}
          </Table>
          <Table caption={text('rep.byLegalForm')} head={[text('rep.legalForm'), text('rep.producers'), text('rep.products')]} testId="report-by-legal-form">
            {products.recognisedInPeriod.byLegalForm.map((row) => (
              <tr key={row.legalForm}>
                <th scope="row">{row.label}</th>
                <td className="programme-number">{formatNumber(row.producers)}</td>
                <td className="programme-number">{formatNumber(row.products)}</td>
              </tr>
            ))}
          </Table>
        </div>
      </div>
      <h2 className="h3">{text('rep.programme', { year: report.year })}</h2>
      <div className="card">
        <p>{programme('report.trainings', { count: formatNumber(report.training.trainings.length), people: formatNumber(report.training.peopleTrained.total) })}</p>
        <p>{programme('coverage.producers', { trained: formatNumber(report.training.producers.trained), total: formatNumber(report.training.producers.total) })}</p>
        <p>{programme('report.fairs', { count: formatNumber(report.fairs.count), revenue: formatNumber(report.fairs.revenueVnd) })}</p>
      </div>
      {report.plans.map((plan) => (
        <div key={plan.id} className="card stack-small">
          <h3 className="h4">
            <Link to="/annual-plans/$planId" params={{ planId: plan.id }}>
              {plan.title}
            </Link>{' '}
            <StatusBadge status={plan.status} text={programme} />
          </h3>
          <p className="hint">{plan.legalReference}</p>
        </div>
      ))}
    </div>
  );
}
