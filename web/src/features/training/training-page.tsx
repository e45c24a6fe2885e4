import './programme.css';
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { can } from '../../app/access.ts';
import { api, type Schemas } from '../../app/api.ts';
import { formatDate, formatNumber } from '../../app/i18n.tsx';
import { useSession, useUser } from '../../app/session.ts';
import { Badge, Empty, ErrorSummary, LoadError, Loading, Notice, PageHeader, SelectField, TextField, useFormErrors } from '../../app/ui.tsx';
import { ProducerPicker } from '../producers/index.ts';
import { DateField } from './programme-fields.tsx';
import { sendRaw } from './programme-api.ts';
import { useProgrammeText, type ProgrammeText } from './programme-text.ts';
import { dateRange, kindLabel, type Participant, type TrainingDetail } from './training-labels.ts';
import { FormActions } from '../../app/form-actions.tsx';

const route = getRouteApi('/trainings/$trainingId');
type ImportResult = Schemas['ParticipantImport'];

export function TrainingPage() {
  const text = useProgrammeText();
  const user = useUser();
  const { trainingId } = route.useParams();
  const training = useQuery({ queryKey: ['training', 'one', trainingId], queryFn: () => api.get('/api/trainings/{id}', { path: { id: trainingId } }) });
  const participants = useQuery({
    queryKey: ['training', 'participants', trainingId],
    queryFn: () => api.get('/api/trainings/{id}/participants', { path: { id: trainingId } }),
  });

  if (training.isPending) return <Loading />;
  if (training.isError) return <LoadError error={training.error} retry={() => void training.refetch()} />;
  const t = training.data;
  const manage = can(user, 'manageProgramme');
  return (
    <section className="stack">
      <p>
        <Link to="/trainings" search={{}}>{text('common.back')}</Link>
      </p>
      <PageHeader title={<span data-testid="training-title">{t.title}</span>}>
        <p className="lead">
          {t.organiserName} · {dateRange(t.startsOn, t.endsOn, formatDate)} · {t.place}
        </p>
      </PageHeader>
      <dl className="facts card">
        <div>
          <dt>{text('training.topics')}</dt>
          <dd>{t.topics.map((topic) => topic.name).join('; ')}</dd>
        </div>
        <div>
          <dt>{text('training.audiences')}</dt>
          <dd>{t.targetAudiences.map((a) => text(`audience.${a}`)).join(', ')}</dd>
        </div>
        <div>
          <dt>{text('training.participants')}</dt>
          <dd data-testid="training-counts">{text('training.attendedOf', { attended: formatNumber(t.attendedCount), registered: formatNumber(t.participantCount) })}</dd>
        </div>
        {t.trainers && (
          <div>
            <dt>{text('training.trainers')}</dt>
            <dd>{t.trainers}</dd>
          </div>
        )}
      </dl>
      <Sessions training={t} manage={manage} text={text} />
      {participants.isPending ? (
        <Loading />
      ) : participants.isError ? (
        <LoadError error={participants.error} retry={() => void participants.refetch()} />
      ) : (
        <RollCall training={t} participants={participants.data.items} manage={manage} text={text} />
      )}
      {manage && <ImportParticipants training={t} text={text} />}
      {manage && <RegisterParticipant training={t} text={text} />}
    </section>
  );
}

function useRefreshTraining(trainingId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ['training', 'one', trainingId] });
    await queryClient.invalidateQueries({ queryKey: ['training', 'participants', trainingId] });
    await queryClient.invalidateQueries({ queryKey: ['training', 'list'] });
    await queryClient.invalidateQueries({ queryKey: ['training', 'coverage'] });
  };
}

