import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { can } from '../../app/access.ts';
import { api } from '../../app/api.ts';
import { formatDateTime, formatNumber } from '../../app/i18n.tsx';
import { useUser } from '../../app/session.ts';
import { Badge, PageHeader, Pagination, QueryView } from '../../app/ui.tsx';
import { Stars } from '../rule-sets/index.ts';
import { useSelfAssessmentsText } from './self-assessments-text.ts';

const route = getRouteApi('/self-assessments');
const PAGE_SIZE = 30;

/** The self-assessments (Mẫu 02) the user may see: a producer's own, a commune's producers', a province's… */
export function SelfAssessmentsPage() {
  const t = useSelfAssessmentsText();
  const user = useUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const list = useQuery({
    queryKey: ['self-assessments', 'list', search.producer, page],
    queryFn: () => api.get('/api/self-assessments', { query: { producer: search.producer, page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  const showProducer = user.role !== 'producer';
  return (
    <section className="stack">
      <PageHeader
        title={t('selfAssessments.title')}
        actions={
          can(user, 'writeSelfAssessment') && (
            <Link to="/self-assessments/new" search={{}} className="button button-primary" data-testid="new-self-assessment">
              {t('selfAssessments.new')}
            </Link>
          )
        }
      >
        <p className="lead">{t('selfAssessments.intro')}</p>
      </PageHeader>
      <QueryView query={list} isEmpty={(data) => data.items.length === 0} empty={t('selfAssessments.none')}>
        {(data) => (
        <>
          <p className="hint">{t('selfAssessments.count', { count: formatNumber(data.total) })}</p>
          <ul className="rows" data-testid="self-assessments">
            {data.items.map((item) => (
              <li key={item.id} className="row" data-testid="self-assessment-row">
                <div className="row-main">
                  <Link to="/self-assessments/$selfAssessmentId" params={{ selfAssessmentId: item.id }} className="row-title">
                    {item.productName}
                  </Link>
                  <span className="row-meta">
                    {showProducer && `${item.producerName} · `}
                    {t('ruleSets.sheet.short', { number: item.productSetNumber })} · {t('common.updatedAt')}: {formatDateTime(item.updatedAt)}
                  </span>
                </div>
                <div className="row-side">
                  {item.totalPoints !== null && item.stars !== null ? (
                    <span className="row-score">
                      {t('selfAssessments.scoreShort', { total: formatNumber(item.totalPoints) })} <Stars count={item.stars} t={t} />
                    </span>
                  ) : (
                    <span className="row-meta">{t('selfAssessments.incomplete')}</span>
                  )}
                  {item.status === 'attached' ? <Badge tone="good">{t('selfAssessments.status.attached')}</Badge> : <Badge>{t('selfAssessments.status.draft')}</Badge>}
                </div>
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={PAGE_SIZE} total={data.total} onPage={(next) => void navigate({ search: (previous) => ({ ...previous, page: next }) })} />
        </>
        )}
      </QueryView>
    </section>
  );
}
