import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { formatDate } from '../../app/i18n.tsx';
import { Badge, Empty, LoadError, Loading, PageHeader } from '../../app/ui.tsx';
import { effectivePeriod } from './rule-sets.format.tsx';
import { ruleSetsQuery } from './rule-sets.queries.ts';
import { useRuleSetsText } from './rule-sets-text.ts';

/** Every legal regime of OCOP evaluation, newest last (public). */
export function RuleSetsPage() {
  const t = useRuleSetsText();
  const list = useQuery(ruleSetsQuery);
  return (
    <section className="stack">
      <PageHeader
        title={t('ruleSets.title')}
        actions={
          <Link to="/rule-sets/compare" search={{}} className="button" data-testid="compare-rule-sets">
            {t('ruleSets.compare')}
          </Link>
        }
      >
        <p className="lead">{t('ruleSets.intro')}</p>
      </PageHeader>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} retry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <Empty>{t('ruleSets.none')}</Empty>
      ) : (
        <ul className="rows" data-testid="rule-sets">
          {[...list.data].reverse().map((ruleSet) => (
            <li key={ruleSet.id} className="row" data-testid={`rule-set-${ruleSet.id}`}>
              <div className="row-main">
                <Link to="/rule-sets/$ruleSetId" params={{ ruleSetId: ruleSet.id }} className="row-title">
                  {ruleSet.name}
                </Link>
                <span className="row-meta">
                  {ruleSet.legalBasis
                    .map((basis) => (basis.signedOn ? t('ruleSets.signedOn', { instrument: basis.instrument, date: formatDate(basis.signedOn) }) : basis.instrument))
                    .join(' · ')}
                </span>
                <span className="row-meta">{effectivePeriod(t, ruleSet)}</span>
              </div>
              {ruleSet.status === 'current' ? <Badge tone="good">{t('ruleSets.status.current')}</Badge> : <Badge>{t('ruleSets.status.superseded')}</Badge>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
