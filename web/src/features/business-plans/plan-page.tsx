import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { api, errorMessage } from '../../app/api.ts';
import { formatDate, formatDateTime, useI18n } from '../../app/i18n.tsx';
import { useUser } from '../../app/session.ts';
import { Badge, Empty, ErrorSummary, Field, LoadError, Loading, Notice, PageHeader, SelectField, TextField, useFormErrors } from '../../app/ui.tsx';
import { TextAreaField } from '../ideas/idea-form.tsx';
import { amountValue, daysLeft, formatVnd, planStatusTone, supportKinds, type Plan, type SupportKind } from './plan-labels.ts';
import { PlanFields, planFieldNames, type PlanFieldValues } from './plan-fields.tsx';
import { FormActions } from '../../app/form-actions.tsx';
import { useBusinessPlansText } from './business-plans-text.ts';

const route = getRouteApi('/business-plans/$planId');
const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

function ReviewForm({ plan, onDone }: { plan: Plan; onDone(plan: Plan): void }) {
  const t = useBusinessPlansText();
  const [outcome, setOutcome] = useState<'approved' | 'returned' | ''>('');
  const [reasons, setReasons] = useState('');
  const review = useMutation({
    mutationFn: () =>
      api.post('/api/business-plans/{id}/review', { path: { id: plan.id }, body: { version: plan.version, outcome: outcome as 'approved', reasons: orNull(reasons) } }),
    onSuccess: onDone,
  });
  const errors = useFormErrors(review.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    review.mutate();
  }
  return (
    <form className="card form" onSubmit={submit} noValidate data-testid="review-form">
      <h2 className="h3">{t('plans.review')}</h2>
      <ErrorSummary errors={errors} shownFields={['outcome', 'reasons']} />
      <Field name="outcome" label={t('ideas.outcome')} errors={errors?.fields.outcome} required>
        {(control) => (
          <div role="radiogroup" id={control.id} aria-describedby={control['aria-describedby']}>
            {(['approved', 'returned'] as const).map((value) => (
              <label key={value} className="radio">
                <input type="radio" name="outcome" value={value} checked={outcome === value} onChange={() => setOutcome(value)} data-testid={`review-${value}`} /> {t(`review.${value}`)}
              </label>
            ))}
          </div>
        )}
      </Field>
      <TextAreaField name="reasons" label={t('ideas.reasons')} value={reasons} onChange={setReasons} errors={errors?.fields.reasons} required={outcome === 'returned'} />
      <FormActions submitLabel={t('plans.saveReview')} busy={review.isPending} submitTestId="review-submit" />
    </form>
  );
}

function ResubmitForm({ plan, onDone }: { plan: Plan; onDone(plan: Plan): void }) {
  const t = useBusinessPlansText();
  const [fields, setFields] = useState<PlanFieldValues>({
    title: plan.title,
    summary: plan.summary,
    totalInvestmentVnd: plan.totalInvestmentVnd === null ? '' : String(plan.totalInvestmentVnd),
    expectedRevenueVnd: plan.expectedRevenueVnd === null ? '' : String(plan.expectedRevenueVnd),
  });
  const resubmit = useMutation({
    mutationFn: () =>
      api.post('/api/business-plans/{id}/resubmit', {
        path: { id: plan.id },
        body: {
          version: plan.version,
          title: fields.title,
          summary: fields.summary,
          totalInvestmentVnd: amountValue(fields.totalInvestmentVnd),
          expectedRevenueVnd: amountValue(fields.expectedRevenueVnd),
        },
      }),
    onSuccess: onDone,
  });
  const errors = useFormErrors(resubmit.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    resubmit.mutate();
  }
  return (
    <form className="card form" onSubmit={submit} noValidate data-testid="plan-resubmit-form">
      <h2 className="h3">{t('plans.resubmit')}</h2>
      <ErrorSummary errors={errors} shownFields={planFieldNames} />
      <PlanFields values={fields} onChange={setFields} errors={errors} />
      <FormActions submitLabel={t('plans.resubmit')} busy={resubmit.isPending} submitTestId="plan-resubmit-submit" />
    </form>
  );
}

