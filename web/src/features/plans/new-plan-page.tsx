import '../training/programme.css';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { api } from '../../app/api.ts';
import { useUser } from '../../app/session.ts';
import { ErrorSummary, PageHeader, SelectField, TextField, useFormErrors } from '../../app/ui.tsx';
import { CommunePicker, ProvincePicker } from '../admin-units/index.ts';
import { DateField, useProgrammeText, yearOptions } from '../training/index.ts';
import { defaultUnits, indicatorKinds, productionKinds, type IndicatorKind } from './plan-status.tsx';
import { FormActions } from '../../app/form-actions.tsx';

interface IndicatorRow {
  kind: IndicatorKind | '';
  productName: string;
  starRating: string;
  targetValue: string;
  unit: string;
}

const emptyRow = (): IndicatorRow => ({ kind: '', productName: '', starRating: '', targetValue: '', unit: '' });

export function NewPlanPage() {
  const text = useProgrammeText();
  const user = useUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    provinceCode: user.provinceCode ?? '',
    communeCode: user.role === 'commune_officer' ? (user.communeCode ?? '') : '',
    year: String(new Date().getFullYear()),
    title: '',
    legalReference: '',
    issuedOn: '',
    parentPlanId: '',
  });
  const [rows, setRows] = useState<IndicatorRow[]>([]);
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const setRow = (index: number, key: keyof IndicatorRow) => (value: string) => setRows((list) => list.map((row, i) => (i === index ? { ...row, [key]: value } : row)));

  const provincePlans = useQuery({
    queryKey: ['annual-plans', 'province-level', values.year, values.provinceCode],
    queryFn: () => api.get('/api/plans', { query: { year: Number(values.year), province: values.provinceCode || undefined, pageSize: 200 } }),
    enabled: !!values.communeCode,
  });
  const parents = (provincePlans.data?.items ?? []).filter((plan) => plan.level === 'province');

  const create = useMutation({
    mutationFn: () =>
      api.post('/api/plans', {
        body: {
          provinceCode: values.provinceCode,
          communeCode: values.communeCode || null,
          year: Number(values.year),
          title: values.title,
          legalReference: values.legalReference,
          issuedOn: values.issuedOn || null,
          parentPlanId: values.parentPlanId || null,
          indicators:
            rows.length === 0 && values.parentPlanId
              ? undefined
              : rows.map((row) => ({
                  kind: row.kind as IndicatorKind,
                  productName: row.productName || null,
                  starRating: row.starRating ? Number(row.starRating) : null,
                  targetValue: row.targetValue,
                  unit: row.unit || undefined,
                })),
        },
      }),
    onSuccess: async (plan) => {
      await queryClient.invalidateQueries({ queryKey: ['annual-plans'] });
      await navigate({ to: '/annual-plans/$planId', params: { planId: plan.id } });
    },
  });
  const errors = useFormErrors(create.error);
  const fieldErrors = (path: string) => errors?.fields[path];
  const shown = ['provinceCode', 'communeCode', 'year', 'title', 'legalReference', 'issuedOn', 'parentPlanId', ...rows.flatMap((_, i) => ['kind', 'productName', 'starRating', 'targetValue', 'unit', 'parentIndicatorId'].map((f) => `indicators.${i}.${f}`))];

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <section className="stack">
      <p>
        <Link to="/annual-plans" search={{}}>{text('common.back')}</Link>
      </p>
      <PageHeader title={text('plans.new')} />
      <form className="form card" onSubmit={submit} noValidate data-testid="plan-form">
        <ErrorSummary errors={errors} shownFields={shown} />
        {user.role === 'system_admin' && (
          <ProvincePicker value={values.provinceCode} onChange={(code) => setValues((v) => ({ ...v, provinceCode: code, communeCode: '' }))} errors={fieldErrors('provinceCode')} required />
        )}
        {user.role !== 'commune_officer' && (
          <CommunePicker provinceCode={values.provinceCode} value={values.communeCode} onChange={set('communeCode')} placeholder={text('common.provinceLevel')} label={text('common.unit')} errors={fieldErrors('communeCode')} />
        )}
        <div className="programme-grid">
          <SelectField name="year" label={text('common.year')} value={values.year} onChange={set('year')} options={yearOptions()} errors={fieldErrors('year')} required />
          <DateField name="issuedOn" label={text('plans.issuedOn')} value={values.issuedOn} onChange={set('issuedOn')} errors={fieldErrors('issuedOn')} />
        </div>
        <TextField name="title" label={text('plans.name')} value={values.title} onChange={set('title')} errors={fieldErrors('title')} required />
        <TextField name="legalReference" label={text('plans.legalReference')} hint={text('plans.legalReferenceHint')} value={values.legalReference} onChange={set('legalReference')} errors={fieldErrors('legalReference')} required />
        {values.communeCode && (
          <SelectField
            name="parentPlanId"
            label={text('plans.parent')}
            hint={text('plans.parentHint')}
            value={values.parentPlanId}
            onChange={set('parentPlanId')}
            placeholder="—"
            options={parents.map((plan) => ({ value: plan.id, label: `${plan.title} (${plan.legalReference})` }))}
            errors={fieldErrors('parentPlanId')}
          />
        )}
        <fieldset className="stack-small" data-testid="indicator-rows">
          <legend className="h3">{text('plans.indicators')}</legend>
          {rows.map((row, index) => (
            <div key={index} className="programme-grid card" data-testid="indicator-row">
              <SelectField
                name={`indicators.${index}.kind`}
                label={text('plans.indicator')}
                value={row.kind}
                onChange={(kind) => setRows((list) => list.map((r, i) => (i === index ? { ...r, kind: kind as IndicatorKind, unit: r.unit || (kind ? defaultUnits[kind as IndicatorKind] : '') } : r)))}
                placeholder="—"
                options={indicatorKinds.map((kind) => ({ value: kind, label: text(`indicator.${kind}`) }))}
                errors={fieldErrors(`indicators.${index}.kind`)}
                required
              />
              {(productionKinds.includes(row.kind as IndicatorKind) || row.kind === 'products_developed' || row.kind === 'star_target') && (
                <TextField name={`indicators.${index}.productName`} label={text('plans.product')} value={row.productName} onChange={setRow(index, 'productName')} errors={fieldErrors(`indicators.${index}.productName`)} />
              )}
              {row.kind === 'star_target' && (
                <SelectField
                  name={`indicators.${index}.starRating`}
                  label={text('plans.stars')}
                  value={row.starRating}
                  onChange={setRow(index, 'starRating')}
                  placeholder="—"
                  options={['3', '4', '5'].map((value) => ({ value, label: `${value} ★` }))}
                  errors={fieldErrors(`indicators.${index}.starRating`)}
                  required
                />
              )}
              <TextField name={`indicators.${index}.targetValue`} label={text('plans.target')} value={row.targetValue} onChange={setRow(index, 'targetValue')} inputMode="text" errors={fieldErrors(`indicators.${index}.targetValue`)} required />
              <TextField name={`indicators.${index}.unit`} label={text('plans.unit')} value={row.unit} onChange={setRow(index, 'unit')} errors={fieldErrors(`indicators.${index}.unit`)} />
              <button type="button" className="button button-small" onClick={() => setRows((list) => list.filter((_, i) => i !== index))}>
                {text('plans.removeIndicator')}
              </button>
            </div>
          ))}
          <button type="button" className="button" onClick={() => setRows((list) => [...list, emptyRow()])} data-testid="add-indicator">
            {text('plans.addIndicator')}
          </button>
        </fieldset>
        <FormActions submitLabel={text('plans.new')} busyLabel={text('common.saving')} busy={create.isPending} submitTestId="plan-submit" />
      </form>
    </section>
  );
}