function Sessions({ training, manage, text }: { training: TrainingDetail; manage: boolean; text: ProgrammeText }) {
  const [heldOn, setHeldOn] = useState(training.startsOn);
  const [title, setTitle] = useState('');
  const refresh = useRefreshTraining(training.id);
  const add = useMutation({
    mutationFn: () => api.post('/api/trainings/{id}/sessions', { path: { id: training.id }, body: { heldOn, title } }),
    onSuccess: async () => {
      setTitle('');
      await refresh();
    },
  });
  const errors = useFormErrors(add.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate();
  }
  return (
    <div className="card stack-small">
      <h2 className="h3">{text('sessions.title')}</h2>
      {training.sessions.length === 0 ? (
        <Empty>{text('common.none')}</Empty>
      ) : (
        <ul className="plain-list" data-testid="sessions">
          {training.sessions.map((session) => (
            <li key={session.id}>
              {formatDate(session.heldOn)} – {session.title}{' '}
              <span className="hint">{text('sessions.present', { present: session.presentCount, recorded: session.recordedCount })}</span>
              {manage && (
                <>
                  {' '}
                  <Link to="/trainings/$trainingId/sessions/$sessionId/check-in" params={{ trainingId: training.id, sessionId: session.id }} data-testid="check-in-link">
                    {text('checkIn.open')}
                  </Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {manage && (
        <form className="programme-grid" onSubmit={submit} noValidate data-testid="session-form">
          <DateField name="heldOn" label={text('sessions.day')} value={heldOn} onChange={setHeldOn} errors={errors?.fields.heldOn} required />
          <TextField name="sessionTitle" label={text('sessions.name')} value={title} onChange={setTitle} errors={errors?.fields.title} required />
          <button type="submit" className="button" disabled={add.isPending} data-testid="session-submit">
            {text('sessions.add')}
          </button>
          {errors && !errors.fields.heldOn && !errors.fields.title && <ErrorSummary errors={errors} />}
        </form>
      )}
    </div>
  );
}

function RollCall({ training, participants, manage, text }: { training: TrainingDetail; participants: Participant[]; manage: boolean; text: ProgrammeText }) {
  const session = useSession();
  const refresh = useRefreshTraining(training.id);
  const [sessionId, setSessionId] = useState(training.sessions[0]?.id ?? '');
  const [marks, setMarks] = useState<Record<string, boolean>>({});
  useEffect(() => {
    if (!sessionId && training.sessions[0]) setSessionId(training.sessions[0].id);
  }, [sessionId, training.sessions]);
  useEffect(() => {
    setMarks(Object.fromEntries(participants.map((p) => [p.id, p.attendance[sessionId] ?? false])));
  }, [participants, sessionId]);
  const save = useMutation({
    mutationFn: () =>
      sendRaw<{ session: { presentCount: number } }>('PUT', `/api/trainings/${training.id}/sessions/${sessionId}/attendance`, session?.csrfToken ?? '', {
        entries: participants.map((p) => ({ participantId: p.id, present: marks[p.id] ?? false })),
      }),
    onSuccess: refresh,
  });
  const errors = useFormErrors(save.error);
  const total = training.sessions.length;
  return (
    <div className="card stack-small">
      <h2 className="h3">{text('participants.title')}</h2>
      {participants.length === 0 ? (
        <Empty>{text('participants.none')}</Empty>
      ) : (
        <>
          {manage && total > 0 && (
            <SelectField
              name="rollCallSession"
              label={text('rollCall.session')}
              value={sessionId}
              onChange={(value) => (setSessionId(value), save.reset())}
              options={training.sessions.map((s) => ({ value: s.id, label: `${formatDate(s.heldOn)} – ${s.title}` }))}
            />
          )}
          {manage && total === 0 && <p className="hint">{text('rollCall.noSession')}</p>}
          <table className="table table-stack" data-testid="participants-table">
            <thead>
              <tr>
                <th scope="col">{text('participants.number')}</th>
                <th scope="col">{text('participants.name')}</th>
                <th scope="col">{text('participants.kind')}</th>
                <th scope="col">{text('participants.producer')}</th>
                <th scope="col">{text('participants.organisation')}</th>
                {manage && total > 0 && <th scope="col">{text('rollCall.present')}</th>}
                <th scope="col">{text('participants.certificate')}</th>
              </tr>
            </thead>
            <tbody>
              {participants.map((p) => {
                const attended = Object.values(p.attendance).filter(Boolean).length;
                return (
                  <tr key={p.id} data-testid="participant-row">
                    <td data-label={text('participants.number')}>{p.number}</td>
                    <td data-label={text('participants.name')}>{p.fullName}</td>
                    <td data-label={text('participants.kind')}>{kindLabel(text, p)}</td>
                    <td data-label={text('participants.producer')}>{p.producerName ?? '—'}</td>
                    <td data-label={text('participants.organisation')}>{p.organisation ?? '—'}</td>
                    {manage && total > 0 && (
                      <td data-label={text('rollCall.present')}>
                        <input
                          type="checkbox"
                          aria-label={`${text('rollCall.present')}: ${p.fullName}`}
                          checked={marks[p.id] ?? false}
                          onChange={(event) => setMarks((m) => ({ ...m, [p.id]: event.target.checked }))}
                          data-testid={`present-${p.number}`}
                        />
                      </td>
                    )}
                    <td data-label={text('participants.certificate')}>
                      {total > 0 && attended >= total ? (
                        <>
                          <Badge tone="good">{text('participants.eligible')}</Badge>{' '}
                          <Link to="/trainings/$trainingId/participants/$participantId/certificate" params={{ trainingId: training.id, participantId: p.id }} data-testid={`certificate-${p.number}`}>
                            {text('certificate.open')}
                          </Link>
                        </>
                      ) : (
                        text('participants.sessionsAttended', { attended, total })
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {manage && total > 0 && (
            <div className="form-actions">
              <button type="button" className="button button-primary" onClick={() => save.mutate()} disabled={save.isPending || !sessionId} data-testid="save-attendance">
                {save.isPending ? text('common.saving') : text('rollCall.save')}
              </button>
            </div>
          )}
          {save.isSuccess && <Notice testId="attendance-saved">{text('rollCall.saved', { present: save.data.session.presentCount })}</Notice>}
          <ErrorSummary errors={errors} />
        </>
      )}
    </div>
  );
}

function ImportParticipants({ training, text }: { training: TrainingDetail; text: ProgrammeText }) {
  const session = useSession();
  const refresh = useRefreshTraining(training.id);
  const [file, setFile] = useState<File | null>(null);
  const url = `/api/trainings/${training.id}/participants/import`;
  const preview = useMutation({ mutationFn: (content: File) => sendRaw<ImportResult>('POST', `${url}?dryRun=true`, session?.csrfToken ?? '', content) });
  const run = useMutation({
    mutationFn: (content: File) => sendRaw<ImportResult>('POST', url, session?.csrfToken ?? '', content),
    onSuccess: async () => {
      preview.reset();
      setFile(null);
      await refresh();
    },
  });
  const errors = useFormErrors(preview.error ?? run.error);
  const result = preview.data;
  return (
    <div className="card stack-small" data-testid="import">
      <h2 className="h3">{text('import.title')}</h2>
      <p className="hint">
        {text('import.hint')} <a href="/api/training-participants-template.xlsx">{text('import.template')}</a>
      </p>
      <div className="field">
        <label htmlFor="import-file">{text('import.file')}</label>
        <input
          id="import-file"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            preview.reset();
            run.reset();
          }}
          data-testid="import-file"
        />
      </div>
      <div className="form-actions">
        <button type="button" className="button" disabled={!file || preview.isPending} onClick={() => file && preview.mutate(file)} data-testid="import-preview-button">
          {text('import.preview')}
        </button>
        {result && result.errorCount === 0 && (
          <button type="button" className="button button-primary" disabled={!file || run.isPending} onClick={() => file && run.mutate(file)} data-testid="import-confirm">
            {text('import.confirm', { count: result.validRows })}
          </button>
        )}
      </div>
      <ErrorSummary errors={errors} />
      {run.isSuccess && <Notice testId="import-done">{text('import.done', { count: run.data.imported })}</Notice>}
      {result && (
        <div className="stack-small" data-testid="import-preview">
          <p>{text('import.summary', { total: result.totalRows, valid: result.validRows, errors: result.errorCount })}</p>
          {result.errorCount > 0 && <p className="alert alert-error">{text('import.fixFirst')}</p>}
          <table className="table table-stack">
            <thead>
              <tr>
                <th scope="col">{text('import.row')}</th>
                <th scope="col">{text('participants.name')}</th>
                <th scope="col">{text('participants.kind')}</th>
                <th scope="col">{text('participants.producer')}</th>
                <th scope="col">{text('import.errors')}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={row.row} data-testid={row.errors.length ? 'import-row-error' : 'import-row-ok'}>
                  <td data-label={text('import.row')}>{row.row}</td>
                  <td data-label={text('participants.name')}>{row.fullName || '—'}</td>
                  <td data-label={text('participants.kind')}>{row.kind ? kindLabel(text, { kind: row.kind, officialLevel: row.officialLevel }) : '—'}</td>
                  <td data-label={text('participants.producer')}>{row.producerName ?? '—'}</td>
                  <td data-label={text('import.errors')}>
                    {row.errors.length === 0 ? (
                      '✓'
                    ) : (
                      <ul className="programme-errors">
                        {row.errors.map((e) => (
                          <li key={e.column + e.message}>
                            {e.column}: {e.message}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function RegisterParticipant({ training, text }: { training: TrainingDetail; text: ProgrammeText }) {
  const refresh = useRefreshTraining(training.id);
  const empty = { fullName: '', kind: '', producerId: '', phone: '', organisation: '' };
  const [values, setValues] = useState(empty);
  const set = (key: keyof typeof empty) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const register = useMutation({
    mutationFn: () => {
      const [kind, level] = values.kind.split(':');
      return api.post('/api/trainings/{id}/participants', {
        path: { id: training.id },
        body: {
          fullName: values.fullName,
          kind: kind as never,
          officialLevel: (level as 'province' | 'commune' | undefined) ?? null,
          producerId: kind === 'producer' ? values.producerId || null : null,
          phone: values.phone || null,
          organisation: values.organisation || null,
        },
      });
    },
    onSuccess: async () => {
      setValues(empty);
      await refresh();
    },
  });
  const errors = useFormErrors(register.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    register.mutate();
  }
  return (
    <details className="card">
      <summary className="h3">{text('participants.register')}</summary>
      <form className="form" onSubmit={submit} noValidate data-testid="participant-form">
        <ErrorSummary errors={errors} shownFields={['fullName', 'kind', 'officialLevel', 'producerId', 'phone', 'organisation']} />
        <TextField name="fullName" label={text('participants.name')} value={values.fullName} onChange={set('fullName')} errors={errors?.fields.fullName} required />
        <SelectField
          name="kind"
          label={text('participants.kind')}
          value={values.kind}
          onChange={set('kind')}
          placeholder="—"
          options={['official:province', 'official:commune', 'producer', 'other'].map((value) => ({ value, label: text(`kind.${value.replace(':', '.')}` as never) }))}
          errors={errors?.fields.kind ?? errors?.fields.officialLevel}
          required
        />
        {values.kind === 'producer' && <ProducerPicker value={values.producerId} onChange={set('producerId')} errors={errors?.fields.producerId} required />}
        <TextField name="phone" label={text('participants.phone')} value={values.phone} onChange={set('phone')} type="tel" errors={errors?.fields.phone} />
        <TextField name="organisation" label={text('participants.organisation')} value={values.organisation} onChange={set('organisation')} errors={errors?.fields.organisation} />
        <FormActions submitLabel={text('common.add')} busy={register.isPending} submitTestId="participant-submit" />
      </form>
    </details>
  );
}
