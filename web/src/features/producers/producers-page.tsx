import { useEffect, useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { can } from '../../app/access.ts';
import { api } from '../../app/api.ts';
import { formatNumber, useI18n } from '../../app/i18n.tsx';
import { legalFormLabel } from '../../app/labels.ts';
import { useUser } from '../../app/session.ts';
import { Field, PageHeader, Pagination, QueryView } from '../../app/ui.tsx';

const route = getRouteApi('/producers');
const PAGE_SIZE = 50;

export function ProducersPage() {
  const { t } = useI18n();
  const user = useUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const [text, setText] = useState(search.q ?? '');
  useEffect(() => setText(search.q ?? ''), [search.q]);
  const list = useQuery({
    queryKey: ['producers', 'list', search.q, page],
    queryFn: () => api.get('/api/producers', { query: { q: search.q, page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    void navigate({ search: { q: text.trim() || undefined } });
  }

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
      <form className="toolbar" onSubmit={submit} role="search">
        <Field name="q" label={t('producers.search')}>
          {(control) => (
            <div className="input-with-button">
              <input {...control} type="search" value={text} onChange={(event) => setText(event.target.value)} />
              <button type="submit" className="button button-primary">
                {t('common.search')}
              </button>
            </div>
          )}
        </Field>
      </form>
      <QueryView query={list} isEmpty={(data) => data.items.length === 0} empty={t('producers.none')}>
        {(data) => (
        <>
          <p className="hint">{t('producers.count', { count: formatNumber(data.total) })}</p>
          <table className="table table-stack" data-testid="producers-table">
            <thead>
              <tr>
                <th scope="col">{t('producers.name')}</th>
                <th scope="col">{t('producers.legalForm')}</th>
                <th scope="col">{t('producers.place')}</th>
                <th scope="col">{t('producers.taxCode')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((producer) => (
                <tr key={producer.id} data-testid="producer-row">
                  <td data-label={t('producers.name')}>
                    <Link to="/producers/$producerId" params={{ producerId: producer.id }}>
                      {producer.name}
                    </Link>
                  </td>
                  <td data-label={t('producers.legalForm')}>{legalFormLabel(t, producer.legalForm)}</td>
                  <td data-label={t('producers.place')}>{[producer.communeName, producer.provinceName].filter(Boolean).join(', ')}</td>
                  <td data-label={t('producers.taxCode')}>{producer.taxCode ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination page={page} pageSize={PAGE_SIZE} total={data.total} onPage={(next) => void navigate({ search: (previous) => ({ ...previous, page: next }) })} />
        </>
        )}
      </QueryView>
    </section>
  );
}
