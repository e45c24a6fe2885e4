import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { can } from '../../app/access.ts';
import { api } from '../../app/api.ts';
import { formatDate } from '../../app/i18n.tsx';
import { ListTable, PAGE_SIZE, type Column, type ItemOf } from '../../app/list-page.tsx';
import { useUser } from '../../app/session.ts';
import { Badge, PageHeader, SelectField } from '../../app/ui.tsx';
import { formatVnd, planStatuses, planStatusTone, type PlanStatus } from './plan-labels.ts';
import { useBusinessPlansText } from './business-plans-text.ts';

const route = getRouteApi('/business-plans');

export function PlansPage() {
  const t = useBusinessPlansText();
  const user = useUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const list = useQuery({
    queryKey: ['business-plans', 'list', search],
    queryFn: () => api.get('/api/business-plans', { query: { status: search.status, year: search.year, page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  const columns: Column<ItemOf<typeof list>>[] = [
    {
      label: t('plans.planTitle'),
      cell: (plan) => (
        <>
          <Link to="/business-plans/$planId" params={{ planId: plan.id }}>
            {plan.title}
          </Link>
          <div className="hint">{plan.productName}</div>
        </>
      ),
    },
    {
      label: t('ideas.producer'),
      cell: (plan) => (
        <>
          {plan.producerName}
          <div className="hint">{plan.communeName}</div>
        </>
      ),
    },
    { label: t('plans.status'), cell: (plan) => <Badge tone={planStatusTone(plan.status)}>{t(`planStatus.${plan.status}`)}</Badge> },
    { label: t('plans.receivedAt'), cell: (plan) => formatDate(plan.receivedAt) },
    { label: t('plans.investment'), cell: (plan) => formatVnd(plan.totalInvestmentVnd) },
  ];
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
      <ListTable
        query={list}
        empty={t('plans.none')}
        count={(count) => t('plans.count', { count })}
        columns={columns}
        rowKey={(plan) => plan.id}
        tableTestId="plans-table"
        rowTestId="plan-row"
        page={page}
        onPage={(next) => void navigate({ search: (previous) => ({ ...previous, page: next }) })}
      />
    </section>
  );
}
