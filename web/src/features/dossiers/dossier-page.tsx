import './dossiers.css';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { api, errorMessage } from '../../app/api.ts';
import { formatDate, formatDateTime, formatNumber, useI18n } from '../../app/i18n.tsx';
import { ErrorSummary, Field, LoadError, Loading, PageHeader, useFormErrors } from '../../app/ui.tsx';
import { CommuneCheckForm } from './commune-check-form.tsx';
import { DossierFiles } from './dossier-files.tsx';
import { StatusBadge } from './dossier-status.tsx';
import { useDossierText, type DossierText, type DossierTextKey } from './dossier-text.ts';
import { dossierKey, dossierQuery, type Dossier } from './dossiers.queries.ts';
import { RegistrationFacts, RegistrationForm } from './registration-form.tsx';

const route = getRouteApi('/dossiers/$dossierId');

function Deadline({ dossier, text }: { dossier: Dossier; text: DossierText }) {
  const clock = dossier.clock;
  if (!clock) return <dd>{dossier.status === 'withdrawn' ? '—' : text('detail.notReceived')}</dd>;
  if (clock.paused) {
    return <dd data-testid="deadline">{text('detail.paused', { date: formatDate(clock.pausedSince), days: clock.workingDaysRemaining })}</dd>;
  }
  return (
    <dd data-testid="deadline">
      {formatDate(clock.dueDate)} ·{' '}
      {dossier.forwardedAt ? (
        <strong className={clock.overdue ? 'text-bad' : 'text-good'}>{text(clock.overdue ? 'detail.late' : 'detail.onTime')}</strong>
      ) : clock.overdue ? (
        <strong className="text-bad">{text('detail.overdueBy', { days: -clock.workingDaysRemaining })}</strong>
      ) : (
        text('detail.remaining', { days: clock.workingDaysRemaining })
      )}
    </dd>
  );
}

/** The commune's moves: receive, return with reasons, forward; and the producer's withdrawal. */
function Actions({ dossier, text }: { dossier: Dossier; text: DossierText }) {
  const { locale } = useI18n();
  const queryClient = useQueryClient();
  const [reasons, setReasons] = useState('');
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const done = async (updated: Dossier) => {
    queryClient.setQueryData(dossierKey(updated.id), updated);
    setReasons('');
    setConfirmWithdraw(false);
    await queryClient.invalidateQueries({ queryKey: ['dossiers', 'queue'] });
    await queryClient.invalidateQueries({ queryKey: ['dossiers', 'list'] });
  };
  const path = { id: dossier.id };
  const version = dossier.version;
  const receive = useMutation({ mutationFn: () => api.post('/api/dossiers/{id}/receive', { path, body: { version } }), onSuccess: done });
  const forward = useMutation({ mutationFn: () => api.post('/api/dossiers/{id}/forward', { path, body: { version } }), onSuccess: done });
  const withdraw = useMutation({ mutationFn: () => api.post('/api/dossiers/{id}/withdraw', { path, body: { version } }), onSuccess: done });
  const giveBack = useMutation({
    mutationFn: () =>
      api.post('/api/dossiers/{id}/return', {
        path,
        body: { version, reasons: reasons.split('\n').map((line) => line.trim()).filter(Boolean) },
      }),
    onSuccess: done,
  });
  const returnErrors = useFormErrors(giveBack.error);
  const failed = [receive, forward, withdraw].find((m) => m.isError);
  const allowed = (action: Dossier['allowedActions'][number]) => dossier.allowedActions.includes(action);

  function onReturn(event: FormEvent) {
    event.preventDefault();
    giveBack.mutate();
  }

  if (!['receive', 'forward', 'returnForSupplement', 'withdraw'].some((a) => allowed(a as Dossier['allowedActions'][number]))) return null;
  return (
    <div className="card stack-small" data-testid="dossier-actions">
      {failed && (
        <div className="alert alert-error" role="alert" data-testid="action-error">
          <p>{errorMessage(failed.error, locale)}</p>
        </div>
      )}
      {allowed('receive') && (
        <button type="button" className="button button-primary" disabled={receive.isPending} onClick={() => receive.mutate()} data-testid="action-receive">
          {text('action.receive')}
        </button>
      )}
      {allowed('forward') && (
        <>
          {!dossier.communeCheck && <p className="hint">{text('check.needed')}</p>}
          <button type="button" className="button button-primary" disabled={forward.isPending} onClick={() => forward.mutate()} data-testid="action-forward">
            {text('action.forward')}
          </button>
        </>
      )}
      {allowed('returnForSupplement') && (
        <form className="form" onSubmit={onReturn} noValidate data-testid="return-form">
          <ErrorSummary errors={returnErrors} shownFields={['reasons']} />
          <Field name="reasons" label={text('return.reasons')} errors={returnErrors?.fields.reasons} required>
            {(control) => <textarea {...control} rows={3} value={reasons} onChange={(event) => setReasons(event.target.value)} />}
          </Field>
          <button type="submit" className="button" disabled={giveBack.isPending} data-testid="action-returnForSupplement">
            {text('action.returnForSupplement')}
          </button>
        </form>
      )}
      {allowed('withdraw') &&
        (confirmWithdraw ? (
          <div className="confirm" role="alertdialog" aria-label={text('action.withdraw')}>
            <p>{text('action.withdraw.confirm')}</p>
            <button type="button" className="button button-danger" disabled={withdraw.isPending} onClick={() => withdraw.mutate()} data-testid="confirm-withdraw">
              {text('action.withdraw')}
            </button>{' '}
            <button type="button" className="button" onClick={() => setConfirmWithdraw(false)}>
              ✕
            </button>
          </div>
        ) : (
          <button type="button" className="button button-ghost" onClick={() => setConfirmWithdraw(true)} data-testid="action-withdraw">
            {text('action.withdraw')}
          </button>
        ))}
    </div>
  );
}

