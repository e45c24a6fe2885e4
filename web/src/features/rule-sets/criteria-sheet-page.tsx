import { useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { can } from '../../app/access.ts';
import { useSession } from '../../app/session.ts';
import { Badge, LoadError, Loading, PageHeader } from '../../app/ui.tsx';
import { CriterionInfo, SheetNotes, SheetRules, optionGroups, stopRuleOf, useShowsDataNotes } from './criterion-text.tsx';
import { StarMarker, partLabel, points } from './rule-sets.format.tsx';
import { ruleSetQuery, sheetQuery } from './rule-sets.queries.ts';
import { notesFor, type CriteriaSheet, type Criterion } from './rule-sets.types.ts';
import { useRuleSetsText, type RuleSetsText } from './rule-sets-text.ts';

const route = getRouteApi('/rule-sets/$ruleSetId/sheets/$productSet');

/** One criteria sheet (Bộ tiêu chí kiêm phiếu đánh giá) in the decision's words, with every rule and data note marked (public). */
export function CriteriaSheetPage() {
  const t = useRuleSetsText();
  const user = useSession()?.user ?? null;
  const showNotes = useShowsDataNotes();
  const { ruleSetId, productSet } = route.useParams();
  const number = Number(productSet);
  const ruleSet = useQuery(ruleSetQuery(ruleSetId));
  const sheet = useQuery({ ...sheetQuery(ruleSetId, number), enabled: Number.isInteger(number) && number > 0 });
  if (sheet.isPending && sheet.fetchStatus !== 'idle') return <Loading />;
  if (sheet.isError) return <LoadError error={sheet.error} retry={() => void sheet.refetch()} />;
  if (!sheet.data) return <LoadError error={new Error(t('sheet.invalidNumber'))} />;
  const s = sheet.data;
  return (
    <section className="stack">
      <nav className="breadcrumb" aria-label={t('units.breadcrumb')}>
        <ol>
          <li>
            <Link to="/rule-sets">{t('ruleSets.title')}</Link>
          </li>
          <li>
            <Link to="/rule-sets/$ruleSetId" params={{ ruleSetId }}>
              {ruleSet.data ? ruleSet.data.legalBasis[0]?.instrument : ruleSetId}
            </Link>
          </li>
        </ol>
      </nav>
      <PageHeader
        title={<span data-testid="sheet-title">{t('sheet.title', { number: s.productSet.number, name: s.productSet.name })}</span>}
        actions={
          can(user, 'writeSelfAssessment') &&
          ruleSet.data?.status === 'current' && (
            <Link to="/self-assessments/new" search={{ productSet: s.productSet.number }} className="button button-primary" data-testid="start-self-assessment">
              {t('sheet.selfAssess')}
            </Link>
          )
        }
      >
        {s.productSet.classificationInSheet && <p className="lead">{s.productSet.classificationInSheet}</p>}
        <p className="hint">
          {s.source.location} – {s.source.document}
        </p>
      </PageHeader>

      <dl className="facts card">
        {s.parts.map((part) => (
          <div key={part.code}>
            <dt>{partLabel(t, part.code)}</dt>
            <dd>{points(t, part.maxPoints)}</dd>
          </div>
        ))}
        <div>
          <dt>{t('ruleSets.total')}</dt>
          <dd>{points(t, s.totalMaxPoints)}</dd>
        </div>
      </dl>

      <SheetRules sheet={s} t={t} />

      {s.parts.map((part) => (
        <section key={part.code} className="stack-small" aria-labelledby={`part-${part.code}`}>
          <h2 id={`part-${part.code}`}>
            {t('sheet.part', { code: part.code, name: part.name })} <span className="points-max">({points(t, part.maxPoints)})</span>
          </h2>
          {part.sections.map((section) => (
            <section key={section.code} className="stack-small" aria-labelledby={`section-${section.code}`}>
              <h3 id={`section-${section.code}`} className="h3">
                {section.code}. {section.name} <span className="points-max">({points(t, section.maxPoints)})</span>
              </h3>
              {section.description && <p className="criterion-text">{section.description}</p>}
              <SheetNotes notes={section.criteria.some((c) => c.code === section.code) ? [] : notesFor(s, section.code)} t={t} />
              {section.criteria.map((criterion) => (
                <CriterionCard key={criterion.code} criterion={criterion} sheet={s} t={t} />
              ))}
            </section>
          ))}
        </section>
      ))}

      {showNotes && s.notes.length > 0 && (
        <section className="card stack-small" aria-labelledby="sheet-all-notes">
          <h2 id="sheet-all-notes">{t('sheet.notes')}</h2>
          <p className="hint">{t('sheet.notes.hint')}</p>
          <SheetNotes notes={s.notes} t={t} showWhere />
        </section>
      )}
    </section>
  );
}

function CriterionCard({ criterion, sheet, t, nested = false }: { criterion: Criterion; sheet: CriteriaSheet; t: RuleSetsText; nested?: boolean }) {
  return (
    <article className={nested ? 'criterion criterion-nested' : 'card criterion'} data-testid={`criterion-${criterion.code}`}>
      <h4 className="criterion-title">
        <span className="criterion-code">{criterion.code}</span> {criterion.name} <span className="points-max">({points(t, criterion.maxPoints)})</span>
      </h4>
      <CriterionInfo criterion={criterion} sheet={sheet} t={t} />
      {criterion.children?.map((child) => (
        <CriterionCard key={child.code} criterion={child} sheet={sheet} t={t} nested />
      ))}
      {criterion.options.length > 0 &&
        optionGroups(criterion).map((group) => (
          <div key={group.label ?? ''}>
            {group.label && <p className="variant-label">{group.label}</p>}
            <ul className="option-list">
              {group.options.map((option) => {
                const stop = stopRuleOf(sheet, option.id);
                return (
                  <li key={option.id} className="option-row" data-testid={`option-${option.id}`}>
                    <span className="option-label">
                      {option.label}
                      {stop && <Badge tone="bad">{t('sheet.stopsEvaluation')}</Badge>}
                      {option.synthesized && <Badge tone="soon">{t('sheet.synthesized')}</Badge>}
                    </span>
                    <span className="option-points">
                      {points(t, option.points)}
                      {option.minStars && <StarMarker stars={option.minStars} t={t} />}
                    </span>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
    </article>
  );
}
