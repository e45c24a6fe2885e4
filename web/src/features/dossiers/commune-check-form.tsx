import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useLeaveWarning } from '../../app/autosave.tsx';
import { ErrorSummary, Field, Notice, useFormErrors } from '../../app/ui.tsx';
import type { DossierText, DossierTextKey } from './dossier-text.ts';
import { dossierKey, type Dossier } from './dossiers.queries.ts';

const items = ['origin', 'localLabour', 'ideaOrigin', 'localIdentity'] as const;
type Item = (typeof items)[number];
type ItemValue = { assessment: string; passed: boolean | null };

const fieldNames = ['dossierComplete', 'conclusion', ...items.flatMap((item) => [item, `${item}.assessment`, `${item}.passed`])];

/** Mẫu 03: the commune's report on the four items of QĐ 26/2026 Đ.7.2, each in words and passed or not. */
export function CommuneCheckForm({ dossier, text }: { dossier: Dossier; text: DossierText }) {
  const queryClient = useQueryClient();
  const existing = dossier.communeCheck;
  const [complete, setComplete] = useState(existing?.dossierComplete ?? false);
  const [values, setValues] = useState<Record<Item, ItemValue>>(() =>
    Object.fromEntries(items.map((item) => [item, existing ? { ...existing[item] } : { assessment: '', passed: null }])) as Record<Item, ItemValue>,
  );
  const [conclusion, setConclusion] = useState(existing?.conclusion ?? '');
  const save = useMutation({
    mutationFn: () =>
      api.put('/api/dossiers/{id}/commune-check', {
        path: { id: dossier.id },
        body: {
          version: dossier.version,
          dossierComplete: complete,
          // An item without a choice is sent without one: the server names it with the others.
          ...(Object.fromEntries(items.map((item) => [item, { assessment: values[item].assessment, ...(values[item].passed === null ? {} : { passed: values[item].passed }) }])) as Record<
            Item,
            { assessment: string; passed: boolean }
          >),
          conclusion,
        },
      }),
    onSuccess: (updated) => queryClient.setQueryData(dossierKey(dossier.id), updated),
  });
  const errors = useFormErrors(save.error);
  // No draft save here (PUT commune-check takes the whole report): at least leaving asks first.
  const stored = dossier.communeCheck;
  const unsaved =
    complete !== (stored?.dossierComplete ?? false) ||
    conclusion !== (stored?.conclusion ?? '') ||
    items.some((item) => values[item].assessment !== (stored?.[item].assessment ?? '') || values[item].passed !== (stored?.[item].passed ?? null));
  useLeaveWarning(unsaved && !save.isPending);
  const update = (item: Item, change: Partial<ItemValue>) => setValues((previous) => ({ ...previous, [item]: { ...previous[item], ...change } }));

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form className="card form" onSubmit={submit} noValidate data-testid="commune-check-form">
      <h2 className="h3">{text('check.title')}</h2>
      <ErrorSummary errors={errors} shownFields={fieldNames} />
      {save.isSuccess && <Notice testId="check-saved">{text('action.done')}</Notice>}
      <label className={complete ? 'choice choice-checked' : 'choice'}>
        <input type="checkbox" name="dossierComplete" checked={complete} onChange={(event) => setComplete(event.target.checked)} data-testid="check-dossierComplete" />{' '}
        {text('check.dossierComplete')}
      </label>
      {items.map((item) => {
        const itemErrors = [...(errors?.fields[item] ?? []), ...(errors?.fields[`${item}.assessment`] ?? []), ...(errors?.fields[`${item}.passed`] ?? [])];
        return (
          <fieldset key={item} className={itemErrors.length ? 'field field-invalid' : 'field'} data-testid={`check-${item}`}>
            <legend>{text(`check.${item}` as DossierTextKey)}</legend>
            <textarea
              aria-label={text(`check.${item}` as DossierTextKey)}
              rows={2}
              value={values[item].assessment}
              onChange={(event) => update(item, { assessment: event.target.value })}
              maxLength={4000}
            />
            <div className="choices">
              <label className={values[item].passed === true ? 'choice choice-checked' : 'choice'}>
                <input type="radio" name={`${item}-passed`} checked={values[item].passed === true} onChange={() => update(item, { passed: true })} /> {text('check.passed')}
              </label>
              <label className={values[item].passed === false ? 'choice choice-checked' : 'choice'}>
                <input type="radio" name={`${item}-passed`} checked={values[item].passed === false} onChange={() => update(item, { passed: false })} /> {text('check.failed')}
              </label>
            </div>
            {itemErrors.length > 0 && <p className="field-error">{itemErrors.join(' ')}</p>}
          </fieldset>
        );
      })}
      <Field name="conclusion" label={text('check.conclusion')} errors={errors?.fields.conclusion}>
        {(control) => <textarea {...control} rows={2} value={conclusion} onChange={(event) => setConclusion(event.target.value)} maxLength={4000} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button" disabled={save.isPending} data-testid="save-check">
          {text('check.save')}
        </button>
      </div>
    </form>
  );
}
