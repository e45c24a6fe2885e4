import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { can } from '../../app/access.ts';
import { api } from '../../app/api.ts';
import { formatDate, formatNumber, useI18n } from '../../app/i18n.tsx';
import { useUser } from '../../app/session.ts';
import { Badge, PageHeader, Pagination, QueryView, SelectField } from '../../app/ui.tsx';
import { formatVnd, planStatuses, planStatusTone, type PlanStatus } from './plan-labels.ts';

const route = getRouteApi('/business-plans');
const PAGE_SIZE = 50;

export function PlansPage() {
  const { t } = useI18n();
  const user = useUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const list = useQuery({
    queryKey: ['business-plans', 'list', search],
    queryFn: () => api.get('/api/business-plans', { query: { status: search.status, year: search.year, page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="stack">
      <PageHeader
        title={t('plans.title')}
        actions={
          can(user, 'planDeadlines') && (
            <Link to="/business-plans/due" search={{ state: 'due' }} className="button" data-testid="plans-due-link">
              {t('due.title')}
            </Link>
          )
        }
      >
        <p className="lead">{t('plans.intro')}</p>
      </PageHeader>
      <div className="toolbar">
        <SelectField
          name="status"
          label={t('plans.status')}
          value={search.status ?? ''}
          onChange={(value) => void navigate({ search: (previous) => ({ ...previous, status: (value || undefined) as PlanStatus | undefined, page: undefined }) })}
          options={planStatuses.map((status) => ({ value: status, label: t(`planStatus.${status}`) }))}
          placeholder={t('common.all')}
        />
      </div>
      <QueryView query={list} isEmpty={(data) => data.items.length === 0} empty={t('plans.none')}>
        {(data) => (
        <>
          <p className="hint">{t('plans.count', { count: formatNumber(data.total) })}</p>
          <table className="table table-stack" data-testid="plans-table">
            <thead>
              <tr>
                <th scope="col">{t('plans.planTitle')}</th>
                <th scope="col">{t('ideas.producer')}</th>
                <th scope="col">{t('plans.status')}</th>
                <th scope="col">{t('plans.receivedAt')}</th>
                <th scope="col">{t('plans.investment')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((plan) => (
                <tr key={plan.id} data-testid="plan-row">
                  <td data-label={t('plans.planTitle')}>
                    <Link to="/business-plans/$planId" params={{ planId: plan.id }}>
                      {plan.title}
                    </Link>
                    <div className="hint">{plan.productName}</div>
                  </td>
                  <td data-label={t('ideas.producer')}>
                    {plan.producerName}
                    <div className="hint">{plan.communeName}</div>
                  </td>
                  <td data-label={t('plans.status')}>
                    <Badge tone={planStatusTone(plan.status)}>{t(`planStatus.${plan.status}`)}</Badge>
                  </td>
                  <td data-label={t('plans.receivedAt')}>{formatDate(plan.receivedAt)}</td>
                  <td data-label={t('plans.investment')}>{formatVnd(plan.totalInvestmentVnd)}</td>
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
