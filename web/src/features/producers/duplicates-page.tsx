/** Probable duplicate producers (same tax-code owner, or same name in a commune), and merging them. */
import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api, errorMessage, type Schemas } from '../../app/api.ts';
import { formatDate, formatNumber, useI18n } from '../../app/i18n.tsx';
import { legalFormLabel } from '../../app/labels.ts';
import { useUser } from '../../app/session.ts';
import { Badge, Notice, PageHeader, Pagination, QueryView } from '../../app/ui.tsx';
import { useProducersText } from './producers-text.ts';

type Summary = Schemas['ProducerSummary'];
const PAGE_SIZE = 50;

export function DuplicatesPage() {
  const { locale } = useI18n();
  const t = useProducersText();
  const user = useUser();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [confirming, setConfirming] = useState<{ source: Summary; target: Summary } | null>(null);
  const [merged, setMerged] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['producers', 'duplicates', page],
    queryFn: () => api.get('/api/producers/duplicates', { query: { page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  const merge = useMutation({
    mutationFn: ({ source, target }: { source: Summary; target: Summary }) =>
      api.post('/api/producers/{id}/merge', { path: { id: source.id }, body: { intoId: target.id, version: source.version } }),
    onSuccess: async (survivor) => {
      setConfirming(null);
      setMerged(survivor.name);
      await queryClient.invalidateQueries({ queryKey: ['producers'] });
    },
  });
  // The ministry reads the list; merging is for the officers who keep the registry (producers.policy.ts).
  const mayMerge = user.role !== 'ministry_officer';

  const side = (producer: Summary) => (
    <div>
      <Link to="/producers/$producerId" params={{ producerId: producer.id }}>
        {producer.name}
      </Link>
      <div className="hint">
        {legalFormLabel(t, producer.legalForm)} · {producer.communeName ?? producer.communeCode}
        {producer.taxCode ? ` · ${t('producers.taxCode')} ${producer.taxCode}` : ''} · {t('duplicates.registeredOn', { date: formatDate(producer.createdAt) })}
      </div>
    </div>
  );

  return (
    <section className="stack">
      <PageHeader title={t('duplicates.title')}>
        <p className="lead">{t('duplicates.intro')}</p>
      </PageHeader>
      {merged && <Notice testId="merge-done">{t('duplicates.merged', { name: merged })}</Notice>}
      {merge.isError && (
        <div className="alert alert-error" role="alert">
          <p>{errorMessage(merge.error, locale)}</p>
        </div>
      )}
      {confirming && (
        <div className="confirm card" role="group" aria-labelledby="merge-confirm-text" data-testid="merge-confirm">
          <p id="merge-confirm-text">{t('duplicates.confirmMerge', { source: confirming.source.name, target: confirming.target.name })}</p>
          <div className="form-actions">
            <button type="button" className="button button-danger" onClick={() => merge.mutate(confirming)} disabled={merge.isPending} data-testid="confirm-merge">
              {t('common.confirm')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      <QueryView query={list} isEmpty={(data) => data.items.length === 0} empty={t('duplicates.none')}>
        {(data) => (
        <>
          <p className="hint">{t('duplicates.count', { count: formatNumber(data.total) })}</p>
          <ul className="rows" data-testid="duplicates-list">
            {data.items.map((pair) => (
              <li key={`${pair.first.id}-${pair.second.id}`} className="card stack-small" data-testid="duplicate-pair">
                <p>
                  <Badge tone="soon">{t(`duplicates.reason.${pair.reason}`)}</Badge>
                </p>
                {side(pair.first)}
                {side(pair.second)}
                {mayMerge && (
                  <div className="form-actions">
                    <button type="button" className="button button-small" onClick={() => (merge.reset(), setConfirming({ source: pair.second, target: pair.first }))} data-testid="merge-second">
                      {t('duplicates.keep', { name: pair.first.name })}
                    </button>
                    <button type="button" className="button button-small" onClick={() => (merge.reset(), setConfirming({ source: pair.first, target: pair.second }))}>
                      {t('duplicates.keep', { name: pair.second.name })}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} />
        </>
        )}
      </QueryView>
    </section>
  );
}