/** One dossier: where it is, what is asked, its form, files, the commune's check and its history. */
export function DossierPage() {
  const text = useDossierText();
  const { dossierId } = route.useParams();
  const dossier = useQuery(dossierQuery(dossierId));
  if (dossier.isPending) return <Loading />;
  if (dossier.isError) return <LoadError error={dossier.error} retry={() => void dossier.refetch()} />;
  const d = dossier.data;
  const sa = d.selfAssessment;

  return (
    <section className="stack narrow" data-testid="dossier-page">
      <p className="breadcrumb">
        <Link to="/dossiers">{text('nav.dossiers')}</Link>
      </p>
      <PageHeader title={<span data-testid="dossier-product">{d.productName}</span>}>
        <p className="lead">
          <StatusBadge status={d.status} text={text} /> {text(`type.${d.type}`)}
        </p>
      </PageHeader>

      {d.openRequest && (
        <div className="alert alert-error" role="status" data-testid="open-request">
          <p className="alert-title">{text('detail.request.title')}</p>
          <p>{text('detail.request.intro', { date: formatDate(d.openRequest.fromOn) })}</p>
          <ul>
            {d.openRequest.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}

      <div className="card">
        <dl className="facts">
          <div>
            <dt>{text('detail.producer')}</dt>
            <dd>{d.producerName}</dd>
          </div>
          <div>
            <dt>{text('detail.productCode')}</dt>
            <dd data-testid="product-code">{d.productCode ?? '—'}</dd>
          </div>
          <div>
            <dt>{text('detail.formNumber')}</dt>
            <dd data-testid="form-number">{d.formNumber ?? '—'}</dd>
          </div>
          <div>
            <dt>{text('detail.receivedOn')}</dt>
            <dd>{d.receivedOn ? formatDate(d.receivedOn) : '—'}</dd>
          </div>
          <div>
            <dt>{text('detail.dueDate')}</dt>
            <Deadline dossier={d} text={text} />
          </div>
          {d.forwardedAt && (
            <div>
              <dt>{text('detail.forwardedAt')}</dt>
              <dd>{formatDateTime(d.forwardedAt)}</dd>
            </div>
          )}
          <div>
            <dt>{text('detail.selfAssessment')}</dt>
            <dd>
              {sa
                ? `${sa.productName} · ${sa.totalPoints === null ? text('detail.selfAssessment.incomplete') : text('detail.selfAssessment.score', { points: formatNumber(sa.totalPoints), stars: sa.stars ?? 0 })}`
                : '—'}
            </dd>
          </div>
        </dl>
      </div>

      {d.canEdit ? <RegistrationForm key={d.id} dossier={d} text={text} /> : <RegistrationFacts dossier={d} text={text} />}
      <DossierFiles dossier={d} text={text} />
      {d.canCheck && <CommuneCheckForm key={d.id} dossier={d} text={text} />}
      <Actions dossier={d} text={text} />

      <div className="card">
        <h2 className="h3">{text('detail.history')}</h2>
        <ol className="plain-list" data-testid="dossier-history">
          {d.events.map((event) => (
            <li key={event.id}>
              <span className="row-meta">{formatDateTime(event.occurredAt)}</span> {text(`event.${event.action}` as DossierTextKey)}
              {event.actorName && ` · ${event.actorName}`}
              {event.note && <span className="prewrap block">{event.note}</span>}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
