import './programme.css';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { can } from '../../app/access.ts';
import { api, type Schemas } from '../../app/api.ts';
import { formatDate, formatNumber } from '../../app/i18n.tsx';
import { ListTable, type Column, type ItemOf } from '../../app/list-page.tsx';
import { useUser } from '../../app/session.ts';
import { LoadError, Loading, PageHeader, SelectField } from '../../app/ui.tsx';
import { CommunePicker, ProvincePicker } from '../admin-units/index.ts';
import { yearOptions } from './programme-fields.tsx';
import { useProgrammeText, type ProgrammeText } from './programme-text.ts';
import { dateRange } from './training-labels.ts';

const route = getRouteApi('/trainings');

export function CoverageCard({ coverage, text }: { coverage: Schemas['TrainingCoverage']; text: ProgrammeText }) {
  const { producers, peopleTrained } = coverage;
  return (
    <div className="card stack-small" data-testid="coverage">
      <h2 className="h3">{text('coverage.title', { year: coverage.year })}</h2>
      {coverage.unitName && <p className="hint">{coverage.unitName}</p>}
      <p className="programme-big" data-testid="coverage-percent">
        {producers.percent === null ? '—' : `${formatNumber(producers.percent)}%`}
      </p>
      <p data-testid="coverage-producers">{text('coverage.producers', { trained: formatNumber(producers.trained), total: formatNumber(producers.total) })}</p>
      <p className="hint">
        {text('coverage.people', {
          provinceOfficials: formatNumber(peopleTrained.provinceOfficials),
          communeOfficials: formatNumber(peopleTrained.communeOfficials),
          producers: formatNumber(peopleTrained.producers),
          other: formatNumber(peopleTrained.other),
        })}
      </p>
    </div>
  );
}

export function TrainingsPage() {
  const text = useProgrammeText();
  const user = useUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const year = search.year ?? new Date().getFullYear();
  // National roles choose a province; officers see their own unit.
  const needsUnit = !user.provinceCode;
  const province = needsUnit ? search.province : undefined;
  const commune = needsUnit ? search.commune : undefined;
  const coverage = useQuery({
    queryKey: ['training', 'coverage', year, province, commune],
    queryFn: () => api.get('/api/training-coverage', { query: { year, province, commune } }),
    enabled: !needsUnit || !!province,
  });
  const list = useQuery({
    queryKey: ['training', 'list', year, province, commune],
    queryFn: () => api.get('/api/trainings', { query: { year, province, commune, pageSize: 200 } }),
    placeholderData: keepPreviousData,
  });

  const columns: Column<ItemOf<typeof list>>[] = [
    {
      label: text('training.name'),
      cell: (training) => (
        <Link to="/trainings/$trainingId" params={{ trainingId: training.id }}>
          {training.title}
        </Link>
      ),
    },
    { label: text('training.dates'), cell: (training) => dateRange(training.startsOn, training.endsOn, formatDate) },
    { label: text('common.place'), cell: (training) => training.place },
    { label: text('training.organiser'), cell: (training) => training.organiserName },
    {
      label: text('training.participants'),
      cell: (training) => text('training.attendedOf', { attended: formatNumber(training.attendedCount), registered: formatNumber(training.participantCount) }),
    },
  ];
  return (
    <section className="stack">
      <PageHeader
        title={text('training.title')}
        actions={
          can(user, 'manageProgramme') && (
            <Link to="/trainings/new" className="button button-primary" data-testid="new-training">
              {text('training.new')}
            </Link>
          )
        }
      >
        <p className="lead">{text('training.intro')}</p>
      </PageHeader>
      <div className="programme-grid">
        <SelectField name="year" label={text('common.year')} value={String(year)} options={yearOptions()} onChange={(value) => void navigate({ search: (s) => ({ ...s, year: Number(value) }) })} />
        {needsUnit && (
          <>
            <ProvincePicker value={province ?? ''} onChange={(code) => void navigate({ search: (s) => ({ ...s, province: code || undefined, commune: undefined }) })} />
            <CommunePicker
              provinceCode={province ?? ''}
              value={commune ?? ''}
              placeholder={text('common.provinceLevel')}
              onChange={(code) => void navigate({ search: (s) => ({ ...s, commune: code || undefined }) })}
            />
          </>
        )}
      </div>
      {needsUnit && !province ? (
        <p className="hint">{text('coverage.chooseUnit')}</p>
      ) : coverage.isPending ? (
        <Loading />
      ) : coverage.isError ? (
        <LoadError error={coverage.error} retry={() => void coverage.refetch()} />
      ) : (
        <CoverageCard coverage={coverage.data} text={text} />
      )}
      <ListTable
        query={list}
        empty={text('training.none')}
        columns={columns}
        rowKey={(training) => training.id}
        tableTestId="trainings-table"
        rowTestId="training-row"
      />
    </section>
  );
}
