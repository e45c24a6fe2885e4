/** Closing an evaluation round's council session, and recording the decision that issues certificates. */
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { ErrorSummary, Field, TextField, useFormErrors } from '../../app/ui.tsx';
import type { EvaluationText } from './evaluations-text.ts';
import { roundKey, todayInVietnam, type RoundDetail } from './evaluations.queries.ts';
import { FormActions } from '../../app/form-actions.tsx';

export function CloseForm({ round, text }: { round: RoundDetail; text: EvaluationText }) {
  const queryClient = useQueryClient();
  const [date, setDate] = useState(todayInVietnam);
  const [place, setPlace] = useState('');
  const [confirming, setConfirming] = useState(false);
  const close = useMutation({
    mutationFn: () => api.post('/api/evaluation-rounds/{id}/close', { path: { id: round.id }, body: { version: round.version, sessionHeldOn: date, sessionPlace: place } }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(roundKey(round.id), updated);
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: ['evaluations', 'entry'] });
      await queryClient.invalidateQueries({ queryKey: ['evaluations', 'rounds'] });
    },
    onError: () => setConfirming(false),
  });
  const errors = useFormErrors(close.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    setConfirming(true);
  }
  return (
    <form className="card form stack-small" onSubmit={submit} noValidate data-testid="close-form">
      <h2>{text('close.title')}</h2>
      <p className="hint">{text('close.intro')}</p>
      <ErrorSummary errors={errors} shownFields={['sessionHeldOn', 'sessionPlace']} />
      <div className="toolbar">
        <Field name="sessionHeldOn" label={text('close.date')} errors={errors?.fields.sessionHeldOn} required>
          {(control) => <input {...control} type="date" value={date} onChange={(event) => setDate(event.target.value)} />}
        </Field>
        <TextField name="sessionPlace" label={text('close.place')} value={place} onChange={setPlace} hint={text('close.place.hint')} errors={errors?.fields.sessionPlace} required maxLength={300} />
      </div>
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-label={text('close.title')}>
          <p>{text('close.confirm')}</p>
          <div className="form-actions">
            <button type="button" className="button button-primary" disabled={close.isPending} onClick={() => close.mutate()} data-testid="close-confirm">
              {text('close.submit')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {text('common.confirmCancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <button type="submit" className="button button-primary" data-testid="close-submit">
            {text('close.submit')}
          </button>
        </div>
      )}
    </form>
  );
}

export function DecisionForm({ round, text }: { round: RoundDetail; text: EvaluationText }) {
  const queryClient = useQueryClient();
  const [number, setNumber] = useState('');
  const [signedOn, setSignedOn] = useState(todayInVietnam);
  const [signerName, setSignerName] = useState('');
  const [signerTitle, setSignerTitle] = useState('');
  const decide = useMutation({
    mutationFn: () => api.post('/api/evaluation-rounds/{id}/decision', { path: { id: round.id }, body: { version: round.version, number, signedOn, signerName, signerTitle } }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(roundKey(round.id), updated);
      await queryClient.invalidateQueries({ queryKey: ['evaluations', 'entry'] });
      await queryClient.invalidateQueries({ queryKey: ['evaluations', 'rounds'] });
    },
  });
  const errors = useFormErrors(decide.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    decide.mutate();
  }
  return (
    <form className="card form stack-small" onSubmit={submit} noValidate data-testid="decision-form">
      <h2>{text('decision.title')}</h2>
      <p className="hint">{text('decision.intro')}</p>
      <ErrorSummary errors={errors} shownFields={['number', 'signedOn', 'signerName', 'signerTitle']} />
      <div className="toolbar">
        <TextField name="number" label={text('decision.number')} value={number} onChange={setNumber} errors={errors?.fields.number} required maxLength={60} />
        <Field name="signedOn" label={text('decision.signedOn')} errors={errors?.fields.signedOn} required>
          {(control) => <input {...control} type="date" value={signedOn} onChange={(event) => setSignedOn(event.target.value)} />}
        </Field>
      </div>
      <div className="toolbar">
        <TextField name="signerName" label={text('decision.signerName')} value={signerName} onChange={setSignerName} errors={errors?.fields.signerName} required maxLength={200} />
        <TextField name="signerTitle" label={text('decision.signerTitle')} value={signerTitle} onChange={setSignerTitle} errors={errors?.fields.signerTitle} maxLength={200} />
      </div>
      <FormActions submitLabel={text('decision.submit')} busy={decide.isPending} submitTestId="decision-submit" />
    </form>
  );
}
