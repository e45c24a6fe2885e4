/** The fields of a business plan, for submitting and resubmitting. */
import { TextField, type FormErrors } from '../../app/ui.tsx';
import { TextAreaField } from '../ideas/idea-form.tsx';
import { useBusinessPlansText } from './business-plans-text.ts';

export interface PlanFieldValues {
  title: string;
  summary: string;
  totalInvestmentVnd: string;
  expectedRevenueVnd: string;
}

export const planFieldNames = ['title', 'summary', 'totalInvestmentVnd', 'expectedRevenueVnd'];

export function PlanFields(props: { values: PlanFieldValues; onChange(values: PlanFieldValues): void; errors: FormErrors | null }) {
  const t = useBusinessPlansText();
  const set = (key: keyof PlanFieldValues) => (value: string) => props.onChange({ ...props.values, [key]: value });
  return (
    <>
      <TextField name="title" label={t('plans.planTitle')} value={props.values.title} onChange={set('title')} errors={props.errors?.fields.title} required maxLength={300} />
      <TextAreaField name="summary" label={t('plans.summary')} hint={t('plans.summaryHint')} value={props.values.summary} onChange={set('summary')} errors={props.errors?.fields.summary} required rows={8} maxLength={20000} />
      <TextField name="totalInvestmentVnd" label={t('plans.investment')} hint={t('plans.amountHint')} value={props.values.totalInvestmentVnd} onChange={set('totalInvestmentVnd')} errors={props.errors?.fields.totalInvestmentVnd} inputMode="numeric" />
      <TextField name="expectedRevenueVnd" label={t('plans.revenue')} hint={t('plans.amountHint')} value={props.values.expectedRevenueVnd} onChange={set('expectedRevenueVnd')} errors={props.errors?.fields.expectedRevenueVnd} inputMode="numeric" />
    </>
  );
}
