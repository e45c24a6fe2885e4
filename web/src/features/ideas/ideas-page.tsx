import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { can } from '../../app/access.ts';
import { api, type Schemas } from '../../app/api.ts';
import { formatDate, formatNumber } from '../../app/i18n.tsx';
import { ListTable, PAGE_SIZE, SearchToolbar, type Column, type ItemOf } from '../../app/list-page.tsx';
import { useUser } from '../../app/session.ts';
import { Badge, LoadError, Loading, PageHeader, SelectField } from '../../app/ui.tsx';
import { productSetLabel, registrationYears, useProductSets } from './ideas.queries.ts';
import { useIdeasText } from './ideas-text.ts';

const route = getRouteApi('/ideas');
type IdeaStatus = Schemas['ProductIdea']['status'];
export const ideaStatuses: readonly IdeaStatus[] = ['submitted', 'returned', 'passed', 'rejected'];

export function ideaStatusTone(status: IdeaStatus): 'neutral' | 'good' | 'bad' | 'soon' {
  return status === 'passed' ? 'good' : status === 'rejected' ? 'bad' : status === 'returned' ? 'soon' : 'neutral';
}

/** Registered → appraised → approved for a year, in the caller's unit, with the breakdown below it. */
function Funnel({ year }: { year: number }) {
  const t = useIdeasText();
  const funnel = useQuery({ queryKey: ['ideas', 'funnel', year], queryFn: () => api.get('/api/ideas/funnel', { query: { year } }) });
  if (funnel.isPending) return <Loading />;
  if (funnel.isError) return <LoadError error={funnel.error} retry={() => void funnel.refetch()} />;
  const f = funnel.data;
  const unit = f.communeName ?? f.provinceName ?? t('scope.national');
  const stages: [string, number][] = [
    [t('funnel.registered'), f.registered],
    [t('funnel.appraised'), f.appraised],
    [t('funnel.approved'), f.approved],
  ];
  return (
    <div className="card stack-small" data-testid="idea-funnel">
      <h2 className="h3">{t('funnel.title', { year: f.year, unit })}</h2>
      <p className="lead" data-testid="funnel-stages">
        {stages.map(([label, count], index) => (
          <span key={label}>
            {index > 0 && ' → '}
            <strong>{formatNumber(count)}</strong> {label}
          </span>
        ))}
      </p>
      <p className="hint">{t('funnel.detail', { awaiting: formatNumber(f.awaiting), returned: formatNumber(f.returned), rejected: formatNumber(f.rejected) })}</p>
      {f.breakdown.length > 0 && (
        <table className="table table-stack">
          <thead>
            <tr>
              <th scope="col">{t('funnel.unit')}</th>
              <th scope="col">{t('funnel.registered')}</th>
              <th scope="col">{t('funnel.appraised')}</th>
              <th scope="col">{t('funnel.approved')}</th>
            </tr>
          </thead>
          <tbody>
            {f.breakdown.map((row) => (
              <tr key={row.code}>
                <td data-label={t('funnel.unit')}>{row.name ?? row.code}</td>
                <td data-label={t('funnel.registered')}>{formatNumber(row.registered)}</td>
                <td data-label={t('funnel.appraised')}>{formatNumber(row.appraised)}</td>
                <td data-label={t('funnel.approved')}>{formatNumber(row.approved)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function IdeasPage() {
  const t = useIdeasText();
  const user = useUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const productSets = useProductSets();
  const list = useQuery({
    queryKey: ['ideas', 'list', search],
    queryFn: () =>
      api.get('/api/ideas', {
        query: { q: search.q, year: search.year, status: search.status, producerId: search.producerId, page, pageSize: PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
  });
  const years = [...new Set([...registrationYears(), ...(search.year ? [search.year] : [])])].sort((a, b) => b - a);
  const funnelYear = search.year ?? registrationYears()[0]!;
  const columns: Column<ItemOf<typeof list>>[] = [
    {
      label: t('ideas.productName'),
      cell: (idea) => (
        <>
          <Link to="/ideas/$ideaId" params={{ ideaId: idea.id }}>
            {idea.productName}
          </Link>
          <div className="hint">{productSetLabel(idea.productSet, productSets.data, t('ideas.productSetNumber', { number: idea.productSet }))}</div>
        </>
      ),
    },
    {
      label: t('ideas.producer'),
      cell: (idea) => (
        <>
          {idea.producerName}
          <div className="hint">{idea.communeName}</div>
        </>
      ),
    },
    { label: t('ideas.year'), cell: (idea) => idea.year },
    {
      label: t('ideas.status'),
      cell: (idea) => (
        <>
          <Badge tone={ideaStatusTone(idea.status)}>{t(`ideaStatus.${idea.status}`)}</Badge>
          {idea.round > 1 && <div className="hint">{t('ideas.round', { round: idea.round })}</div>}
        </>
      ),
    },
    { label: t('ideas.submittedAt'), cell: (idea) => formatDate(idea.submittedAt) },
  ];

  return (
    <section className="stack">
      <PageHeader
        title={t('ideas.title')}
        actions={
          can(user, 'registerIdea') && (
            <Link to="/ideas/new" className="button button-primary" data-testid="new-idea">
              {t('ideas.new')}
            </Link>
          )
        }
      >
        <p className="lead">{t('ideas.intro')}</p>
      </PageHeader>
      {can(user, 'ideaFunnel') && <Funnel year={funnelYear} />}
      <SearchToolbar label={t('ideas.search')} value={search.q} onSearch={(q) => void navigate({ search: (previous) => ({ ...previous, q, page: undefined }) })}>
        <SelectField
          name="year"
          label={t('ideas.year')}
          value={search.year ? String(search.year) : ''}
          onChange={(value) => void navigate({ search: (previous) => ({ ...previous, year: value ? Number(value) : undefined, page: undefined }) })}
          options={years.map((year) => ({ value: String(year), label: String(year) }))}
          placeholder={t('common.all')}
        />
        <SelectField
          name="status"
          label={t('ideas.status')}
          value={search.status ?? ''}
          onChange={(value) => void navigate({ search: (previous) => ({ ...previous, status: (value || undefined) as IdeaStatus | undefined, page: undefined }) })}
          options={ideaStatuses.map((status) => ({ value: status, label: t(`ideaStatus.${status}`) }))}
          placeholder={t('common.all')}
        />
      </SearchToolbar>
      <ListTable
        query={list}
        empty={t('ideas.none')}
        count={(count) => t('ideas.count', { count })}
        columns={columns}
        rowKey={(idea) => idea.id}
        tableTestId="ideas-table"
        rowTestId="idea-row"
        page={page}
        onPage={(next) => void navigate({ search: (previous) => ({ ...previous, page: next }) })}
      />
    </section>
  );
}
