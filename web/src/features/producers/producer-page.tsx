import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { can } from '../../app/access.ts';
import { api } from '../../app/api.ts';
import { formatDateTime, useI18n } from '../../app/i18n.tsx';
import { legalFormLabel } from '../../app/labels.ts';
import { useUser } from '../../app/session.ts';
import { LoadError, Loading, Notice, PageHeader } from '../../app/ui.tsx';
import { ProducerForm, orNull, producerFormValues, type ProducerFormValues } from './producer-form.tsx';

const route = getRouteApi('/producers/$producerId');

export function ProducerPage() {
  const { t } = useI18n();
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
        body: {
          version: producer.data!.version,
          name: values.name,
          legalForm: values.legalForm as never,
          taxCode: orNull(values.taxCode),
          address: orNull(values.address),
          phone: orNull(values.phone),
        },
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
  const mayEdit = can(user, 'editProducer') && (user.role !== 'producer' || user.producerId === p.id);
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
        <dl className="facts card" data-testid="producer-facts">
          <div>
            <dt>{t('producers.place')}</dt>
            <dd>{[p.communeName, p.provinceName].filter(Boolean).join(', ')}</dd>
          </div>
          <div>
            <dt>{t('producers.taxCode')}</dt>
            <dd>{p.taxCode ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('producers.address')}</dt>
            <dd>{p.address ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('producers.phone')}</dt>
            <dd>{p.phone ? <a href={`tel:${p.phone.replace(/[^0-9+]/g, '')}`}>{p.phone}</a> : '—'}</dd>
          </div>
          <div>
            <dt>{t('common.updatedAt')}</dt>
            <dd>{formatDateTime(p.updatedAt)}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