function SupportForm({ plan, onDone }: { plan: Plan; onDone(plan: Plan): void }) {
  const t = useBusinessPlansText();
  const [kind, setKind] = useState<SupportKind | ''>('');
  const [providedOn, setProvidedOn] = useState('');
  const [amount, setAmount] = useState('');
  const [provider, setProvider] = useState('');
  const [note, setNote] = useState('');
  const record = useMutation({
    mutationFn: () =>
      api.post('/api/business-plans/{id}/supports', {
        path: { id: plan.id },
        body: { kind: kind as SupportKind, providedOn, amountVnd: amountValue(amount) ?? 0, provider, note: orNull(note) },
      }),
    onSuccess: (updated) => {
      setKind('');
      setProvidedOn('');
      setAmount('');
      setProvider('');
      setNote('');
      onDone(updated);
    },
  });
  const errors = useFormErrors(record.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    record.mutate();
  }
  return (
    <form className="form stack-small" onSubmit={submit} noValidate data-testid="support-form">
      <h3 className="h4">{t('supports.record')}</h3>
      <ErrorSummary errors={errors} shownFields={['kind', 'providedOn', 'amountVnd', 'provider', 'note']} />
      <SelectField
        name="kind"
        label={t('supports.kind')}
        value={kind}
        onChange={(value) => setKind(value as SupportKind)}
        options={supportKinds.map((value) => ({ value, label: t(`support.${value}`) }))}
        placeholder={t('form.choose')}
        errors={errors?.fields.kind}
        required
      />
      <Field name="providedOn" label={t('supports.providedOn')} errors={errors?.fields.providedOn} required>
        {(control) => <input {...control} type="date" value={providedOn} onChange={(event) => setProvidedOn(event.target.value)} />}
      </Field>
      <TextField name="amountVnd" label={t('supports.amount')} hint={t('plans.amountHint')} value={amount} onChange={setAmount} errors={errors?.fields.amountVnd} inputMode="numeric" />
      <TextField name="provider" label={t('supports.provider')} value={provider} onChange={setProvider} errors={errors?.fields.provider} required maxLength={300} />
      <TextField name="note" label={t('supports.note')} value={note} onChange={setNote} errors={errors?.fields.note} maxLength={2000} />
      <FormActions submitLabel={t('supports.save')} busy={record.isPending} submitTestId="support-submit" />
    </form>
  );
}

