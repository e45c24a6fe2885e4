/**
 * What stands between the self-assessment and the next star (computed by the server for complete
 * sheets): the minimum requirements not met, and the upgrade that adds the fewest points.
 */
import { formatNumber } from '../../app/i18n.tsx';
import { StarMarker, Stars, points, type Criterion, type GapAnalysis, type SheetEvaluation } from '../rule-sets/index.ts';
import { type SelfAssessmentsText } from './self-assessments-text.ts';

interface SheetIndex {
  criteria: Map<string, Criterion>;
  options: Map<string, { label: string; points: number }>;
}

const quoted = (text: string) => `“${text}”`;

export function GapPanel({ result, index, t }: { result: SheetEvaluation | undefined; index: SheetIndex; t: SelfAssessmentsText }) {
  const criterionName = (code: string) => `${code} ${index.criteria.get(code)?.name ?? ''}`.trim();
  const optionLabel = (id: string | null) => (id ? quoted(index.options.get(id)?.label ?? id) : t('gap.notApplicable'));
  const gap = (result?.gap ?? null) as GapAnalysis | null;
  const outcome = result?.score.starOutcome;

  return (
    <section className="card stack-small gap-panel" aria-labelledby="gap-title" data-testid="gap-panel">
      <h2 id="gap-title">{t('gap.title')}</h2>
      {outcome && outcome.cappedBy.length > 0 && (
        <p className="mark mark-stop" data-testid="gap-capped">
          {t('gap.capped', {
            band: outcome.bandStars,
            stars: outcome.stars,
            criteria: [...new Set(outcome.cappedBy.map((marker) => criterionName(marker.criterion)))].join('; '),
          })}
        </p>
      )}
      {!result ? null : !result.complete || !gap ? (
        <p className="hint" data-testid="gap-incomplete">
          {t('gap.incomplete')}
        </p>
      ) : gap.current.stoppedBy ? (
        <p className="mark mark-stop">{t('gap.stopped')}</p>
      ) : gap.targetStars === null ? (
        <p data-testid="gap-top">{t('gap.top')}</p>
      ) : (
        <div className="stack-small">
          <p className="gap-target" data-testid="gap-target">
            {t('gap.target', { stars: gap.targetStars, min: formatNumber(gap.targetMinTotal ?? 0) })} <Stars count={gap.targetStars} t={t} decorative />
          </p>
          {gap.blockingMarkers.length > 0 && (
            <>
              <h3 className="h4">{t('gap.blocking')}</h3>
              <ul className="plain-list" data-testid="gap-blocking">
                {gap.blockingMarkers.map((marker) => (
                  <li key={`${marker.criterion}-${marker.marker}`}>
                    <strong>{criterionName(marker.criterion)}</strong> <StarMarker stars={marker.marker} t={t} />
                    <br />
                    {t('gap.requirement', {
                      option: optionLabel(marker.requiredOptionId),
                      required: formatNumber(marker.requiredPoints),
                      actual: formatNumber(marker.actualPoints.value),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
          {gap.plan && !gap.plan.reachable && <p className="mark mark-stop">{t('gap.unreachable', { stars: gap.targetStars })}</p>}
          {gap.plan?.reachable && gap.plan.upgrades.length > 0 && (
            <>
              <h3 className="h4">{t('gap.plan')}</h3>
              <p data-testid="gap-plan-summary">
                {t('gap.plan.summary', {
                  added: formatNumber(gap.plan.addedPoints),
                  total: formatNumber(gap.plan.newTotal),
                  stars: gap.plan.newStars,
                })}
              </p>
              <ol className="upgrades" data-testid="gap-upgrades">
                {gap.plan.upgrades.map((upgrade) => (
                  <li key={upgrade.criterion} className="upgrade" data-testid={`upgrade-${upgrade.criterion}`}>
                    <p className="upgrade-title">
                      <strong>{criterionName(upgrade.criterion)}</strong>{' '}
                      <span className="upgrade-points">+{points(t, upgrade.toPoints - upgrade.fromPoints)}</span>
                      {upgrade.requiredByMarker && (
                        <span className="badge badge-bad">
                          {t('gap.required')} <StarMarker stars={upgrade.requiredByMarker} t={t} />
                        </span>
                      )}
                    </p>
                    <p className="upgrade-from">{t('gap.from', { option: optionLabel(upgrade.fromOptionId), points: formatNumber(upgrade.fromPoints) })}</p>
                    <p className="upgrade-to">{t('gap.to', { option: optionLabel(upgrade.toOptionId), points: formatNumber(upgrade.toPoints) })}</p>
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      )}
    </section>
  );
}
