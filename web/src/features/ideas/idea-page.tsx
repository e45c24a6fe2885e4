import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { can } from '../../app/access.ts';
import { api, type Schemas } from '../../app/api.ts';
import { formatDate, formatDateTime } from '../../app/i18n.tsx';
import { useUser } from '../../app/session.ts';
import { Badge, ErrorSummary, Field, LoadError, Loading, Notice, PageHeader, useFormErrors } from '../../app/ui.tsx';
import { IdeaFields, TextAreaField, ideaFieldNames, type IdeaFieldValues } from './idea-form.tsx';
import { ideaStatusTone } from './ideas-page.tsx';
import { productSetLabel, useProductSets } from './ideas.queries.ts';
import { FormActions } from '../../app/form-actions.tsx';
import { useIdeasText } from './ideas-text.ts';

const route = getRouteApi('/ideas/$ideaId');
type Idea = Schemas['ProductIdea'];
type Outcome = 'passed' | 'returned' | 'rejected';
const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

function AppraisalForm({ idea, onDone }: { idea: Idea; onDone(idea: Idea): void }) {
  const t = useIdeasText();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [reasons, setReasons] = useState('');
  const appraise = useMutation({
    mutationFn: () =>
      api.post('/api/ideas/{id}/appraisal', { path: { id: idea.id }, body: { version: idea.version, outcome: outcome as Outcome, reasons: orNull(reasons) } }),
    onSuccess: onDone,
  });
  const errors = useFormErrors(appraise.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    appraise.mutate();
  }
  const outcomes: Outcome[] = ['passed', 'returned', 'rejected'];
  return (
    <form className="card form" onSubmit={submit} noValidate data-testid="appraisal-form">
      <h2 className="h3">{t('ideas.appraise')}</h2>
      <ErrorSummary errors={errors} shownFields={['outcome', 'reasons']} />
      <Field name="outcome" label={t('ideas.outcome')} errors={errors?.fields.outcome} required>
        {(control) => (
          <div role="radiogroup" aria-describedby={control['aria-describedby']} id={control.id}>
            {outcomes.map((value) => (
              <label key={value} className="radio">
                <input type="radio" name="outcome" value={value} checked={outcome === value} onChange={() => setOutcome(value)} data-testid={`outcome-${value}`} /> {t(`appraisal.${value}`)}
              </label>
            ))}
          </div>
        )}
      </Field>
      <TextAreaField name="reasons" label={t('ideas.reasons')} hint={t('ideas.reasonsHint')} value={reasons} onChange={setReasons} errors={errors?.fields.reasons} required={outcome !== '' && outcome !== 'passed'} />
      <FormActions submitLabel={t('ideas.saveAppraisal')} busy={appraise.isPending} submitTestId="appraisal-submit" />
    </form>
  );
}