export function PlanPage() {
  const { locale } = useI18n();
  const t = useBusinessPlansText();
  const user = useUser();
  const { planId } = route.useParams();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const plan = useQuery({ queryKey: ['business-plans', 'one', planId], queryFn: () => api.get('/api/business-plans/{id}', { path: { id: planId } }) });
  const done = (message: string) => async (updated: Plan) => {
    queryClient.setQueryData(['business-plans', 'one', planId], updated);
    await queryClient.invalidateQueries({ queryKey: ['business-plans', 'list'] });
    await queryClient.invalidateQueries({ queryKey: ['business-plans', 'due'] });
    setNotice(message);
  };
  const forward = useMutation({
    mutationFn: () => api.post('/api/business-plans/{id}/forward', { path: { id: planId }, body: { version: plan.data!.version } }),
    onSuccess: (updated: Plan) => done(t('plans.forwarded'))(updated),
  });

  if (plan.isPending) return <Loading />;
  if (plan.isError) return <LoadError error={plan.error} retry={() => void plan.refetch()} />;
  const p = plan.data;
  const mayRecordSupport = p.status === 'approved' && ['system_admin', 'province_office', 'commune_officer'].includes(user.role);
  const left = p.dueAt && p.status === 'submitted' ? daysLeft(p.dueAt) : null;
  return (
    <section className="stack narrow">
      <PageHeader title={<span data-testid="plan-title">{p.title}</span>}>
        <p className="lead">
          <Badge tone={planStatusTone(p.status)}>{t(`planStatus.${p.status}`)}</Badge> {p.round > 1 ? t('ideas.round', { round: p.round }) : null}
        </p>
      </PageHeader>
      {notice && <Notice testId="plan-notice">{notice}</Notice>}
      {p.status === 'forwarding_overdue' && p.overdueConsequence && (
        <div className="alert alert-error" role="status" data-testid="plan-overdue">
          <p>{t('plans.overdueSince', { date: formatDateTime(p.overdueAt) })}</p>
          <p>{t(`consequence.${p.overdueConsequence}`)}</p>
        </div>
      )}
      <dl className="facts card" data-testid="plan-facts">
        <div>
          <dt>{t('plans.idea')}</dt>
          <dd>
            <Link to="/ideas/$ideaId" params={{ ideaId: p.ideaId }}>
              {p.productName}
            </Link>{' '}
            ({p.year})
          </dd>
        </div>
        <div>
          <dt>{t('ideas.producer')}</dt>
          <dd>
            <Link to="/producers/$producerId" params={{ producerId: p.producerId }}>
              {p.producerName}
            </Link>{' '}
            – {p.communeName}
          </dd>
        </div>
        <div>
          <dt>{t('plans.receivedAt')}</dt>
          <dd>{formatDateTime(p.receivedAt)}</dd>
        </div>
        <div>
          <dt>{t('plans.dueAt')}</dt>
          <dd data-testid="plan-due">
            {p.dueAt ? formatDateTime(p.dueAt) : t('plans.noDeadline')}
            {p.forwardingRule && (
              <div className="hint">
                {t(p.forwardingRule.dayKind === 'working' ? 'settings.ruleWorking' : 'settings.ruleCalendar', { days: p.forwardingRule.days })} –{' '}
                {t(`consequence.${p.forwardingRule.consequence}`)}
              </div>
            )}
            {left !== null && <div className="hint">{left >= 0 ? t('due.daysLeft', { days: left }) : t('due.daysLate', { days: -left })}</div>}
          </dd>
        </div>
        {p.forwardedAt && (
          <div>
            <dt>{t('plans.forwardedAt')}</dt>
            <dd>{formatDateTime(p.forwardedAt)}</dd>
          </div>
        )}
        <div>
          <dt>{t('plans.investment')}</dt>
          <dd>{formatVnd(p.totalInvestmentVnd)}</dd>
        </div>
        <div>
          <dt>{t('plans.revenue')}</dt>
          <dd>{formatVnd(p.expectedRevenueVnd)}</dd>
        </div>
        <div>
          <dt>{t('plans.summary')}</dt>
          <dd className="prewrap">{p.summary}</dd>
        </div>
      </dl>
      {p.allowedActions.includes('forward') && (
        <div className="card stack-small">
          <p>{t('plans.forwardHint')}</p>
          {forward.isError && (
            <div className="alert alert-error" role="alert">
              <p>{errorMessage(forward.error, locale)}</p>
            </div>
          )}
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={() => forward.mutate()} disabled={forward.isPending} data-testid="plan-forward">
              {t('plans.forward')}
            </button>
          </div>
        </div>
      )}
      {p.allowedActions.includes('approve') && <ReviewForm key={p.version} plan={p} onDone={done(t('plans.reviewed'))} />}
      {p.allowedActions.includes('resubmit') && <ResubmitForm key={p.version} plan={p} onDone={done(t('plans.resubmitted'))} />}
      <div className="card stack-small" data-testid="plan-reviews">
        <h2 className="h3">{t('plans.reviews')}</h2>
        {p.reviews.length === 0 ? (
          <Empty>{t('plans.noReviews')}</Empty>
        ) : (
          <ol className="plain-list">
            {p.reviews.map((r) => (
              <li key={r.round}>
                <strong>{t('ideas.round', { round: r.round })}</strong>: {t(`review.${r.outcome}`)}
                {r.reviewedByName ? `, ${r.reviewedByName}` : ''}, {formatDate(r.reviewedAt)}
                {r.reasons && <div className="hint">{r.reasons}</div>}
              </li>
            ))}
          </ol>
        )}
      </div>
      {(p.status === 'approved' || p.supports.length > 0) && (
        <div className="card stack-small" data-testid="plan-supports">
          <h2 className="h3">{t('supports.title')}</h2>
          {p.supports.length === 0 ? (
            <Empty>{t('supports.none')}</Empty>
          ) : (
            <>
              <ul className="plain-list">
                {p.supports.map((s) => (
                  <li key={s.id}>
                    <strong>{t(`support.${s.kind}`)}</strong> – {s.provider}, {formatDate(s.providedOn)}: {formatVnd(s.amountVnd)}
                    {s.note && <div className="hint">{s.note}</div>}
                  </li>
                ))}
              </ul>
              <p data-testid="support-total">{t('supports.total', { amount: formatVnd(p.supportTotalVnd) })}</p>
            </>
          )}
          {mayRecordSupport && <SupportForm plan={p} onDone={done(t('supports.recorded'))} />}
        </div>
      )}
    </section>
  );
}
