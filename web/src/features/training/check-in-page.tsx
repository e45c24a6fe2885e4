import './programme.css';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { api } from '../../app/api.ts';
import { formatDate } from '../../app/i18n.tsx';
import { ErrorSummary, LoadError, Loading, Notice, PageHeader, useFormErrors } from '../../app/ui.tsx';
import { useProgrammeText } from './programme-text.ts';

const route = getRouteApi('/trainings/$trainingId/sessions/$sessionId/check-in');

/** The organiser's screen to project: a QR code participants scan to mark themselves present. */
export function CheckInPage() {
  const text = useProgrammeText();
  const { trainingId, sessionId } = route.useParams();
  // The count of people present moves while participants scan; a projector screen is left open.
  const training = useQuery({ queryKey: ['training', 'one', trainingId], queryFn: () => api.get('/api/trainings/{id}', { path: { id: trainingId } }), refetchInterval: 5000 });
  const open = useMutation({ mutationFn: () => api.post('/api/trainings/{id}/sessions/{sessionId}/check-in', { path: { id: trainingId, sessionId } }) });
  const close = useMutation({ mutationFn: () => api.post('/api/trainings/{id}/sessions/{sessionId}/check-in/close', { path: { id: trainingId, sessionId } }) });
  const errors = useFormErrors(open.error ?? close.error);
  if (training.isPending) return <Loading />;
  if (training.isError) return <LoadError error={training.error} retry={() => void training.refetch()} />;
  const session = training.data.sessions.find((s) => s.id === sessionId);
  const link = close.isSuccess ? null : open.data;
  return (
    <section className="stack">
      <p>
        <Link to="/trainings/$trainingId" params={{ trainingId }}>
          {text('checkIn.back')}
        </Link>
      </p>
      <PageHeader title={text('checkIn.title')}>
        <p className="lead">
          {training.data.title}
          {session && ` · ${formatDate(session.heldOn)} – ${session.title}`}
        </p>
      </PageHeader>
      <p>{text('checkIn.intro')}</p>
      {session && <p className="programme-big" data-testid="check-in-count">{text('checkIn.count', { present: session.presentCount })}</p>}
      <ErrorSummary errors={errors} />
      {link && (
        <div className="stack-small" data-testid="check-in-qr">
          {/* The SVG is drawn by the server's qrcode library from our own URL; it carries no user input. */}
          <div className="check-in-qr" dangerouslySetInnerHTML={{ __html: link.qrSvg }} />
          <p>
            {text('checkIn.link')}: <code data-testid="check-in-url">{link.url}</code>
          </p>
        </div>
      )}
      {close.isSuccess && <Notice testId="check-in-closed">{text('checkIn.closed')}</Notice>}
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={() => (close.reset(), open.mutate())} disabled={open.isPending} data-testid="check-in-open">
          {link ? text('checkIn.renew') : text('checkIn.start')}
        </button>
        {link && (
          <button type="button" className="button" onClick={() => close.mutate()} disabled={close.isPending} data-testid="check-in-close">
            {text('checkIn.close')}
          </button>
        )}
      </div>
    </section>
  );
}
