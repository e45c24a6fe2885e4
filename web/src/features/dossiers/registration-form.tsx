import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { SaveState, useAutosave } from '../../app/autosave.tsx';
import { ErrorSummary, Field, TextField, useFormErrors } from '../../app/ui.tsx';
import { SelfAssessmentOptions, selfAssessmentChoicesQuery } from './self-assessment-choices.tsx';
import type { DossierText } from './dossier-text.ts';
import { dossierKey, type Dossier } from './dossiers.queries.ts';

interface Values {
  applicantName: string;
  representativeName: string;
  representativePosition: string;
  address: string;
  phone: string;
  email: string;
  sampleCount: string;
  productStory: string;
  commitmentAccepted: boolean;
  selfAssessmentId: string;
}

const fieldNames = ['applicantName', 'representativeName', 'representativePosition', 'address', 'phone', 'email', 'sampleCount', 'productStory', 'commitmentAccepted', 'selfAssessmentId'];

const valuesOf = (d: Dossier): Values => ({
  applicantName: d.applicantName,
  representativeName: d.representativeName,
  representativePosition: d.representativePosition,
  address: d.address,
  phone: d.phone,
  email: d.email ?? '',
  sampleCount: d.sampleCount === null ? '' : String(d.sampleCount),
  productStory: d.productStory,
  commitmentAccepted: d.commitmentAccepted,
  selfAssessmentId: d.selfAssessmentId ?? '',
});

function bodyOf(values: Values) {
  const count = values.sampleCount.trim();
  const parsed = Number(count);
  return {
    applicantName: values.applicantName,
    representativeName: values.representativeName,
    representativePosition: values.representativePosition,
    address: values.address,
    phone: values.phone,
    email: values.email.trim() ? values.email.trim() : null,
    // Sent as typed: the server names a bad number with the other problems.
    sampleCount: count === '' ? null : ((Number.isNaN(parsed) ? count : parsed) as number),
    productStory: values.productStory,
    commitmentAccepted: values.commitmentAccepted,
    selfAssessmentId: values.selfAssessmentId || null,
  };
}

/**
 * The registration form (Mẫu 01) the producer fills in, with the self-assessment it files, and the
 * move that sends it: submit (a draft) or send supplements (a returned dossier). The form saves itself
 * as the producer types (app/autosave.tsx); sending waits for that save, so one tap does it on a phone.
 */
