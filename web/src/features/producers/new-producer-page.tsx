import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../app/ui.tsx';
import { ProducerForm, producerBody, producerFormValues, type ProducerFormValues } from './producer-form.tsx';
import { useProducersText } from './producers-text.ts';

export function NewProducerPage() {
  const t = useProducersText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (values: ProducerFormValues) =>
      api.post('/api/producers', { body: { ...producerBody(values), communeCode: values.communeCode } }),
    onSuccess: async (producer) => {
      await queryClient.invalidateQueries({ queryKey: ['producers'] });
      await navigate({ to: '/producers/$producerId', params: { producerId: producer.id } });
    },
  });
  return (
    <section className="narrow stack">
      <PageHeader title={t('producers.new')} />
      <ProducerForm
        mode="create"
        initial={producerFormValues()}
        pending={create.isPending}
        error={create.error}
        submitLabel={t('producers.register')}
        onSubmit={(values) => create.mutate(values)}
      />
    </section>
  );
}
