import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api } from '../../app/api.ts';
import { useUser } from '../../app/session.ts';
import { ErrorSummary, PageHeader, SelectField, useFormErrors } from '../../app/ui.tsx';
import { ProducerPicker } from '../producers/index.ts';
import { IdeaFields, ideaFieldNames, productSetValue, type IdeaFieldValues } from './idea-form.tsx';
import { registrationYears } from './ideas.queries.ts';
import { FormActions } from '../../app/form-actions.tsx';
import { useIdeasText } from './ideas-text.ts';

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

export function NewIdeaPage() {
  const t = useIdeasText();
  const user = useUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const years = registrationYears();
  const [producerId, setProducerId] = useState('');
  const [year, setYear] = useState(String(years[0]));
  const [fields, setFields] = useState<IdeaFieldValues>({ productName: '', productSet: '', description: '', rawMaterials: '', market: '' });
  const create = useMutation({
    mutationFn: () =>
      api.post('/api/ideas', {
        body: {
          // A producer registers for itself: the server takes its own producer.
          producerId: user.role === 'producer' ? undefined : producerId || undefined,
          year: Number(year),
          productName: fields.productName,
          productSet: productSetValue(fields.productSet),
          description: fields.description,
          rawMaterials: orNull(fields.rawMaterials),
          market: orNull(fields.market),
        },
      }),
    onSuccess: async (idea) => {
      await queryClient.invalidateQueries({ queryKey: ['ideas'] });
      await navigate({ to: '/ideas/$ideaId', params: { ideaId: idea.id } });
    },
  });
  const errors = useFormErrors(create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <section className="narrow stack">
      <PageHeader title={t('ideas.new')}>
        <p className="lead">{t('ideas.newIntro')}</p>
      </PageHeader>
      <form className="card form" onSubmit={submit} noValidate data-testid="idea-form">
        <ErrorSummary errors={errors} shownFields={['producerId', 'year', ...ideaFieldNames]} />
        {user.role !== 'producer' && <ProducerPicker value={producerId} onChange={setProducerId} errors={errors?.fields.producerId} required />}
        <SelectField name="year" label={t('ideas.year')} value={year} onChange={setYear} options={years.map((y) => ({ value: String(y), label: String(y) }))} errors={errors?.fields.year} required />
        <IdeaFields values={fields} onChange={setFields} errors={errors} />
        <FormActions submitLabel={t('ideas.register')} busy={create.isPending} submitTestId="idea-submit" />
      </form>
    </section>
  );
}
