import './certificate.css';
import { useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { api } from '../../app/api.ts';
import { formatDate } from '../../app/i18n.tsx';
import { LoadError, Loading, Notice } from '../../app/ui.tsx';
import { useProgrammeText } from './programme-text.ts';
import { dateRange } from './training-labels.ts';

const route = getRouteApi('/trainings/$trainingId/participants/$participantId/certificate');

/** Giấy chứng nhận tham gia tập huấn: printed from the browser on A4 for a participant who attended every session. */
export function CertificatePage() {
  const text = useProgrammeText();
  const { trainingId, participantId } = route.useParams();
  const certificate = useQuery({
    queryKey: ['training', 'certificate', trainingId, participantId],
    queryFn: () => api.get('/api/trainings/{id}/participants/{participantId}/certificate', { path: { id: trainingId, participantId } }),
  });
  if (certificate.isPending) return <Loading />;
  if (certificate.isError) return <LoadError error={certificate.error} retry={() => void certificate.refetch()} />;
  const c = certificate.data;
  const [year, month, day] = c.issuedOn.split('-');
  return (
    <section className="stack">
      <p>
        <Link to="/trainings/$trainingId" params={{ trainingId }}>
          {text('checkIn.back')}
        </Link>
      </p>
      {!c.eligible ? (
        <Notice testId="certificate-not-eligible">{c.reason}</Notice>
      ) : (
        <>
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={() => window.print()} data-testid="certificate-print">
              {text('certificate.print')}
            </button>
          </div>
          <article className="certificate" lang="vi" data-testid="certificate">
            <p className="certificate-nation">{text('certificate.nation')}</p>
            <p className="certificate-motto">{text('certificate.motto')}</p>
            <h1>{text('certificate.title')}</h1>
            <p>{text('certificate.number', { number: c.certificateNumber })}</p>
            <p>{text('certificate.certifies')}</p>
            <p className="certificate-name" data-testid="certificate-name">
              {c.participant.fullName}
            </p>
            {(c.participant.organisation ?? c.participant.producerName) && (
              <p>
                {text('certificate.organisation')}: {c.participant.organisation ?? c.participant.producerName}
              </p>
            )}
            <p>{text('certificate.attended', { sessions: c.sessionsTotal })}</p>
            <p className="certificate-name">{c.training.title}</p>
            <dl className="certificate-details">
              <dt>{text('certificate.dates')}:</dt>
              <dd>{dateRange(c.training.startsOn, c.training.endsOn, formatDate)}</dd>
              <dt>{text('certificate.place')}:</dt>
              <dd>{c.training.place}</dd>
              {c.training.topics.length > 0 && (
                <>
                  <dt>{text('certificate.topics')}:</dt>
                  <dd>{c.training.topics.join('; ')}</dd>
                </>
              )}
              <dt>{text('certificate.organiser')}:</dt>
              <dd>{c.training.organiserName}</dd>
            </dl>
            <div className="certificate-sign">
              <p>
                <em>{text('certificate.issued', { day: Number(day), month: Number(month), year: year ?? '' })}</em>
              </p>
              <p>
                <strong>{c.training.organiserName.toUpperCase()}</strong>
              </p>
            </div>
          </article>
        </>
      )}
    </section>
  );
}
