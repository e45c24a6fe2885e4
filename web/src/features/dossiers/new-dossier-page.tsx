import './dossiers.css';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useUser } from '../../app/session.ts';
import { Empty, ErrorSummary, Field, PageHeader, QueryView, useFormErrors } from '../../app/ui.tsx';
import { useDossierText } from './dossier-text.ts';
import { dossierKey, type Dossier } from './dossiers.queries.ts';
import { SelfAssessmentOptions, selfAssessmentChoicesQuery } from './self-assessment-choices.tsx';

type DossierType = Dossier['type'];
const types: readonly DossierType[] = ['first', 'upgrade', 're_evaluation'];
const shownFields = ['type', 'selfAssessmentId', 'productId'];

/** A producer starts a dossier: first time from a self-assessment, or an upgrade / re-evaluation of a product it has. */
export function NewDossierPage() {
  const text = useDossierText();
  const { t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [type, setType] = useState<DossierType>('first');
  const [selfAssessmentId, setSelfAssessmentId] = useState('');
  const [productId, setProductId] = useState('');
  const producerId = user.producerId ?? undefined;

  // Only a finished self-assessment not filed with another dossier can be chosen (issue 19).
  const selfAssessments = useQuery(selfAssessmentChoicesQuery(producerId));
  const products = useQuery({
    queryKey: ['products', producerId],
    queryFn: () => api.get('/api/products', { query: { producer: producerId } }),
    enabled: !!producerId && type !== 'first',
  });

  const create = useMutation({
    mutationFn: () =>
      api.post('/api/dossiers', {
        body: {
          type,
          ...(selfAssessmentId ? { selfAssessmentId } : {}),
          ...(type !== 'first' && productId ? { productId } : {}),
        },
      }),
    onSuccess: async (created) => {
      queryClient.setQueryData(dossierKey(created.id), created);
      await queryClient.invalidateQueries({ queryKey: ['dossiers'] });
      await navigate({ to: '/dossiers/$dossierId', params: { dossierId: created.id } });
    },
  });
  const errors = useFormErrors(create.error);

  if (user.role !== 'producer' || !producerId) return <Empty>{text('new.onlyProducers')}</Empty>;

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <section className="narrow stack">
      <PageHeader title={text('new.title')}>
        <p className="lead">{text('new.intro')}</p>
      </PageHeader>
      <form className="card form" onSubmit={submit} noValidate data-testid="new-dossier-form">
        <ErrorSummary errors={errors} shownFields={shownFields} />
        <fieldset className="field" data-testid="field-type">
          <legend>{text('new.type')}</legend>
          <div className="choices">
          {types.map((value) => (
            <label key={value} className={type === value ? 'choice choice-checked' : 'choice'}>
              <input type="radio" name="type" value={value} checked={type === value} onChange={() => setType(value)} /> {text(`type.${value}`)}
            </label>
          ))}
          </div>
        </fieldset>

        {type !== 'first' && (
          <Field name="productId" label={text('new.product')} hint={text('new.product.hint')} errors={errors?.fields.productId} required>
            {(control) => (
              <select {...control} value={productId} onChange={(event) => setProductId(event.target.value)}>
                <option value="">{products.isPending ? t('common.loading') : t('form.choose')}</option>
                {products.data?.items.map((product) => (
                  <option key={product.id} value={product.id}>
                    {product.name}
                    {product.productCode ? ` (${product.productCode})` : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}

        <QueryView query={selfAssessments} isEmpty={(data) => data.items.length === 0} empty={text('new.noSelfAssessment')}>
          {() => (
          <Field
            name="selfAssessmentId"
            label={text('new.selfAssessment')}
            hint={text('new.selfAssessment.hint')}
            errors={[...(errors?.fields.selfAssessmentId ?? []), ...(errors?.fields.productName ?? []), ...(errors?.fields.productSetNumber ?? [])]}
            required={type === 'first'}
          >
            {(control) => (
              <select {...control} value={selfAssessmentId} onChange={(event) => setSelfAssessmentId(event.target.value)}>
                <SelfAssessmentOptions query={selfAssessments} text={text} />
              </select>
            )}
          </Field>
          )}
        </QueryView>
        {selfAssessments.data && selfAssessments.data.items.length > 0 && !selfAssessments.data.items.some((item) => item.available) && (
          <p className="alert alert-info" data-testid="no-finished-self-assessment">
            {text('new.selfAssessment.noneReady')}{' '}
            <Link to="/self-assessments" search={{}}>
              {text('detail.selfAssessment')}
            </Link>
          </p>
        )}

        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={create.isPending} data-testid="create-dossier">
            {text('new.create')}
          </button>
          <Link to="/dossiers" className="button">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}
