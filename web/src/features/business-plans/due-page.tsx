/** What the communes must forward to the province, and what they did not forward in time. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { api } from '../../app/api.ts';
import { formatDateTime, formatNumber } from '../../app/i18n.tsx';
import { Badge, PageHeader, Pagination, QueryView } from '../../app/ui.tsx';
import { daysLeft, planStatusTone } from './plan-labels.ts';
import { useBusinessPlansText } from './business-plans-text.ts';

const route = getRouteApi('/business-plans/due');
const PAGE_SIZE = 50;

export function DuePage() {
  const t = useBusinessPlansText();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const state = search.state ?? 'due';
  const page = search.page ?? 1;
  const list = useQuery({
    queryKey: ['business-plans', 'due', state, page],
    queryFn: () => api.get('/api/business-plans/due', { query: { state, page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="stack">
      <PageHeader title={t('due.title')}>
        <p className="lead">{t('due.intro')}</p>
      </PageHeader>
      <nav className="chips" aria-label={t('due.title')}>
        {(['due', 'overdue'] as const).map((option) => (
          <Link
            key={option}
            to="/business-plans/due"
            search={{ state: option }}
            className={option === state ? 'button button-primary button-small' : 'button button-small'}
            aria-current={option === state ? 'page' : undefined}
            data-testid={`due-tab-${option}`}
          >
            {t(`due.${option}`)}
          </Link>
        ))}
      </nav>
      <QueryView query={list} isEmpty={(data) => data.items.length === 0} empty={t(state === 'due' ? 'due.noneDue' : 'due.noneOverdue')}>
        {(data) => (
        <>
          <p className="hint">{t('plans.count', { count: formatNumber(data.total) })}</p>
          <table className="table table-stack" data-testid="due-table">
            <thead>
              <tr>
                <th scope="col">{t('plans.dueAt')}</th>
                <th scope="col">{t('plans.planTitle')}</th>
                <th scope="col">{t('ideas.producer')}</th>
                <th scope="col">{t('plans.status')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((plan) => {
                const left = plan.dueAt ? daysLeft(plan.dueAt) : null;
                return (
                  <tr key={plan.id} data-testid="due-row">
                    <td data-label={t('plans.dueAt')}>
                      {formatDateTime(plan.dueAt)}
                      {left !== null && (
                        <div className="hint">{left >= 0 ? t('due.daysLeft', { days: left }) : t('due.daysLate', { days: -left })}</div>
                      )}
                    </td>
                    <td data-label={t('plans.planTitle')}>
                      <Link to="/business-plans/$planId" params={{ planId: plan.id }}>
                        {plan.title}
                      </Link>
                    </td>
                    <td data-label={t('ideas.producer')}>
                      {plan.producerName}
                      <div className="hint">{plan.communeName}</div>
                    </td>
                    <td data-label={t('plans.status')}>
                      <Badge tone={planStatusTone(plan.status)}>{t(`planStatus.${plan.status}`)}</Badge>
                      {plan.overdueConsequence && <div className="hint">{t(`consequence.${plan.overdueConsequence}`)}</div>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <Pagination page={page} pageSize={PAGE_SIZE} total={data.total} onPage={(next) => void navigate({ search: (previous) => ({ ...previous, page: next }) })} />
        </>
        )}
      </QueryView>
    </section>
  );
}
