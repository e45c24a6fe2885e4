import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { can } from '../../app/access.ts';
import { api } from '../../app/api.ts';
import { legalFormLabel } from '../../app/labels.ts';
import { ListTable, PAGE_SIZE, SearchToolbar, type Column, type ItemOf } from '../../app/list-page.tsx';
import { useUser } from '../../app/session.ts';
import { PageHeader } from '../../app/ui.tsx';
import { useProducersText } from './producers-text.ts';

const route = getRouteApi('/producers');

export function ProducersPage() {
  const t = useProducersText();
  const user = useUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const list = useQuery({
    queryKey: ['producers', 'list', search.q, page],
    queryFn: () => api.get('/api/producers', { query: { q: search.q, page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  const columns: Column<ItemOf<typeof list>>[] = [
    {
      label: t('producers.name'),
      cell: (producer) => (
        <Link to="/producers/$producerId" params={{ producerId: producer.id }}>
          {producer.name}
        </Link>
      ),
    },
    { label: t('producers.legalForm'), cell: (producer) => legalFormLabel(t, producer.legalForm) },
    { label: t('producers.place'), cell: (producer) => [producer.communeName, producer.provinceName].filter(Boolean).join(', ') },
    { label: t('producers.taxCode'), cell: (producer) => producer.taxCode ?? '—' },
  ];

  return (
    <section className="stack">
      <PageHeader
        title={t('producers.title')}
        actions={
          <>
            {can(user, 'duplicates') && (
              <Link to="/producers/duplicates" className="button" data-testid="producer-duplicates">
                {t('duplicates.title')}
              </Link>
            )}
            {can(user, 'registerProducer') && (
              <Link to="/producers/new" className="button button-primary" data-testid="new-producer">
                {t('producers.new')}
              </Link>
            )}
          </>
        }
      >
        <p className="lead">{t('producers.intro')}</p>
      </PageHeader>
      <SearchToolbar label={t('producers.search')} value={search.q} onSearch={(q) => void navigate({ search: { q } })} />
      <ListTable
        query={list}
        empty={t('producers.none')}
        count={(count) => t('producers.count', { count })}
        columns={columns}
        rowKey={(producer) => producer.id}
        tableTestId="producers-table"
        rowTestId="producer-row"
        page={page}
        onPage={(next) => void navigate({ search: (previous) => ({ ...previous, page: next }) })}
      />
    </section>
  );
}
