/**
 * The bar that stays at the bottom of the screen while a producer fills in the form: total, parts A/B/C,
 * the star (and, when the minimum requirements cap it, the band star and the criteria that cap it),
 * how many criteria are still unanswered, and the save button within thumb's reach.
 */
import type { ReactNode } from 'react';
import { errorMessage } from '../../app/api.ts';
import { formatNumber, useI18n, type Translate } from '../../app/i18n.tsx';
import { Stars, type Criterion, type SheetEvaluation, type SheetStop } from '../rule-sets/index.ts';

export function SummaryBar(props: {
  result: SheetEvaluation | undefined;
  error: unknown;
  retry(): void;
  updating: boolean;
  missing: number;
  onMissing(): void;
  criteria: Map<string, Criterion>;
  maxPoints: number;
  writable: boolean;
  saving: boolean;
  dirty: boolean;
  /** Buttons in place of the save button (e.g. a council member's "save draft" and "submit"). */
  actions?: ReactNode;
  t: Translate;
}) {
  const { result, t } = props;
  const { locale } = useI18n();
  const outcome = result?.score.starOutcome;
  const capped = outcome && outcome.stars < outcome.bandStars;
  const cappingCodes = [...new Set(outcome?.cappedBy.map((marker) => marker.criterion) ?? [])];
  const stop = (result?.score.stop ?? null) as SheetStop | null;
  return (
    <div className="summary-bar" data-testid="summary-bar">
      <div className="summary-row">
        <div className="summary-score" role="status" aria-live="polite" aria-atomic="true">
          {result ? (
            <>
              <span className="summary-total" data-testid="summary-total">
                {formatNumber(result.score.total)}
                <span className="summary-max">/{formatNumber(props.maxPoints)}</span>
              </span>
              <span className="summary-stars" data-testid="summary-stars">
                <Stars count={outcome!.stars} t={t} decorative /> <span className="summary-stars-text">{t('stars.count', { count: outcome!.stars })}</span>
              </span>
            </>
          ) : (
            <span className="hint">{t('common.loading')}</span>
          )}
          {props.updating && (
            <span className="summary-updating" data-testid="summary-updating">
              <span className="spinner" aria-hidden="true" />
              <span className="visually-hidden">{t('selfAssessment.updating')}</span>
            </span>
          )}
        </div>
        {props.actions ? (
          <div className="summary-actions">{props.actions}</div>
        ) : props.writable && (
          <button type="submit" className="button button-primary summary-save" disabled={props.saving || !props.dirty} data-testid="self-assessment-save">
            {props.saving ? t('selfAssessment.saving') : props.dirty ? t('selfAssessment.save') : t('selfAssessment.savedShort')}
          </button>
        )}
      </div>
      {result && (
        <p className="summary-parts" data-testid="summary-parts">
          {(['A', 'B', 'C'] as const).map((part) => (
            <span key={part}>
              {t('selfAssessment.partShort', { part, points: formatNumber(result.score.parts[part] ?? 0) })}
            </span>
          ))}
          {props.missing > 0 ? (
            <button type="button" className="link-button" onClick={props.onMissing} data-testid="summary-missing">
              {t('selfAssessment.missing', { count: formatNumber(props.missing) })}
            </button>
          ) : (
            <span className="summary-complete" data-testid="summary-complete">
              {t('selfAssessment.complete')}
            </span>
          )}
        </p>
      )}
      {capped && (
        <p className="summary-cap" data-testid="summary-capped">
          {t('selfAssessment.capped', {
            band: outcome.bandStars,
            stars: outcome.stars,
            // Names while they fit on a phone; codes alone when many criteria cap the star (the gap panel names them all).
            criteria: cappingCodes
              .map((code) => (cappingCodes.length <= 2 ? `${code} ${props.criteria.get(code)?.name ?? ''}`.trim() : code))
              .join('; '),
          })}
        </p>
      )}
      {stop && (
        <p className="summary-cap" data-testid="summary-stop">
          {t('selfAssessment.stopped', { criterion: stop.criterion })}
        </p>
      )}
      {props.error ? (
        <p className="summary-error" role="alert">
          {errorMessage(props.error, locale)}{' '}
          <button type="button" className="link-button" onClick={props.retry}>
            {t('common.retry')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
