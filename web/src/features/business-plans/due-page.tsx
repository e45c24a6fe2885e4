/** What the communes must forward to the province, and what they did not forward in time. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { api } from '../../app/api.ts';
import { formatDateTime } from '../../app/i18n.tsx';
import { ListTable, PAGE_SIZE, type Column, type ItemOf } from '../../app/list-page.tsx';
import { Badge, PageHeader } from '../../app/ui.tsx';
import { daysLeft, planStatusTone } from './plan-labels.ts';
import { useBusinessPlansText } from './business-plans-text.ts';

const route = getRouteApi('/business-plans/due');

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
  const columns: Column<ItemOf<typeof list>>[] = [
    {
      label: t('plans.dueAt'),
      cell: (plan) => {
        const left = plan.dueAt ? daysLeft(plan.dueAt) : null;
        return (
          <>
            {formatDateTime(plan.dueAt)}
            {left !== null && <div className="hint">{left >= 0 ? t('due.daysLeft', { days: left }) : t('due.daysLate', { days: -left })}</div>}
          </>
        );
      },
    },
    {
      label: t('plans.planTitle'),
      cell: (plan) => (
        <Link to="/business-plans/$planId" params={{ planId: plan.id }}>
          {plan.title}
        </Link>
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
    {
      label: t('plans.status'),
      cell: (plan) => (
        <>
          <Badge tone={planStatusTone(plan.status)}>{t(`planStatus.${plan.status}`)}</Badge>
          {plan.overdueConsequence && <div className="hint">{t(`consequence.${plan.overdueConsequence}`)}</div>}
        </>
      ),
    },
  ];
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
      <ListTable
        query={list}
        empty={t(state === 'due' ? 'due.noneDue' : 'due.noneOverdue')}
        count={(count) => t('plans.count', { count })}
        columns={columns}
        rowKey={(plan) => plan.id}
        tableTestId="due-table"
        rowTestId="due-row"
        page={page}
        onPage={(next) => void navigate({ search: (previous) => ({ ...previous, page: next }) })}
      />
    </section>
  );
}