function ResubmitForm({ idea, onDone }: { idea: Idea; onDone(idea: Idea): void }) {
  const t = useIdeasText();
  const [fields, setFields] = useState<IdeaFieldValues>({
    productName: idea.productName,
    productSet: String(idea.productSet),
    description: idea.description,
    rawMaterials: idea.rawMaterials ?? '',
    market: idea.market ?? '',
  });
  const resubmit = useMutation({
    mutationFn: () =>
      api.post('/api/ideas/{id}/resubmit', {
        path: { id: idea.id },
        body: {
          version: idea.version,
          productName: fields.productName,
          productSet: Number(fields.productSet),
          description: fields.description,
          rawMaterials: orNull(fields.rawMaterials),
          market: orNull(fields.market),
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
    <form className="card form" onSubmit={submit} noValidate data-testid="resubmit-form">
      <h2 className="h3">{t('ideas.resubmit')}</h2>
      <p className="hint">{t('ideas.resubmitHint')}</p>
      <ErrorSummary errors={errors} shownFields={ideaFieldNames} />
      <IdeaFields values={fields} onChange={setFields} errors={errors} />
      <FormActions submitLabel={t('ideas.resubmit')} busy={resubmit.isPending} submitTestId="resubmit-submit" />
    </form>
  );
}

export function IdeaPage() {
  const t = useIdeasText();
  const user = useUser();
  const { ideaId } = route.useParams();
  const queryClient = useQueryClient();
  const productSets = useProductSets();
  const [notice, setNotice] = useState<string | null>(null);
  const idea = useQuery({ queryKey: ['ideas', 'one', ideaId], queryFn: () => api.get('/api/ideas/{id}', { path: { id: ideaId } }) });
  const plans = useQuery({
    queryKey: ['business-plans', 'of-idea', ideaId],
    queryFn: () => api.get('/api/business-plans', { query: { ideaId } }),
    enabled: idea.data?.status === 'passed',
  });

  if (idea.isPending) return <Loading />;
  if (idea.isError) return <LoadError error={idea.error} retry={() => void idea.refetch()} />;
  const i = idea.data;
  const done = (message: string) => async (updated: Idea) => {
    queryClient.setQueryData(['ideas', 'one', ideaId], updated);
    await queryClient.invalidateQueries({ queryKey: ['ideas', 'list'] });
    await queryClient.invalidateQueries({ queryKey: ['ideas', 'funnel'] });
    setNotice(message);
  };
  const mayAppraise = i.allowedActions.some((action) => action !== 'resubmit');
  const plan = plans.data?.items[0];
  return (
    <section className="stack narrow">
      <PageHeader title={<span data-testid="idea-name">{i.productName}</span>}>
        <p className="lead">
          <Badge tone={ideaStatusTone(i.status)}>{t(`ideaStatus.${i.status}`)}</Badge> {i.round > 1 ? t('ideas.round', { round: i.round }) : null}
        </p>
      </PageHeader>
      {notice && <Notice testId="idea-notice">{notice}</Notice>}
      <dl className="facts card" data-testid="idea-facts">
        <div>
          <dt>{t('ideas.producer')}</dt>
          <dd>
            <Link to="/producers/$producerId" params={{ producerId: i.producerId }}>
              {i.producerName}
            </Link>{' '}
            – {i.communeName}
          </dd>
        </div>
        <div>
          <dt>{t('ideas.year')}</dt>
          <dd>{i.year}</dd>
        </div>
        <div>
          <dt>{t('ideas.productSet')}</dt>
          <dd>{productSetLabel(i.productSet, productSets.data, t('ideas.productSetNumber', { number: i.productSet }))}</dd>
        </div>
        <div>
          <dt>{t('ideas.description')}</dt>
          <dd className="prewrap">{i.description}</dd>
        </div>
        <div>
          <dt>{t('ideas.rawMaterials')}</dt>
          <dd>{i.rawMaterials ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('ideas.market')}</dt>
          <dd>{i.market ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('ideas.submittedAt')}</dt>
          <dd>{formatDateTime(i.submittedAt)}</dd>
        </div>
      </dl>
      <div className="card stack-small" data-testid="idea-appraisals">
        <h2 className="h3">{t('ideas.appraisals')}</h2>
        {i.appraisals.length === 0 ? (
          <p className="empty">{t('ideas.noAppraisals')}</p>
        ) : (
          <ol className="plain-list">
            {i.appraisals.map((a) => (
              <li key={a.round}>
                <strong>{t('ideas.round', { round: a.round })}</strong>: {t(`appraisal.${a.outcome}`)} – {t(`appraisalLevel.${a.level}`)}
                {a.appraisedByName ? `, ${a.appraisedByName}` : ''}, {formatDate(a.appraisedAt)}
                {a.reasons && <div className="hint">{a.reasons}</div>}
              </li>
            ))}
          </ol>
        )}
      </div>
      {mayAppraise && <AppraisalForm key={i.version} idea={i} onDone={done(t('ideas.appraised'))} />}
      {i.allowedActions.includes('resubmit') && <ResubmitForm key={i.version} idea={i} onDone={done(t('ideas.resubmitted'))} />}
      {i.status === 'passed' && (
        <div className="card stack-small" data-testid="idea-plan">
          <h2 className="h3">{t('plans.title')}</h2>
          {plan ? (
            <Link to="/business-plans/$planId" params={{ planId: plan.id }}>
              {plan.title}
            </Link>
          ) : plans.isSuccess && can(user, 'registerIdea') ? (
            <Link to="/business-plans/new" search={{ ideaId: i.id }} className="button button-primary" data-testid="new-plan-for-idea">
              {t('plans.new')}
            </Link>
          ) : (
            <p className="empty">{t('plans.noneForIdea')}</p>
          )}
        </div>
      )}
    </section>
  );
}
