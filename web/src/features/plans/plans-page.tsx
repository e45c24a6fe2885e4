import '../training/programme.css';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { can } from '../../app/access.ts';
import { api } from '../../app/api.ts';
import { formatNumber } from '../../app/i18n.tsx';
import { useUser } from '../../app/session.ts';
import { PageHeader, QueryView, SelectField } from '../../app/ui.tsx';
import { useProgrammeText, yearOptions } from '../training/index.ts';

const route = getRouteApi('/annual-plans');

export function PlansPage() {
  const text = useProgrammeText();
  const user = useUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const year = search.year ?? new Date().getFullYear();
  const list = useQuery({
    queryKey: ['annual-plans', 'list', year],
    queryFn: () => api.get('/api/plans', { query: { year, pageSize: 200 } }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="stack">
      <PageHeader
        title={text('plans.title')}
        actions={
          <>
            <Link to="/programme-report" search={{ year }} className="button" data-testid="open-report">
              {text('plans.report')}
            </Link>
            {can(user, 'manageProgramme') && (
              <Link to="/annual-plans/new" className="button button-primary" data-testid="new-plan">
                {text('plans.new')}
              </Link>
            )}
          </>
        }
      >
        <p className="lead">{text('plans.intro')}</p>
      </PageHeader>
      <div className="programme-grid">
        <SelectField name="year" label={text('common.year')} value={String(year)} options={yearOptions()} onChange={(value) => void navigate({ search: { year: Number(value) } })} />
      </div>
      <QueryView query={list} isEmpty={(data) => data.items.length === 0} empty={text('plans.none')}>
        {(data) => (
        <table className="table table-stack" data-testid="plans-table">
          <thead>
            <tr>
              <th scope="col">{text('plans.name')}</th>
              <th scope="col">{text('plans.legalReference')}</th>
              <th scope="col">{text('common.unit')}</th>
              <th scope="col">{text('plans.indicators')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((plan) => (
              <tr key={plan.id} data-testid="plan-row">
                <td data-label={text('plans.name')}>
                  <Link to="/annual-plans/$planId" params={{ planId: plan.id }}>
                    {plan.title}
                  </Link>
                </td>
                <td data-label={text('plans.legalReference')}>{plan.legalReference}</td>
                <td data-label={text('common.unit')}>{plan.communeName ?? plan.provinceName}</td>
                <td data-label={text('plans.indicators')}>{formatNumber(plan.indicatorCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        )}
      </QueryView>
    </section>
  );
}
