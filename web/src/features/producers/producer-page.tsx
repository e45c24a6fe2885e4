import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { can } from '../../app/access.ts';
import { api } from '../../app/api.ts';
import { formatDate, formatDateTime } from '../../app/i18n.tsx';
import { legalFormLabel } from '../../app/labels.ts';
import { useUser } from '../../app/session.ts';
import { Badge, Empty, LoadError, Loading, Notice, PageHeader } from '../../app/ui.tsx';
import { ProducerForm, contactBody, producerBody, producerFormValues, type ProducerFormValues } from './producer-form.tsx';
import { ProducerTrainings } from '../training/index.ts';
import { useProducersText } from './producers-text.ts';

const route = getRouteApi('/producers/$producerId');

export function ProducerPage() {
  const t = useProducersText();
  const user = useUser();
  const { producerId } = route.useParams();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const producer = useQuery({
    queryKey: ['producers', 'one', producerId],
    queryFn: () => api.get('/api/producers/{id}', { path: { id: producerId } }),
  });
  const edit = useMutation({
    mutationFn: (values: ProducerFormValues) =>
      api.patch('/api/producers/{id}', {
        path: { id: producerId },
        body: { version: producer.data!.version, ...(user.role === 'producer' ? contactBody(values) : producerBody(values)) },
      }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(['producers', 'one', producerId], updated);
      await queryClient.invalidateQueries({ queryKey: ['producers', 'list'] });
      setEditing(false);
      setSaved(true);
    },
  });

  if (producer.isPending) return <Loading />;
  if (producer.isError) return <LoadError error={producer.error} retry={() => void producer.refetch()} />;
  const p = producer.data;
  const mayEdit = can(user, 'editProducer') && (user.role !== 'producer' || user.producerId === p.id) && !p.mergedIntoId;
  const dash = (value: string | null | undefined) => value || '—';
  return (
    <section className="stack narrow">
      <PageHeader
        title={<span data-testid="producer-name">{p.name}</span>}
        actions={
          mayEdit &&
          !editing && (
            <button type="button" className="button" onClick={() => (setEditing(true), setSaved(false), edit.reset())} data-testid="edit-producer">
              {t('common.edit')}
            </button>
          )
        }
      >
        <p className="lead">{legalFormLabel(t, p.legalForm)}</p>
      </PageHeader>
      {p.mergedIntoId && (
        <div className="alert alert-error" role="status" data-testid="producer-merged">
          <p>
            {t('producers.mergedInto', { date: formatDate(p.mergedAt) })}{' '}
            <Link to="/producers/$producerId" params={{ producerId: p.mergedIntoId }}>
              {t('producers.openSurvivor')}
            </Link>
          </p>
        </div>
      )}
      {saved && <Notice testId="producer-saved">{t('common.saved')}</Notice>}
      {editing ? (
        <ProducerForm
          mode="edit"
          initial={producerFormValues(p)}
          pending={edit.isPending}
          error={edit.error}
          submitLabel={t('common.save')}
          onSubmit={(values) => edit.mutate(values)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <dl className="facts card" data-testid="producer-facts">
            <div>
              <dt>{t('producers.place')}</dt>
              <dd>{[p.communeName, p.provinceName].filter(Boolean).join(', ')}</dd>
            </div>
            <div>
              <dt>{t('producers.taxCode')}</dt>
              <dd>{dash(p.taxCode)}</dd>
            </div>
            <div>
              <dt>{t('producers.address')}</dt>
              <dd>{dash(p.address)}</dd>
            </div>
            <div>
              <dt>{t('producers.phone')}</dt>
              <dd>{p.phone ? <a href={`tel:${p.phone.replace(/[^0-9+]/g, '')}`}>{p.phone}</a> : '—'}</dd>
            </div>
            <div>
              <dt>{t('producers.email')}</dt>
              <dd>{p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : '—'}</dd>
            </div>
            <div>
              <dt>{t('producers.website')}</dt>
              <dd>{p.website ? <a href={/^https?:\/\//.test(p.website) ? p.website : `https://${p.website}`} rel="noopener noreferrer" target="_blank">{p.website}</a> : '—'}</dd>
            </div>
            <div>
              <dt>{t('producers.representative')}</dt>
              <dd data-testid="producer-representative">
                {p.representativeName
                  ? [
                      p.representativeName,
                      p.representativePosition,
                      p.representativeGender ? t(`gender.${p.representativeGender}`) : null,
                      p.representativeEthnicity ? t('producers.ethnicity', { name: p.representativeEthnicity }) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')
                  : '—'}
              </dd>
            </div>
            <div>
              <dt>{t('producers.registration')}</dt>
              <dd>{p.registrationNumber ? `${p.registrationNumber}${p.registrationDate ? ` (${formatDate(p.registrationDate)})` : ''}` : '—'}</dd>
            </div>
            <div>
              <dt>{t('common.updatedAt')}</dt>
              <dd>{formatDateTime(p.updatedAt)}</dd>
            </div>
          </dl>
          <div className="card stack-small" data-testid="producer-certificates">
            <h2 className="h3">{t('certificates.title')}</h2>
            {p.certificates.length === 0 ? (
              <Empty>{t('certificates.none')}</Empty>
            ) : (
              <ul className="plain-list">
                {p.certificates.map((c) => {
                  const expired = c.expiresOn !== null && c.expiresOn < new Date().toISOString().slice(0, 10);
                  return (
                    <li key={c.id}>
                      <strong>{t(`certificate.${c.kind}`)}</strong> {c.number}
                      {c.issuer ? ` – ${c.issuer}` : ''}
                      {c.issuedOn ? ` – ${t('certificates.issuedOnShort', { date: formatDate(c.issuedOn) })}` : ''}
                      {c.expiresOn ? ` – ${t('certificates.expiresOnShort', { date: formatDate(c.expiresOn) })}` : ''}{' '}
                      {expired && <Badge tone="bad">{t('certificates.expired')}</Badge>}
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
          {can(user, 'ideas') && (
            <p>
              <Link to="/ideas" search={{ producerId: p.id }} data-testid="producer-ideas">
                {t('producers.ideas')}
              </Link>
            </p>
          )}
          <ProducerTrainings producerId={p.id} />
        </>
      )}
    </section>
  );
}
