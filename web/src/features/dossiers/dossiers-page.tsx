import './dossiers.css';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { api } from '../../app/api.ts';
import { formatNumber } from '../../app/i18n.tsx';
import { useUser } from '../../app/session.ts';
import { Empty, LoadError, Loading, PageHeader, Pagination, QueryView } from '../../app/ui.tsx';
import { DueLabel, StatusBadge } from './dossier-status.tsx';
import { useDossierText, type DossierText } from './dossier-text.ts';
import { queueQuery, type DossierSummary } from './dossiers.queries.ts';

const route = getRouteApi('/dossiers');
const PAGE_SIZE = 30;

type Item = DossierSummary & { overdue?: boolean };

function DossierRows({ items, text, testId, showProducer }: { items: readonly Item[]; text: DossierText; testId: string; showProducer: boolean }) {
  if (items.length === 0) return <Empty>{text('queue.empty')}</Empty>;
  return (
    <ul className="rows" data-testid={testId}>
      {items.map((item) => (
        <li key={item.id} className="row" data-testid="dossier-row" data-dossier-id={item.id}>
          <div className="row-main">
            <Link to="/dossiers/$dossierId" params={{ dossierId: item.id }} className="row-title">
              {item.productName}
            </Link>
            <span className="row-meta">
              {showProducer && `${item.producerName} · `}
              {text(`type.${item.type}`)}
              {item.formNumber && ` · ${item.formNumber}`}
            </span>
            <span className="row-meta">
              <DueLabel dossier={item} overdue={item.overdue} text={text} />
            </span>
          </div>
          <div className="row-side">
            <StatusBadge status={item.status} text={text} />
          </div>
        </li>
      ))}
    </ul>
  );
}

function OnTimeRate({ text }: { text: DossierText }) {
  const rate = useQuery({ queryKey: ['dossiers', 'on-time-rate'], queryFn: () => api.get('/api/dossiers/on-time-rate') });
  if (rate.isPending) return <Loading />;
  if (rate.isError) return <LoadError error={rate.error} retry={() => void rate.refetch()} />;
  const { total } = rate.data;
  return (
    <div className="card" data-testid="on-time-rate">
      <h2 className="h3">{text('rate.title')}</h2>
      <p>
        {total.rate === null
          ? text('rate.none')
          : text('rate.value', { onTime: formatNumber(total.onTime), forwarded: formatNumber(total.forwarded), percent: `${formatNumber(total.rate * 100)}%` })}
      </p>
    </div>
  );
}

/** The caller's work (waiting on me, due soon, overdue) and every dossier they may see. */
export function DossiersPage() {
  const text = useDossierText();
  const user = useUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const queue = useQuery(queueQuery);
  const list = useQuery({
    queryKey: ['dossiers', 'list', search.status, page],
    queryFn: () => api.get('/api/dossiers', { query: { status: search.status, page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  const showProducer = user.role !== 'producer';
  const officer = ['commune_officer', 'province_office', 'ministry_officer', 'system_admin'].includes(user.role);

  return (
    <section className="stack">
      <PageHeader
        title={text('list.title')}
        actions={
          user.role === 'producer' && (
            <Link to="/dossiers/new" className="button button-primary" data-testid="new-dossier">
              {text('list.new')}
            </Link>
          )
        }
      >
        <p className="lead">{text('list.intro')}</p>
      </PageHeader>

      <h2>{text('queue.title')}</h2>
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <LoadError error={queue.error} retry={() => void queue.refetch()} />
      ) : (
        <div className="stack">
          <h3 className="h4">
            {text('queue.waiting')} ({formatNumber(queue.data.waitingOnMe.length)})
          </h3>
          <DossierRows items={queue.data.waitingOnMe} text={text} testId="queue-waiting" showProducer={showProducer} />
          {queue.data.dueSoon.length > 0 && (
            <>
              <h3 className="h4">
                {text('queue.dueSoon')} ({formatNumber(queue.data.dueSoon.length)})
              </h3>
              <DossierRows items={queue.data.dueSoon} text={text} testId="queue-due-soon" showProducer={showProducer} />
            </>
          )}
          {queue.data.overdue.length > 0 && (
            <>
              <h3 className="h4">
                {text('queue.overdue')} ({formatNumber(queue.data.overdue.length)})
              </h3>
              <DossierRows items={queue.data.overdue} text={text} testId="queue-overdue" showProducer={showProducer} />
            </>
          )}
        </div>
      )}

      {officer && <OnTimeRate text={text} />}

      <h2>{text('list.all')}</h2>
      <QueryView query={list} isEmpty={(data) => data.items.length === 0} empty={text('list.none')}>
        {(data) => (
        <>
          <p className="hint">{text('list.count', { count: formatNumber(data.total) })}</p>
          <DossierRows items={data.items} text={text} testId="dossiers" showProducer={showProducer} />
          <Pagination page={page} pageSize={PAGE_SIZE} total={data.total} onPage={(next) => void navigate({ search: (previous) => ({ ...previous, page: next }) })} />
        </>
        )}
      </QueryView>
    </section>
  );
}
