import { useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { formatDate, formatNumber } from '../../app/i18n.tsx';
import { Badge, Empty, LoadError, Loading, PageHeader } from '../../app/ui.tsx';
import { ProductSetTree } from './product-set-tree.tsx';
import {
  Stars,
  bandRange,
  dayMonth,
  deadlineLabel,
  deadlineValue,
  effectivePeriod,
  forwardingRange,
  levelLabel,
  partLabel,
  points,
} from './rule-sets.format.tsx';
import { classificationQuery, ruleSetQuery, sheetListQuery } from './rule-sets.queries.ts';
import { deadlineKeys, type RuleSet } from './rule-sets.types.ts';
import { useRuleSetsText } from './rule-sets-text.ts';

const route = getRouteApi('/rule-sets/$ruleSetId');

/** One rule set: its scale, star bands, levels, deadlines, and the criteria sheets of its product sets (public). */
export function RuleSetPage() {
  const t = useRuleSetsText();
  const { ruleSetId } = route.useParams();
  const ruleSet = useQuery(ruleSetQuery(ruleSetId));
  if (ruleSet.isPending) return <Loading />;
  if (ruleSet.isError) return <LoadError error={ruleSet.error} retry={() => void ruleSet.refetch()} />;
  const r = ruleSet.data;
  const deadlines = deadlineKeys.flatMap((key) => {
    const deadline = r.deadlines[key];
    return deadline ? [{ key, deadline }] : [];
  });
  return (
    <section className="stack">
      <nav className="breadcrumb" aria-label={t('units.breadcrumb')}>
        <ol>
          <li>
            <Link to="/rule-sets">{t('ruleSets.title')}</Link>
          </li>
        </ol>
      </nav>
      <PageHeader
        title={<span data-testid="rule-set-name">{r.name}</span>}
        actions={
          <Link to="/rule-sets/compare" search={{ left: r.id }} className="button">
            {t('ruleSets.compareWith')}
          </Link>
        }
      >
        <p className="lead">
          {effectivePeriod(t, r)}{' '}
          {r.status === 'current' ? <Badge tone="good">{t('ruleSets.status.current')}</Badge> : <Badge>{t('ruleSets.status.superseded')}</Badge>}
        </p>
      </PageHeader>

      <section className="card stack-small" aria-labelledby="legal-basis">
        <h2 id="legal-basis">{t('ruleSets.legalBasis')}</h2>
        <ul className="plain-list">
          {r.legalBasis.map((basis) => (
            <li key={basis.instrument}>
              <strong>{basis.instrument}</strong>
              {basis.signedOn && ` (${formatDate(basis.signedOn)})`} – {basis.role === 'primary' ? t('ruleSets.basis.primary') : t('ruleSets.basis.amendment')}
              <br />
              <span className="hint">{basis.summary}</span>
            </li>
          ))}
        </ul>
      </section>

      <section className="card stack-small" aria-labelledby="scale">
        <h2 id="scale">{t('ruleSets.scale')}</h2>
        <dl className="facts" data-testid="part-maxima">
          {(['A', 'B', 'C'] as const).map((part) => (
            <div key={part}>
              <dt>{partLabel(t, part)}</dt>
              <dd>{points(t, r.partMaxima[part])}</dd>
            </div>
          ))}
          <div>
            <dt>{t('ruleSets.total')}</dt>
            <dd>{points(t, r.totalMaxPoints)}</dd>
          </div>
        </dl>
      </section>

      <section className="card stack-small" aria-labelledby="bands">
        <h2 id="bands">{t('ruleSets.bands')}</h2>
        <p className="hint">{t('ruleSets.bands.hint')}</p>
        <ul className="rows" data-testid="star-bands">
          {r.starBands.map((band) => {
            const recognition = r.recognition.find((entry) => entry.stars === band.stars);
            return (
              <li key={band.stars} className="row" data-testid={`band-${band.stars}`}>
                <div className="row-main">
                  <span className="row-title">
                    {bandRange(t, band, r.totalMaxPoints)} → {t('stars.count', { count: band.stars })} <Stars count={band.stars} t={t} decorative />
                  </span>
                  {recognition && (
                    <span className="row-meta">
                      {recognition.level ? t('ruleSets.recognisedBy', { level: levelLabel(t, recognition.level) }) : t('ruleSets.notRecognised')}
                      {' · '}
                      {recognition.certificate ? t('ruleSets.certificate') : t('ruleSets.noCertificate')}
                    </span>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </section>

      <section className="card stack-small" aria-labelledby="levels">
        <h2 id="levels">{t('ruleSets.levels')}</h2>
        <p data-testid="levels">{r.levels.map((level) => levelLabel(t, level)).join(' → ')}</p>
        {r.forwarding.length > 0 && (
          <ul className="plain-list">
            {r.forwarding.map((rule) => (
              <li key={`${rule.from}-${rule.to}`}>
                {t('ruleSets.forwarding', { from: levelLabel(t, rule.from), to: levelLabel(t, rule.to), range: forwardingRange(t, rule.minTotal, rule.maxTotal) })}
                <br />
                <span className="hint">{rule.source}</span>
              </li>
            ))}
          </ul>
        )}
        {r.roundCutoffs && r.roundCutoffs.length > 0 && (
          <>
            <h3 className="h3">{t('ruleSets.rounds')}</h3>
            <table className="table table-stack">
              <thead>
                <tr>
                  <th scope="col">{t('ruleSets.rounds.level')}</th>
                  <th scope="col">{t('ruleSets.rounds.round')}</th>
                  <th scope="col">{t('ruleSets.rounds.proposals')}</th>
                  <th scope="col">{t('ruleSets.rounds.completed')}</th>
                </tr>
              </thead>
              <tbody>
                {r.roundCutoffs.map((cutoff) => (
                  <tr key={`${cutoff.level}-${cutoff.round}`}>
                    <td data-label={t('ruleSets.rounds.level')}>{levelLabel(t, cutoff.level)}</td>
                    <td data-label={t('ruleSets.rounds.round')}>{formatNumber(cutoff.round)}</td>
                    <td data-label={t('ruleSets.rounds.proposals')}>{t('ruleSets.rounds.before', { date: dayMonth(cutoff.proposalsBefore) })}</td>
                    <td data-label={t('ruleSets.rounds.completed')}>{t('ruleSets.rounds.before', { date: dayMonth(cutoff.completedBefore) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      <section className="card stack-small" aria-labelledby="deadlines">
        <h2 id="deadlines">{t('ruleSets.deadlines')}</h2>
        {deadlines.length === 0 ? (
          <Empty>{t('ruleSets.deadlines.none')}</Empty>
        ) : (
          <dl className="facts" data-testid="deadlines">
            {deadlines.map(({ key, deadline }) => (
              <div key={key}>
                <dt>{deadlineLabel(t, key)}</dt>
                <dd>
                  {deadlineValue(t, deadline)}
                  {deadline.source && <span className="hint"> ({deadline.source})</span>}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <SheetsByClassification ruleSet={r} />

      <RuleSetNotes ruleSet={r} />
    </section>
  );
}

function SheetsByClassification({ ruleSet }: { ruleSet: RuleSet }) {
  const t = useRuleSetsText();
  const sheets = useQuery(sheetListQuery(ruleSet.id));
  const hasSheets = (sheets.data?.length ?? 0) > 0;
  const classification = useQuery({ ...classificationQuery(ruleSet.id), enabled: hasSheets, retry: false });
  const link = (number: number, name: string) => (
    <Link to="/rule-sets/$ruleSetId/sheets/$productSet" params={{ ruleSetId: ruleSet.id, productSet: String(number) }} data-testid={`sheet-link-${number}`}>
      {t('ruleSets.sheet.short', { number })}: {name}
    </Link>
  );
  return (
    <section className="card stack-small" aria-labelledby="sheets">
      <h2 id="sheets">{t('ruleSets.sheets')}</h2>
      {sheets.isPending ? (
        <Loading />
      ) : sheets.isError ? (
        <LoadError error={sheets.error} retry={() => void sheets.refetch()} />
      ) : !hasSheets ? (
        <Empty>{t('ruleSets.sheets.none', { count: ruleSet.productSets.count ?? '—' })}</Empty>
      ) : classification.isPending ? (
        <Loading />
      ) : classification.isSuccess ? (
        <>
          <p className="hint">{t('ruleSets.sheets.hint', { count: formatNumber(sheets.data.length) })}</p>
          <ProductSetTree classification={classification.data} renderSet={(set) => link(set.number, set.name)} />
        </>
      ) : (
        // Without a classification tree, the sheets in their numbered order.
        <ul className="tree">
          {sheets.data.map((sheet) => (
            <li key={sheet.number}>{link(sheet.number, sheet.name)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RuleSetNotes({ ruleSet }: { ruleSet: RuleSet }) {
  const t = useRuleSetsText();
  if (ruleSet.notes.length === 0 && ruleSet.sources.length === 0) return null;
  return (
    <section className="card stack-small" aria-labelledby="rule-set-notes">
      <h2 id="rule-set-notes">{t('ruleSets.notes')}</h2>
      <p className="hint">{t('ruleSets.notes.hint')}</p>
      {ruleSet.notes.length > 0 && (
      <ul className="notes" lang="en" data-testid="rule-set-notes">
        {ruleSet.notes.map((note, index) => (
          <li key={index} className="note">
            <code>{note.field}</code> {note.text}
          </li>
        ))}
      </ul>
      )}
      <details>
        <summary>{t('ruleSets.sources')}</summary>
        <ul className="plain-list" lang="en">
          {ruleSet.sources.map((source) => (
            <li key={source.id}>
              {source.citation} <span className="hint">({source.verification})</span>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
