import '../training/programme.css';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { can } from '../../app/access.ts';
import { api, type Schemas } from '../../app/api.ts';
import { formatDate, formatNumber } from '../../app/i18n.tsx';
import { useUser } from '../../app/session.ts';
import { ErrorSummary, LoadError, Loading, PageHeader, TextField, useFormErrors } from '../../app/ui.tsx';
import { DateField, useProgrammeText, type ProgrammeText } from '../training/index.ts';
import { StatusBadge } from './plan-status.tsx';
import { FormActions } from '../../app/form-actions.tsx';

const route = getRouteApi('/annual-plans/$planId');
type Indicator = Schemas['PlanIndicator'];
const registryKinds = ['producers_trained_percent', 'new_cooperatives', 'fairs'];

export function PlanPage() {
  const text = useProgrammeText();
  const user = useUser();
  const { planId } = route.useParams();
  const plan = useQuery({ queryKey: ['annual-plans', 'one', planId], queryFn: () => api.get('/api/plans/{id}', { path: { id: planId } }) });
  const [recording, setRecording] = useState<string | null>(null);
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <LoadError error={plan.error} retry={() => void plan.refetch()} />;
  const p = plan.data;
  const manage = can(user, 'manageProgramme') && (user.role !== 'commune_officer' || p.communeCode === user.communeCode);
  return (
    <section className="stack">
      <p>
        <Link to="/annual-plans" search={{}}>{text('common.back')}</Link>
      </p>
      <PageHeader title={<span data-testid="plan-title">{p.title}</span>} actions={<StatusBadge status={p.status} text={text} />}>
        <p className="lead">
          {p.legalReference} · {p.communeName ?? p.provinceName} · {text('common.year')} {p.year}
          {p.parentTitle ? ` · ${text('plans.parent')}: ${p.parentTitle}` : ''}
        </p>
        <p className="hint">{text('plans.elapsed', { percent: formatNumber(Math.round(p.elapsed * 100)) })}</p>
      </PageHeader>
      {p.warnings.length > 0 && (
        <div className="alert alert-info" role="status" data-testid="plan-warnings">
          <p className="alert-title">{text('plans.warnings')}</p>
          <ul>
            {p.warnings.map((w) => (
              <li key={w.productName}>{w.message}</li>
            ))}
          </ul>
        </div>
      )}
      <table className="table table-stack" data-testid="indicators-table">
        <thead>
          <tr>
            <th scope="col">{text('plans.indicator')}</th>
            <th scope="col">{text('plans.target')}</th>
            <th scope="col">{text('plans.achieved')}</th>
            <th scope="col">{text('plans.percent')}</th>
            <th scope="col">{text('plans.status')}</th>
            <th scope="col">{text('plans.source')}</th>
          </tr>
        </thead>
        <tbody>
          {p.indicators.map((indicator) => (
            <IndicatorRow
              key={indicator.id}
              planId={p.id}
              indicator={indicator}
              text={text}
              canRecord={manage && !registryKinds.includes(indicator.kind)}
              recording={recording === indicator.id}
              onRecord={(open) => setRecording(open ? indicator.id : null)}
            />
          ))}
        </tbody>
      </table>
      {p.children.length > 0 && (
        <div className="card stack-small">
          <h2 className="h3">{text('plans.children')}</h2>
          <ul className="link-list">
            {p.children.map((child) => (
              <li key={child.id}>
                <Link to="/annual-plans/$planId" params={{ planId: child.id }}>
                  {child.communeName}: {child.title}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function IndicatorRow(props: { planId: string; indicator: Indicator; text: ProgrammeText; canRecord: boolean; recording: boolean; onRecord(open: boolean): void }) {
  const { indicator, text } = props;
  const label = `${indicator.label}${indicator.starRating ? ` ${indicator.starRating} ★` : ''}${indicator.productName ? ` – ${indicator.productName}` : ''}`;
  const progress = indicator.progress;
  return (
    <>
      <tr data-testid="indicator">
        <td data-label={text('plans.indicator')}>
          {label}
          {indicator.cascade && indicator.cascade.childCount > 0 && (
            <div className="hint">{text('plans.cascade', { count: indicator.cascade.childCount, total: formatNumber(indicator.cascade.childTargetTotal) })}</div>
          )}
        </td>
        <td data-label={text('plans.target')} className="programme-number">
          {formatNumber(indicator.targetValue)} {indicator.unit}
        </td>
        <td data-label={text('plans.achieved')} className="programme-number" data-testid={`achieved-${indicator.kind}`}>
          {progress.achieved === null ? '—' : `${formatNumber(progress.achieved)} ${indicator.unit}`}
        </td>
        <td data-label={text('plans.percent')} className="programme-number">
          {progress.percent === null ? '—' : `${formatNumber(progress.percent)}%`}
        </td>
        <td data-label={text('plans.status')}>
          <StatusBadge status={indicator.status} text={text} />
        </td>
        <td data-label={text('plans.source')}>
          {text(`source.${progress.source}`)}
          {progress.asOf && progress.source === 'entered' ? ` (${formatDate(progress.asOf)})` : ''}
          {progress.evidence || progress.note ? <div className="hint">{progress.evidence ?? progress.note}</div> : null}
          {props.canRecord && !props.recording && (
            <button type="button" className="link-button" onClick={() => props.onRecord(true)} data-testid={`record-${indicator.id}`}>
              {text('plans.record')}
            </button>
          )}
        </td>
      </tr>
      {props.recording && (
        <tr>
          <td colSpan={6}>
            <RecordProgress planId={props.planId} indicator={indicator} text={text} onDone={() => props.onRecord(false)} />
          </td>
        </tr>
      )}
    </>
  );
}

function RecordProgress({ planId, indicator, text, onDone }: { planId: string; indicator: Indicator; text: ProgrammeText; onDone(): void }) {
  const queryClient = useQueryClient();
  const [value, setValue] = useState('');
  const [asOf, setAsOf] = useState('');
  const [evidence, setEvidence] = useState('');
  const record = useMutation({
    mutationFn: () => api.post('/api/plans/{id}/indicators/{indicatorId}/progress', { path: { id: planId, indicatorId: indicator.id }, body: { value, asOf, evidence } }),
    onSuccess: (plan) => {
      queryClient.setQueryData(['annual-plans', 'one', planId], plan);
      onDone();
    },
  });
  const errors = useFormErrors(record.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    record.mutate();
  }
  return (
    <form className="programme-grid" onSubmit={submit} noValidate data-testid="progress-form">
      <TextField name="value" label={`${text('plans.value')} (${indicator.unit})`} value={value} onChange={setValue} errors={errors?.fields.value} required />
      <DateField name="asOf" label={text('plans.asOf')} value={asOf} onChange={setAsOf} errors={errors?.fields.asOf} required />
      <TextField name="evidence" label={text('plans.evidence')} value={evidence} onChange={setEvidence} errors={errors?.fields.evidence} required />
      <FormActions submitLabel={text('common.save')} busy={record.isPending} onCancel={onDone} cancelLabel={text('common.cancel')} />
      <ErrorSummary errors={errors} shownFields={['value', 'asOf', 'evidence']} />
    </form>
  );
}
