import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { api } from '../../app/api.ts';
import { ErrorSummary, PageHeader, SelectField, useFormErrors } from '../../app/ui.tsx';
import { amountValue } from './plan-labels.ts';
import { PlanFields, planFieldNames, type PlanFieldValues } from './plan-fields.tsx';
import { FormActions } from '../../app/form-actions.tsx';
import { useBusinessPlansText } from './business-plans-text.ts';

const route = getRouteApi('/business-plans/new');

export function NewPlanPage() {
  const t = useBusinessPlansText();
  const search = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [ideaId, setIdeaId] = useState(search.ideaId ?? '');
  const [fields, setFields] = useState<PlanFieldValues>({ title: '', summary: '', totalInvestmentVnd: '', expectedRevenueVnd: '' });
  // Ideas that passed appraisal may have a plan; the server refuses the others and those that have one.
  const ideas = useQuery({ queryKey: ['ideas', 'list', { status: 'passed' }], queryFn: () => api.get('/api/ideas', { query: { status: 'passed', pageSize: 200 } }) });
  const submitPlan = useMutation({
    mutationFn: () =>
      api.post('/api/business-plans', {
        body: {
          ideaId,
          title: fields.title,
          summary: fields.summary,
          totalInvestmentVnd: amountValue(fields.totalInvestmentVnd),
          expectedRevenueVnd: amountValue(fields.expectedRevenueVnd),
        },
      }),
    onSuccess: async (plan) => {
      await queryClient.invalidateQueries({ queryKey: ['business-plans'] });
      await navigate({ to: '/business-plans/$planId', params: { planId: plan.id } });
    },
  });
  const errors = useFormErrors(submitPlan.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    submitPlan.mutate();
  }
  return (
    <section className="narrow stack">
      <PageHeader title={t('plans.new')}>
        <p className="lead">{t('plans.newIntro')}</p>
      </PageHeader>
      <form className="card form" onSubmit={submit} noValidate data-testid="plan-form">
        <ErrorSummary errors={errors} shownFields={['ideaId', ...planFieldNames]} />
        <SelectField
          name="ideaId"
          label={t('plans.idea')}
          value={ideaId}
          onChange={setIdeaId}
          options={(ideas.data?.items ?? []).map((idea) => ({ value: idea.id, label: `${idea.productName} – ${idea.producerName} (${idea.year})` }))}
          placeholder={ideas.isPending ? t('common.loading') : t('form.choose')}
          errors={errors?.fields.ideaId}
          required
        />
        <PlanFields values={fields} onChange={setFields} errors={errors} />
        <FormActions submitLabel={t('plans.submit')} busy={submitPlan.isPending} submitTestId="plan-submit" />
      </form>
    </section>
  );
}
