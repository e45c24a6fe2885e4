/**
 * The bar that stays at the bottom of the screen while a producer fills in the form: total, parts A/B/C,
 * the star (and, when the minimum requirements cap it, the band star and the criteria that cap it),
 * how many criteria are still unanswered, where the draft stands, and the save button within thumb's reach.
 * Until every criterion is answered the total is the answered criteria's points, marked "tạm tính", and
 * no star is shown: counting the unanswered at their lowest option misled (21/100 for five answers worth 9, issue 19).
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
  /** Where the draft stands (app/autosave.tsx's SaveState). */
  saveState?: ReactNode;
  t: Translate;
}) {
  const { result, t } = props;
  const { locale } = useI18n();
  // Complete: nothing left to answer (or the sheet ended on a stop rule or disqualification).
  const complete = props.missing === 0;
  const outcome = complete ? result?.score.starOutcome : undefined;
  const capped = outcome && outcome.stars < outcome.bandStars;
  const cappingCodes = [...new Set(outcome?.cappedBy.map((marker) => marker.criterion) ?? [])];
  const stop = (result?.score.stop ?? null) as SheetStop | null;
  const shown = result && (complete ? { total: result.score.total, parts: result.score.parts } : result.answered);
  return (
    <div className="summary-bar" data-testid="summary-bar">
      <div className="summary-row">
        <div className="summary-score" role="status" aria-live="polite" aria-atomic="true">
          {shown ? (
            <>
              <span className="summary-total" data-testid="summary-total" title={complete ? undefined : t('selfAssessment.answered')}>
                {formatNumber(shown.total)}
                <span className="summary-max">/{formatNumber(props.maxPoints)}</span>
              </span>
              {outcome ? (
                <span className="summary-stars" data-testid="summary-stars">
                  <Stars count={outcome.stars} t={t} decorative /> <span className="summary-stars-text">{t('stars.count', { count: outcome.stars })}</span>
                </span>
              ) : (
                <>
                  <span className="summary-provisional" data-testid="summary-provisional">
                    {t('selfAssessment.answered')} ({t('selfAssessment.provisional')})
                  </span>
                  <span className="summary-nostar" data-testid="summary-nostar">
                    {t('selfAssessment.starWhenComplete')}
                  </span>
                </>
              )}
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
      {shown && (
        <p className="summary-parts" data-testid="summary-parts">
          {(['A', 'B', 'C'] as const).map((part) => (
            <span key={part}>
              {t('selfAssessment.partShort', { part, points: formatNumber(shown.parts[part] ?? 0) })}
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
          {props.saveState}
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
