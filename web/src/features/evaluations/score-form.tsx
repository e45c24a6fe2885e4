/**
 * A council member's own score sheet for one dossier (QĐ 26/2026 Đ.7.3.c–d): the product set's criteria
 * sheet with the live score bar (the self-assessment's components), saved as a draft or submitted. A
 * submitted sheet is final; when the spread rule orders a re-score, the next attempt starts from the
 * member's previous choices. The draft saves itself as the member goes (app/autosave.tsx). Works at
 * tablet width: the sheet is one column of large options.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { SaveState, useAutosave } from '../../app/autosave.tsx';
import { formatNumber, useI18n } from '../../app/i18n.tsx';
import { ErrorSummary, Field, LoadError, Loading, Notice, useFormErrors } from '../../app/ui.tsx';
import { SheetRules, evaluationQuery, indexSheet, leafCriteria, sheetQuery, stopRuleOf, type CriteriaSheet } from '../rule-sets/index.ts';
import { SheetCriteria, SummaryBar, useDebounced } from '../self-assessments/index.ts';
import type { EvaluationText } from './evaluations-text.ts';
import { entryKey, myScoreKey, myScoreQuery, roundKey, type EntryDetail, type MyScore } from './evaluations.queries.ts';

type Choices = Record<string, string>;
const EVALUATION_DELAY_MS = 400;

const sameChoices = (a: Choices, b: Choices) => Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((key) => a[key] === b[key]);

export interface RescoreNotice {
  attempt: number;
  pair: string[];
  largest: number;
  limit: number;
}

/** The member's sheet of the current attempt: loading it and the criteria sheet, then the form. */
export function ScoreSection({ entry, text, onRescoreOrdered }: { entry: EntryDetail; text: EvaluationText; onRescoreOrdered(notice: RescoreNotice): void }) {
  const myScore = useQuery({ ...myScoreQuery(entry.id), refetchOnMount: 'always' });
  const sheet = useQuery({ ...sheetQuery(entry.round.ruleSetId, entry.productSetNumber) });
  if (myScore.isError) return <LoadError error={myScore.error} retry={() => void myScore.refetch()} />;
  if (sheet.isError) return <LoadError error={sheet.error} retry={() => void sheet.refetch()} />;
  if (!myScore.data || !sheet.data) return <Loading />;
  if (myScore.data.status === 'submitted') {
    return (
      <div className="card stack-small" data-testid="score-submitted">
        <h2>{text('score.title')}</h2>
        <Notice>
          {text('score.submitted', { attempt: myScore.data.attempt })} {`(${text('result.points', { points: formatNumber(myScore.data.total) })})`}
        </Notice>
        <p className="hint">{text('score.final')}</p>
      </div>
    );
  }
  return <ScoreForm key={`${myScore.data.attempt}`} initial={myScore.data} sheet={sheet.data} entry={entry} text={text} onRescoreOrdered={onRescoreOrdered} />;
}

