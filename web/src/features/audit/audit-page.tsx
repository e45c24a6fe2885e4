import { Fragment, useState, type FormEvent } from 'react';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { formatDateTime, formatNumber } from '../../app/i18n.tsx';
import { Empty, LoadError, Loading, Notice, PageHeader, TextField } from '../../app/ui.tsx';
import { AuditDiff } from './audit-diff.tsx';
import { useAuditText } from './audit-text.ts';

interface Filters {
  entityType: string;
  entityId: string;
  action: string;
}

const none: Filters = { entityType: '', entityId: '', action: '' };

export function AuditPage() {
  const t = useAuditText();
  const [draft, setDraft] = useState<Filters>(none);
  const [filters, setFilters] = useState<Filters>(none);
  const [open, setOpen] = useState<number | null>(null);
  const events = useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) =>
      api.get('/api/audit-events', {
        query: {
          entityType: filters.entityType.trim() || undefined,
          entityId: filters.entityId.trim() || undefined,
          action: filters.action.trim() || undefined,
          beforeSeq: pageParam,
          limit: 50,
        },
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBeforeSeq ?? undefined,
  });
  const verify = useMutation({ mutationFn: () => api.get('/api/audit-events/verification') });
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];

  function submit(event: FormEvent) {
    event.preventDefault();
    setFilters(draft);
    setOpen(null);
  }

  return (
    <section className="stack">
      <PageHeader
        title={t('audit.title')}
        actions={
          <button type="button" className="button button-primary" onClick={() => verify.mutate()} disabled={verify.isPending} data-testid="verify-audit">
            {verify.isPending ? t('audit.verifying') : t('audit.verify')}
          </button>
        }
      >
        <p className="lead">{t('audit.intro')}</p>
      </PageHeader>

      {verify.isError && <LoadError error={verify.error} />}
      {verify.data &&
        (verify.data.ok ? (
          <Notice testId="audit-verification">{t('audit.verified', { count: formatNumber(verify.data.checked) })}</Notice>
        ) : (
          <div className="alert alert-error" role="alert" data-testid="audit-verification">
            <p className="alert-title">{t('audit.broken', { seq: verify.data.firstBroken?.seq ?? '?' })}</p>
            <p>{verify.data.firstBroken?.reason === 'link_broken' ? t('audit.reason.link') : t('audit.reason.content')}</p>
          </div>
        ))}

      <form className="toolbar" onSubmit={submit}>
        <TextField name="entityType" label={t('audit.entityType')} hint="user, producer" value={draft.entityType} onChange={(entityType) => setDraft((d) => ({ ...d, entityType }))} />
        <TextField name="entityId" label={t('audit.entityId')} value={draft.entityId} onChange={(entityId) => setDraft((d) => ({ ...d, entityId }))} />
        <TextField name="action" label={t('audit.action')} hint="user.created" value={draft.action} onChange={(action) => setDraft((d) => ({ ...d, action }))} />
        <div className="toolbar-submit">
          <button type="submit" className="button button-primary">
            {t('common.filter')}
          </button>
        </div>
      </form>

      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <LoadError error={events.error} retry={() => void events.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('audit.none')}</Empty>
      ) : (
        <>
          <table className="table table-stack" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('audit.time')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.entity')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('audit.changes')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((event) => (
                <Fragment key={event.seq}>
                  <tr data-testid="audit-row">
                    <td data-label="#">{event.seq}</td>
                    <td data-label={t('audit.time')}>{formatDateTime(event.occurredAt)}</td>
                    <td data-label={t('audit.actor')}>{event.actorLabel}</td>
                    <td data-label={t('audit.action')}>
                      <code>{event.action}</code>
                    </td>
                    <td data-label={t('audit.entity')}>
                      {event.entityType} <code className="row-meta">{event.entityId.slice(0, 8)}</code>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button-small"
                        aria-expanded={open === event.seq}
                        onClick={() => setOpen(open === event.seq ? null : event.seq)}
                        data-testid="audit-toggle"
                      >
                        {open === event.seq ? t('audit.hide') : t('audit.changes')}
                      </button>
                    </td>
                  </tr>
                  {open === event.seq && (
                    <tr className="detail-row">
                      <td colSpan={6}>
                        <AuditDiff before={event.before} after={event.after} />
                        <p className="hint">
                          {t('audit.hash')}: <code className="hash">{event.hash}</code>
                          {event.requestId && (
                            <>
                              {' · '}
                              {t('audit.request')}: <code>{event.requestId}</code>
                            </>
                          )}
                        </p>
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
          {events.hasNextPage && (
            <button type="button" className="button" onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
              {events.isFetchingNextPage ? t('common.loading') : t('audit.more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
