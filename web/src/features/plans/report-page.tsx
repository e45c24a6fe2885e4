import '../training/programme.css';
import { useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { api } from '../../app/api.ts';
import { formatNumber } from '../../app/i18n.tsx';
import { useUser } from '../../app/session.ts';
import { LoadError, Loading, PageHeader, SelectField } from '../../app/ui.tsx';
import { CommunePicker, ProvincePicker } from '../admin-units/index.ts';
import { useProgrammeText, yearOptions } from '../training/index.ts';
import { StatusBadge } from './plan-status.tsx';

const route = getRouteApi('/programme-report');

/** The unit's yearly report (training, plan progress, fairs) and its Excel download. */
export function ReportPage() {
  const text = useProgrammeText();
  const user = useUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const year = search.year ?? new Date().getFullYear();
  const chooseProvince = !user.provinceCode;
  const chooseCommune = user.role !== 'commune_officer';
  const province = chooseProvince ? search.province : undefined;
  const commune = chooseCommune ? search.commune : undefined;
  const query = { year, province, commune };
  const report = useQuery({
    queryKey: ['programme-report', year, province, commune],
    queryFn: () => api.get('/api/reports/programme', { query }),
    enabled: !chooseProvince || !!province,
  });
  const params = new URLSearchParams(Object.entries(query).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])));
  return (
    <section className="stack">
      <p>
        <Link to="/annual-plans" search={{}}>{text('common.back')}</Link>
      </p>
      <PageHeader
        title={text('report.title')}
        actions={
          report.isSuccess && (
            <a className="button button-primary" href={`/api/reports/programme/export.xlsx?${params.toString()}`} data-testid="report-download">
              {text('report.download')}
            </a>
          )
        }
      />
      <div className="programme-grid">
        <SelectField name="year" label={text('common.year')} value={String(year)} options={yearOptions()} onChange={(value) => void navigate({ search: (s) => ({ ...s, year: Number(value) }) })} />
        {chooseProvince && <ProvincePicker value={province ?? ''} onChange={(code) => void navigate({ search: (s) => ({ ...s, province: code || undefined, commune: undefined }) })} />}
        {chooseCommune && (
          <CommunePicker
            provinceCode={province ?? user.provinceCode ?? ''}
            value={commune ?? ''}
            placeholder={text('common.provinceLevel')}
            onChange={(code) => void navigate({ search: (s) => ({ ...s, commune: code || undefined }) })}
          />
        )}
      </div>
      {chooseProvince && !province ? (
        <p className="hint">{text('coverage.chooseUnit')}</p>
      ) : report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <LoadError error={report.error} retry={() => void report.refetch()} />
      ) : (
        <div className="stack" data-testid="report">
          <h2 className="h3">{report.data.unitName}</h2>
          <div className="card">
            <p>{text('report.trainings', { count: formatNumber(report.data.training.trainings.length), people: formatNumber(report.data.training.peopleTrained.total) })}</p>
            <p>{text('coverage.producers', { trained: formatNumber(report.data.training.producers.trained), total: formatNumber(report.data.training.producers.total) })}</p>
            <p>{text('report.fairs', { count: formatNumber(report.data.fairs.count), revenue: formatNumber(report.data.fairs.revenueVnd) })}</p>
          </div>
          {report.data.plans.map((plan) => (
            <div key={plan.id} className="card stack-small">
              <h3 className="h4">
                <Link to="/annual-plans/$planId" params={{ planId: plan.id }}>
                  {plan.title}
                </Link>{' '}
                <StatusBadge status={plan.status} text={text} />
              </h3>
              <p className="hint">{plan.legalReference}</p>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