function ScoreForm(props: { initial: MyScore; sheet: CriteriaSheet; entry: EntryDetail; text: EvaluationText; onRescoreOrdered(notice: RescoreNotice): void }) {
  const { initial, sheet, entry, text } = props;
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(initial);
  const [choices, setChoices] = useState<Choices>(initial.choices);
  const [comment, setComment] = useState(initial.comment);
  const [disqualification, setDisqualification] = useState(initial.disqualificationReasonId ?? '');
  const [confirming, setConfirming] = useState(false);
  const [showMissing, setShowMissing] = useState(false);
  const index = useMemo(() => indexSheet(sheet), [sheet]);
  const leaves = useMemo(() => leafCriteria(sheet), [sheet]);
  const dirty = !sameChoices(choices, saved.choices) || comment !== saved.comment || disqualification !== (saved.disqualificationReasonId ?? '');

  const settled = useDebounced(choices, EVALUATION_DELAY_MS);
  const evaluation = useQuery({ ...evaluationQuery(saved.ruleSetId, saved.productSetNumber, settled), placeholderData: keepPreviousData });
  const result = evaluation.data;
  const updating = evaluation.isFetching || settled !== choices;
  const notApplicable = useMemo(() => new Map((result?.score.notApplicable ?? []).map((item) => [item.criterion, item.text])), [result]);
  // An option that stops the evaluation (Phụ lục II) ends the sheet there: the later criteria are not scored.
  const stopRule = useMemo(() => Object.values(choices).map((optionId) => stopRuleOf(sheet, optionId)).find(Boolean) ?? null, [choices, sheet]);
  const ended = Boolean(disqualification || stopRule);
  const missing = ended ? [] : leaves.filter((leaf) => leaf.options.length > 0 && !choices[leaf.code] && !notApplicable.has(leaf.code));

  const choose = useCallback((code: string, optionId: string) => {
    setChoices((previous) => ({ ...previous, [code]: optionId }));
  }, []);

  const body = (submit: boolean) => ({ choices, comment, disqualificationReasonId: disqualification || null, stopRuleId: stopRule?.id ?? null, submit });
  const draftBody = useRef(body(false));
  draftBody.current = body(false);
  const values = useMemo(() => ({ choices, comment, disqualification }), [choices, comment, disqualification]);
  const save = useMutation({
    mutationFn: async (_submit: true) => {
      await autosave.flush(); // a draft save under way finishes first; none starts meanwhile (disabled below)
      return api.put('/api/round-entries/{id}/my-score', { path: { id: entry.id }, body: body(true) });
    },
    onSuccess: async (answer) => {
      setSaved(answer);
      setConfirming(false);
      if (answer.rescoreOrdered) {
        props.onRescoreOrdered({ attempt: answer.attempt + 1, pair: answer.rescoreOrdered.pair, largest: answer.rescoreOrdered.largest, limit: answer.rescoreOrdered.limit });
      }
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: myScoreKey(entry.id) }),
        queryClient.invalidateQueries({ queryKey: entryKey(entry.id) }),
        queryClient.invalidateQueries({ queryKey: roundKey(entry.roundId) }),
      ]);
    },
    onError: () => setConfirming(false),
  });
  const autosave = useAutosave({
    dirty,
    changeKey: values,
    enabled: !confirming && !save.isPending,
    save: async () => {
      const answer = await api.put('/api/round-entries/{id}/my-score', { path: { id: entry.id }, body: draftBody.current });
      setSaved(answer);
      queryClient.setQueryData(myScoreKey(entry.id), answer);
    },
  });
  const errors = useFormErrors(save.error ?? autosave.error);

  function focusFirstMissing() {
    const first = missing[0];
    if (!first) return;
    const card = document.getElementById(`criterion-${first.code}`);
    card?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    card?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus({ preventScroll: true });
  }

  function askToSubmit() {
    if (missing.length > 0) {
      setShowMissing(true);
      focusFirstMissing();
      return;
    }
    setShowMissing(false);
    setConfirming(true);
  }

  // Submitted: the sheet of this attempt is final; wait for the member's next state (submitted, or a re-score).
  if (saved.status === 'submitted') return <Loading />;

  const total = result ? formatNumber(result.score.total) : '…';
  const actions = confirming ? (
    <div className="confirm" role="alertdialog" aria-label={text('score.submit')} data-testid="score-confirm">
      <p>{text('score.confirm', { total })}</p>
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={save.isPending || updating} onClick={() => save.mutate(true)} data-testid="score-confirm-submit">
          {text('score.confirmYes')}
        </button>
        <button type="button" className="button" onClick={() => setConfirming(false)}>
          {text('common.confirmCancel')}
        </button>
      </div>
    </div>
  ) : (
    <>
      <button type="button" className="button" disabled={save.isPending || !dirty} onClick={() => void autosave.flush()} data-testid="score-save-draft">
        {dirty ? text('score.saveDraft') : t('selfAssessment.savedShort')}
      </button>
      <button type="button" className="button button-primary" disabled={save.isPending} onClick={askToSubmit} data-testid="score-submit">
        {text('score.submit')}
      </button>
    </>
  );

  return (
    <form className="stack" noValidate onSubmit={(event) => event.preventDefault()} data-testid="score-form">
      <div className="card stack-small">
        <h2>{text('score.title')}</h2>
        <p>{text('score.independent')}</p>
        <p className="alert alert-info" data-testid="score-final-notice">
          {text('score.final')}
        </p>
      </div>
      {showMissing && missing.length > 0 && (
        <p className="alert alert-error" role="alert" data-testid="score-missing">
          {text('score.missing', { count: formatNumber(missing.length) })}
        </p>
      )}
      <ErrorSummary errors={errors} />

      <details className="card">
        <summary>{t('selfAssessment.rules')}</summary>
        <div className="stack-small details-body">
          <SheetRules sheet={sheet} t={t} />
        </div>
      </details>

      <SheetCriteria sheet={sheet} choices={choices} notApplicable={notApplicable} onChoose={choose} disabled={save.isPending} t={t} />

      <div className="card stack-small">
        {(sheet.disqualifications ?? []).length > 0 && (
          <Field name="disqualificationReasonId" label={text('score.disqualification')}>
            {(control) => (
              <select {...control} value={disqualification} onChange={(event) => setDisqualification(event.target.value)}>
                <option value="">{text('score.disqualification.none')}</option>
                {sheet.disqualifications.map((reason) => (
                  <option key={reason.id} value={reason.id}>
                    {reason.text}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field name="comment" label={text('score.comment')}>
          {(control) => <textarea {...control} rows={3} maxLength={5000} value={comment} onChange={(event) => setComment(event.target.value)} />}
        </Field>
      </div>

      <SummaryBar
        result={result}
        error={evaluation.isError ? evaluation.error : null}
        retry={() => void evaluation.refetch()}
        updating={updating}
        missing={missing.length}
        onMissing={focusFirstMissing}
        criteria={index.criteria}
        maxPoints={sheet.totalMaxPoints}
        writable
        saving={save.isPending || autosave.status === 'saving'}
        dirty={dirty}
        actions={actions}
        saveState={<SaveState autosave={autosave} testId="score-save-state" />}
        t={t}
      />
    </form>
  );
}
