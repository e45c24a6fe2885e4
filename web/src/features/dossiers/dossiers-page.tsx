import './dossiers.css';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
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

type Section = 'waitingOnMe' | 'dueSoon' | 'overdue';

/** One section of the queue: its first page from the queue, the next pages on request (issue 13: paged). */
function QueueSection({ section, title, first, total, limit, text, testId, showProducer }: {
  section: Section; title: string; first: readonly Item[]; total: number; limit: number; text: DossierText; testId: string; showProducer: boolean;
}) {
  const [more, setMore] = useState<Item[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const items = [...first, ...more];
  const loadMore = async () => {
    setLoading(true);
    setError(null);
    try {
      const page = Math.floor(items.length / limit) + 1;
      const next = await api.get('/api/dossiers/queue', { query: { section, page, limit } });
      setMore((previous) => [...previous, ...next[section]]);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  };
  return (
    <>
      <h3 className="h4">
        {title} ({formatNumber(total)})
      </h3>
      <DossierRows items={items} text={text} testId={testId} showProducer={showProducer} />
      {items.length < total && (
        <p className="hint" data-testid={`${testId}-more`}>
          {text('queue.shown', { shown: formatNumber(items.length), total: formatNumber(total) })}{' '}
          <button type="button" className="button" disabled={loading} onClick={() => void loadMore()}>
            {text('queue.more')}
          </button>
        </p>
      )}
      {error !== null && <LoadError error={error} retry={() => void loadMore()} />}
    </>
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
          <QueueSection section="waitingOnMe" title={text('queue.waiting')} first={queue.data.waitingOnMe} total={queue.data.totals.waitingOnMe}
            limit={queue.data.limit} text={text} testId="queue-waiting" showProducer={showProducer} />
          {queue.data.totals.dueSoon > 0 && (
            <QueueSection section="dueSoon" title={text('queue.dueSoon')} first={queue.data.dueSoon} total={queue.data.totals.dueSoon}
              limit={queue.data.limit} text={text} testId="queue-due-soon" showProducer={showProducer} />
          )}
          {queue.data.totals.overdue > 0 && (
            <QueueSection section="overdue" title={text('queue.overdue')} first={queue.data.overdue} total={queue.data.totals.overdue}
              limit={queue.data.limit} text={text} testId="queue-overdue" showProducer={showProducer} />
          )}
        </div>
      )}

      {officer && <OnTimeRate text={text} />}

      <h2>{text('list.all')}</h2>
      <QueryView query={list} isEmpty={(data) => data.items.length === 0} empty={text('list.none')}>
        {(data) => (
        <>
          <p className="hint">{text(data.totalExact ? 'list.count' : 'list.countMore', { count: formatNumber(data.total) })}</p>
          <DossierRows items={data.items} text={text} testId="dossiers" showProducer={showProducer} />
          <Pagination page={page} pageSize={PAGE_SIZE} total={data.total} onPage={(next) => void navigate({ search: (previous) => ({ ...previous, page: next }) })} />
        </>
        )}
      </QueryView>
    </section>
  );
}
