/** The settings of an evaluation round (title, dates, the council's scoring rule), editable while it is open. */
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { ErrorSummary, Field, TextField, useFormErrors } from '../../app/ui.tsx';
import type { EvaluationText } from './evaluations-text.ts';
import { numberOrUndefined, roundKey, type RoundDetail, type RoundSettingsBody } from './evaluations.queries.ts';
import { FormActions } from '../../app/form-actions.tsx';


/** The percentage shown for a quorum fraction (0.667 → "66.7"). */
const percentOf = (fraction: number) => String(Math.round(fraction * 1000) / 10);

export function RoundSettingsForm({ round, text, onDone }: { round: RoundDetail; text: EvaluationText; onDone(saved: boolean): void }) {
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(round.title);
  const [proposalsDueOn, setProposalsDueOn] = useState(round.proposalsDueOn);
  const [completeBy, setCompleteBy] = useState(round.completeBy);
  const [maxSpread, setMaxSpread] = useState(String(round.maxSpread));
  const [quorum, setQuorum] = useState(percentOf(round.quorumFraction));
  const [chairRequired, setChairRequired] = useState(round.chairRequired);
  // The server refuses to change the council's rule once a sheet is in; this mirrors it from what the page shows.
  const ruleFrozen = round.entries.some((entry) => entry.progress.submitted > 0 || entry.attempt > 1);
  const save = useMutation({
    mutationFn: (body: RoundSettingsBody) => api.patch('/api/evaluation-rounds/{id}', { path: { id: round.id }, body }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(roundKey(round.id), updated);
      onDone(true);
      await queryClient.invalidateQueries({ queryKey: ['evaluations', 'rounds'] });
    },
  });
  const errors = useFormErrors(save.error);
  const shown = ['title', 'proposalsDueOn', 'completeBy', 'maxSpread', 'quorumFraction'];

  function submit(event: FormEvent) {
    event.preventDefault();
    // Only what was changed is sent: the rest of the round stays as it is.
    const spread = maxSpread === String(round.maxSpread) ? undefined : numberOrUndefined(maxSpread);
    const quorumPercent = quorum === percentOf(round.quorumFraction) ? undefined : numberOrUndefined(quorum);
    save.mutate({
      version: round.version,
      ...(title.trim() !== round.title ? { title: title.trim() } : {}),
      ...(proposalsDueOn && proposalsDueOn !== round.proposalsDueOn ? { proposalsDueOn } : {}),
      ...(completeBy && completeBy !== round.completeBy ? { completeBy } : {}),
      ...(spread !== undefined ? { maxSpread: spread } : {}),
      ...(quorumPercent !== undefined ? { quorumFraction: quorumPercent / 100 } : {}),
      ...(chairRequired !== round.chairRequired ? { chairRequired } : {}),
    });
  }

  return (
    <form className="card form stack-small" onSubmit={submit} noValidate data-testid="round-settings-form">
      <h2>{text('edit.title')}</h2>
      <p className="hint">{text('edit.intro')}</p>
      <ErrorSummary errors={errors} shownFields={shown} />
      <TextField name="title" label={text('open.titleField')} value={title} onChange={setTitle} maxLength={200} required errors={errors?.fields.title} />
      <div className="toolbar">
        <Field name="proposalsDueOn" label={text('open.proposalsDueOn')} errors={errors?.fields.proposalsDueOn}>
          {(control) => <input {...control} type="date" value={proposalsDueOn} onChange={(event) => setProposalsDueOn(event.target.value)} />}
        </Field>
        <Field name="completeBy" label={text('open.completeBy')} errors={errors?.fields.completeBy}>
          {(control) => <input {...control} type="date" value={completeBy} onChange={(event) => setCompleteBy(event.target.value)} />}
        </Field>
      </div>
      {ruleFrozen && <p className="hint" data-testid="rule-frozen">{text('edit.ruleFrozen')}</p>}
      <div className="toolbar">
        <TextField
          name="maxSpread"
          label={text('open.maxSpread')}
          value={maxSpread}
          onChange={setMaxSpread}
          inputMode="numeric"
          hint={text('open.maxSpread.hint')}
          disabled={ruleFrozen}
          errors={errors?.fields.maxSpread}
        />
        <TextField
          name="quorumFraction"
          label={text('open.quorum')}
          value={quorum}
          onChange={setQuorum}
          inputMode="numeric"
          hint={text('open.quorum.hint')}
          disabled={ruleFrozen}
          errors={errors?.fields.quorumFraction}
        />
      </div>
      <label className="checkbox-row">
        <input type="checkbox" checked={chairRequired} disabled={ruleFrozen} onChange={(event) => setChairRequired(event.target.checked)} data-testid="settings-chair-required" />
        {text('open.chairRequired')}
      </label>
      <FormActions submitLabel={text('edit.submit')} busy={save.isPending} submitTestId="round-settings-submit" onCancel={() => onDone(false)} cancelLabel={text('common.confirmCancel')} />
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// Council and advisory team