export function RegistrationForm({ dossier, text }: { dossier: Dossier; text: DossierText }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(() => valuesOf(dossier));
  const [savedValues, setSavedValues] = useState<Values>(() => valuesOf(dossier));
  const [note, setNote] = useState('');
  const set = <K extends keyof Values>(key: K) => (value: Values[K]) => setValues((previous) => ({ ...previous, [key]: value }));
  const dirty = useMemo(() => JSON.stringify(values) !== JSON.stringify(savedValues), [values, savedValues]);

  const choices = useQuery(selfAssessmentChoicesQuery(dossier.producerId, dossier.id));

  const store = (updated: Dossier) => {
    queryClient.setQueryData(dossierKey(updated.id), updated);
    void queryClient.invalidateQueries({ queryKey: ['dossiers', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['dossiers', 'queue'] });
  };

  // The version the server last gave back (a save, or another change of the dossier on this screen).
  const version = useRef(dossier.version);
  if (dossier.version > version.current) version.current = dossier.version;
  const current = useRef(values);
  current.current = values;
  const lastError = useRef<unknown>(null);
  const send = useMutation({
    mutationFn: async () => {
      if (!(await autosave.flush())) throw lastError.current;
      return dossier.status === 'draft'
        ? api.post('/api/dossiers/{id}/submit', { path: { id: dossier.id }, body: { version: version.current } })
        : api.post('/api/dossiers/{id}/supplement', { path: { id: dossier.id }, body: { version: version.current, ...(note.trim() ? { note } : {}) } });
    },
    onSuccess: store,
  });
  const autosave = useAutosave({
    dirty,
    changeKey: values,
    enabled: !send.isPending,
    save: async () => {
      const sent = current.current;
      try {
        const updated = await api.patch('/api/dossiers/{id}', { path: { id: dossier.id }, body: { version: version.current, ...bodyOf(sent) } });
        version.current = updated.version;
        setSavedValues(sent);
        store(updated);
      } catch (error) {
        lastError.current = error;
        throw error;
      }
    },
  });
  const errors = useFormErrors(send.error ?? autosave.error);
  const action = dossier.status === 'draft' ? 'submit' : 'supplement';

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void autosave.flush();
  }

  return (
    <form className="card form" onSubmit={onSubmit} noValidate data-testid="registration-form">
      <h2 className="h3">{text('form.title')}</h2>
      <ErrorSummary errors={errors} shownFields={fieldNames} />
      <SaveState autosave={autosave} testId="registration-save-state" />
      <TextField name="applicantName" label={text('form.applicantName')} value={values.applicantName} onChange={set('applicantName')} errors={errors?.fields.applicantName} required maxLength={200} />
      <TextField name="representativeName" label={text('form.representativeName')} value={values.representativeName} onChange={set('representativeName')} errors={errors?.fields.representativeName} required maxLength={120} autoComplete="name" />
      <TextField name="representativePosition" label={text('form.representativePosition')} value={values.representativePosition} onChange={set('representativePosition')} errors={errors?.fields.representativePosition} required maxLength={120} />
      <TextField name="address" label={text('form.address')} value={values.address} onChange={set('address')} errors={errors?.fields.address} required maxLength={300} autoComplete="street-address" />
      <TextField name="phone" label={text('form.phone')} type="tel" inputMode="tel" value={values.phone} onChange={set('phone')} errors={errors?.fields.phone} required maxLength={20} autoComplete="tel" />
      <TextField name="email" label={text('form.email')} type="email" inputMode="email" value={values.email} onChange={set('email')} errors={errors?.fields.email} maxLength={200} autoComplete="email" />
      <TextField name="sampleCount" label={text('form.sampleCount')} hint={text('form.sampleCount.hint')} inputMode="numeric" value={values.sampleCount} onChange={set('sampleCount')} errors={errors?.fields.sampleCount} required maxLength={4} />
      <Field name="selfAssessmentId" label={text('new.selfAssessment')} errors={errors?.fields.selfAssessmentId} required>
        {(control) => (
          <select {...control} value={values.selfAssessmentId} onChange={(event) => set('selfAssessmentId')(event.target.value)}>
            <SelfAssessmentOptions query={choices} text={text} />
          </select>
        )}
      </Field>
      <Field name="productStory" label={text('form.productStory')} errors={errors?.fields.productStory}>
        {(control) => <textarea {...control} rows={4} value={values.productStory} onChange={(event) => set('productStory')(event.target.value)} maxLength={20000} />}
      </Field>
      <div className={errors?.fields.commitmentAccepted ? 'field field-invalid' : 'field'} data-testid="field-commitmentAccepted">
        <label className="choice">
          <input type="checkbox" name="commitmentAccepted" checked={values.commitmentAccepted} onChange={(event) => set('commitmentAccepted')(event.target.checked)} /> {text('form.commitment')}
        </label>
        {errors?.fields.commitmentAccepted && (
          <p className="field-error" data-testid="error-commitmentAccepted">
            {errors.fields.commitmentAccepted.join(' ')}
          </p>
        )}
      </div>
      {action === 'supplement' && (
        <Field name="note" label={text('supplement.note')}>
          {(control) => <textarea {...control} rows={2} value={note} onChange={(event) => setNote(event.target.value)} maxLength={2000} />}
        </Field>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={send.isPending || !dirty} data-testid="save-registration">
          {text('form.save')}
        </button>
        <button type="button" className="button button-primary" disabled={send.isPending} onClick={() => send.mutate()} data-testid={`action-${action}`}>
          {text(action === 'submit' ? 'action.submit' : 'action.supplement')}
        </button>
      </div>
    </form>
  );
}

/** The same form, read only (the commune's view, or the producer's once submitted). */
export function RegistrationFacts({ dossier, text }: { dossier: Dossier; text: DossierText }) {
  const dash = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? '—' : String(value));
  return (
    <div className="card" data-testid="registration-facts">
      <h2 className="h3">{text('form.title')}</h2>
      <dl className="facts">
        <div>
          <dt>{text('form.applicantName')}</dt>
          <dd>{dash(dossier.applicantName)}</dd>
        </div>
        <div>
          <dt>{text('form.representativeName')}</dt>
          <dd>
            {dash(dossier.representativeName)}
            {dossier.representativePosition && ` (${dossier.representativePosition})`}
          </dd>
        </div>
        <div>
          <dt>{text('form.address')}</dt>
          <dd>{dash(dossier.address)}</dd>
        </div>
        <div>
          <dt>{text('form.phone')}</dt>
          <dd>{dash(dossier.phone)}</dd>
        </div>
        <div>
          <dt>{text('form.email')}</dt>
          <dd>{dash(dossier.email)}</dd>
        </div>
        <div>
          <dt>{text('form.sampleCount')}</dt>
          <dd>{dash(dossier.sampleCount)}</dd>
        </div>
      </dl>
      {dossier.productStory && (
        <>
          <h3 className="h4">{text('form.productStory')}</h3>
          <p className="prewrap">{dossier.productStory}</p>
        </>
      )}
    </div>
  );
}
