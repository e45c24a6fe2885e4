/** A producer's trainings, for its profile (GET /api/producers/{id}/trainings): mounted by the producer page. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { formatDate } from '../../app/i18n.tsx';
import { Badge, QueryView } from '../../app/ui.tsx';
import { useProgrammeText } from './programme-text.ts';
import { dateRange } from './training-labels.ts';

export function ProducerTrainings({ producerId }: { producerId: string }) {
  const text = useProgrammeText();
  const trainings = useQuery({
    queryKey: ['training', 'producer', producerId],
    queryFn: () => api.get('/api/producers/{id}/trainings', { path: { id: producerId } }),
  });
  return (
    <div className="card stack-small" data-testid="producer-trainings">
      <h2 className="h3">{text('training.title')}</h2>
      <QueryView query={trainings} isEmpty={(data) => data.items.length === 0} empty={text('common.none')}>
        {(data) => (
        <ul className="plain-list">
          {data.items.map((t) => (
            <li key={t.participantId}>
              <strong>{t.title}</strong> – {dateRange(t.startsOn, t.endsOn, formatDate)}, {t.place}. {t.fullName}:{' '}
              {t.certificateEligible ? <Badge tone="good">{text('participants.eligible')}</Badge> : text('participants.sessionsAttended', { attended: t.sessionsAttended, total: t.sessionsTotal })}
            </li>
          ))}
        </ul>
        )}
      </QueryView>
    </div>
  );
}
