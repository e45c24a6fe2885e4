import { useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { formatNumber } from '../../app/i18n.tsx';
import { Empty, LoadError, Loading, Notice, PageHeader, SelectField } from '../../app/ui.tsx';
import { bandRange, dayMonth, deadlineLabel, deadlineValue, forwardingRange, instruments, levelLabel, partLabel, points } from './rule-sets.format.tsx';
import { compareQuery, ruleSetsQuery } from './rule-sets.queries.ts';
import type { Deadline, Level, RuleSet, StarBand } from './rule-sets.types.ts';
import { useRuleSetsText, type RuleSetsText, type RuleSetsTextKey } from './rule-sets-text.ts';

const route = getRouteApi('/rule-sets/compare');

/** A compared field's name in words: "partMaxima.A" → "Điểm tối đa Phần A …". */
function fieldLabel(t: RuleSetsText, field: string): string {
  const dot = field.indexOf('.');
  const head = dot < 0 ? field : field.slice(0, dot);
  const rest = dot < 0 ? '' : field.slice(dot + 1);
  switch (head) {
    case 'totalMaxPoints':
      return t('compare.field.totalMaxPoints');
    case 'partMaxima':
      return t('compare.field.partMaxima', { part: partLabel(t, rest) });
    case 'starBands':
      return t('compare.field.starBands');
    case 'levels':
      return t('compare.field.levels');
    case 'recognition':
      return t('compare.field.recognition');
    case 'forwarding':
      return t('compare.field.forwarding');
    case 'roundCutoffs':
      return t('compare.field.roundCutoffs');
    case 'deadlines':
      if (rest.includes('.')) {
        // A part of a deadline that changed on its own: its number, unit, how it is counted, its source.
        const [key = '', part = ''] = rest.split('.');
        const partKey = `compare.deadline.${part}` as RuleSetsTextKey;
        const label = t(partKey);
        return t('compare.field.deadlinePart', { name: deadlineLabel(t, key), part: label === partKey ? part : label });
      }
      return t('compare.field.deadline', { name: deadlineLabel(t, rest) });
    case 'productSets':
      return rest === 'count' ? t('compare.field.productSetCount') : rest === 'classificationFile' ? t('compare.field.classification') : rest === 'criteriaSheetsDirectory' ? t('compare.field.sheets') : field;
    default:
      return field;
  }
}

/** A compared value in words, one line per item for lists (bands, levels, rounds…). */
function valueLines(t: RuleSetsText, field: string, value: unknown, ruleSet: RuleSet): string[] {
  if (value === null || value === undefined) return [t('compare.none')];
  const head = field.split('.')[0];
  const isList = Array.isArray(value);
  switch (head) {
    case 'totalMaxPoints':
    case 'partMaxima':
      return typeof value === 'number' ? [points(t, value)] : [JSON.stringify(value)];
    case 'starBands':
      if (isList) return (value as StarBand[]).map((band) => `${bandRange(t, band, ruleSet.totalMaxPoints)} → ${t('stars.count', { count: band.stars })}`);
      break;
    case 'levels':
      if (isList) return [(value as Level[]).map((level) => levelLabel(t, level)).join(' → ')];
      break;
    case 'recognition':
      if (!isList) break;
      return (value as RuleSet['recognition']).map((entry) =>
        t('compare.recognition', {
          stars: entry.stars,
          level: entry.level ? t('ruleSets.recognisedBy', { level: levelLabel(t, entry.level) }) : t('ruleSets.notRecognised'),
          certificate: entry.certificate ? t('ruleSets.certificate') : t('ruleSets.noCertificate'),
        }),
      );
    case 'forwarding':
      if (!isList) break;
      return (value as RuleSet['forwarding']).map((rule) =>
        t('compare.forwarding', {
          from: levelLabel(t, rule.from),
          to: levelLabel(t, rule.to),
          range: forwardingRange(t, rule.minTotal, rule.maxTotal),
        }),
      );
    case 'roundCutoffs':
      if (!isList) break;
      return (value as NonNullable<RuleSet['roundCutoffs']>).map((cutoff) =>
        t('compare.round', { level: levelLabel(t, cutoff.level), round: cutoff.round, proposals: dayMonth(cutoff.proposalsBefore), completed: dayMonth(cutoff.completedBefore) }),
      );
    case 'deadlines': {
      if (typeof value === 'object' && 'unit' in (value as object)) {
        const deadline = value as Deadline;
        return [deadline.source ? `${deadlineValue(t, deadline)} (${deadline.source})` : deadlineValue(t, deadline)];
      }
      break;
    }
  }
  if (typeof value === 'number') return [formatNumber(value)];
  if (typeof value === 'string') return [value];
  return [JSON.stringify(value)];
}

function Lines({ lines }: { lines: string[] }) {
  return lines.length === 1 ? <>{lines[0]}</> : <ul className="plain-list">{lines.map((line, index) => <li key={index}>{line}</li>)}</ul>;
}

/** Two rule sets side by side: every scale, band, level and deadline that changed (public). */
export function CompareRuleSetsPage() {
  const t = useRuleSetsText();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = useQuery(ruleSetsQuery);
  const ready = !!search.left && !!search.right;
  const comparison = useQuery({ ...compareQuery(search.left ?? '', search.right ?? ''), enabled: ready });
  const options = (list.data ?? []).map((ruleSet) => ({
    value: ruleSet.id,
    label: ruleSet.status === 'current' ? `${instruments(ruleSet)} (${t('ruleSets.status.current')})` : instruments(ruleSet),
  }));

  return (
    <section className="stack">
      <nav className="breadcrumb" aria-label={t('units.breadcrumb')}>
        <ol>
          <li>
            <Link to="/rule-sets">{t('ruleSets.title')}</Link>
          </li>
        </ol>
      </nav>
      <PageHeader title={t('compare.title')}>
        <p className="lead">{t('compare.intro')}</p>
      </PageHeader>
      {list.isError && <LoadError error={list.error} retry={() => void list.refetch()} />}
      <form className="toolbar card" onSubmit={(event) => event.preventDefault()} data-testid="compare-form">
        <SelectField
          name="left"
          label={t('compare.left')}
          value={search.left ?? ''}
          onChange={(left) => void navigate({ search: (previous) => ({ ...previous, left: left || undefined }), replace: true })}
          options={options}
          placeholder={list.isPending ? t('common.loading') : t('form.choose')}
        />
        <SelectField
          name="right"
          label={t('compare.right')}
          value={search.right ?? ''}
          onChange={(right) => void navigate({ search: (previous) => ({ ...previous, right: right || undefined }), replace: true })}
          options={options}
          placeholder={list.isPending ? t('common.loading') : t('form.choose')}
        />
      </form>
      {!ready ? (
        <Empty>{t('compare.pick')}</Empty>
      ) : comparison.isPending ? (
        <Loading />
      ) : comparison.isError ? (
        <LoadError error={comparison.error} retry={() => void comparison.refetch()} />
      ) : comparison.data.differences.length === 0 ? (
        <Notice testId="no-differences">{t('compare.same')}</Notice>
      ) : (
        <>
          <p className="hint" data-testid="difference-count">
            {t('compare.count', { count: formatNumber(comparison.data.differences.length) })}
          </p>
          <table className="table table-stack" data-testid="differences">
            <thead>
              <tr>
                <th scope="col">{t('compare.field')}</th>
                <th scope="col">{instruments(comparison.data.left)}</th>
                <th scope="col">{instruments(comparison.data.right)}</th>
              </tr>
            </thead>
            <tbody>
              {comparison.data.differences.map((difference) => (
                <tr key={difference.field} data-testid={`difference-${difference.field}`}>
                  <th scope="row" data-field={difference.field}>
                    {fieldLabel(t, difference.field)}
                  </th>
                  <td data-label={instruments(comparison.data.left)} data-testid="difference-left">
                    <Lines lines={valueLines(t, difference.field, difference.left, comparison.data.left)} />
                  </td>
                  <td data-label={instruments(comparison.data.right)} data-testid="difference-right">
                    <Lines lines={valueLines(t, difference.field, difference.right, comparison.data.right)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
