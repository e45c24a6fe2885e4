import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { api } from '../../app/api.ts';
import { useUser } from '../../app/session.ts';
import { ErrorSummary, Field, LoadError, PageHeader, TextField, useFormErrors } from '../../app/ui.tsx';
import { ProducerPicker } from '../producers/index.ts';
import { classificationQuery, productSetGroups, ruleSetsQuery } from '../rule-sets/index.ts';
import { selfAssessmentKey } from './self-assessments.queries.ts';
import { useSelfAssessmentsText } from './self-assessments-text.ts';

const route = getRouteApi('/self-assessments/new');
const fieldNames = ['producerId', 'productName', 'productSetNumber'];

/** Start a self-assessment (Mẫu 02): which producer, which product, which product set (criteria sheet). */
export function NewSelfAssessmentPage() {
  const t = useSelfAssessmentsText();
  const user = useUser();
  const search = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const ownProducer = user.role === 'producer';
  const [producerId, setProducerId] = useState(ownProducer ? (user.producerId ?? '') : '');
  const [productName, setProductName] = useState('');
  const [productSet, setProductSet] = useState(search.productSet ? String(search.productSet) : '');

  // The sheets are those of the rule set in force; the server records it with the draft.
  const ruleSets = useQuery(ruleSetsQuery);
  const current = ruleSets.data?.filter((ruleSet) => ruleSet.status === 'current').at(-1);
  const classification = useQuery({ ...classificationQuery(current?.id ?? ''), enabled: !!current });

  const create = useMutation({
    mutationFn: () =>
      api.post('/api/self-assessments', {
        // An empty choice is sent as is, so the server reports it with the other fields.
        body: { producerId, productName, productSetNumber: productSet ? Number(productSet) : 0 },
      }),
    onSuccess: async (created) => {
      queryClient.setQueryData(selfAssessmentKey(created.id), created);
      await queryClient.invalidateQueries({ queryKey: ['self-assessments', 'list'] });
      await navigate({ to: '/self-assessments/$selfAssessmentId', params: { selfAssessmentId: created.id } });
    },
  });
  const errors = useFormErrors(create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <section className="narrow stack">
      <PageHeader title={t('selfAssessments.new')}>
        <p className="lead">{t('selfAssessments.new.intro')}</p>
      </PageHeader>
      <form className="card form" onSubmit={submit} noValidate data-testid="self-assessment-create-form">
        <ErrorSummary errors={errors} shownFields={fieldNames} />
        {ownProducer ? (
          <div className="field" data-testid="own-producer">
            <span className="field-label">{t('producers.producer')}</span>
            <span>{user.producerName ?? t('selfAssessments.noProducer')}</span>
            {errors?.fields.producerId && <p className="field-error">{errors.fields.producerId.join(' ')}</p>}
          </div>
        ) : (
          <ProducerPicker value={producerId} onChange={setProducerId} errors={errors?.fields.producerId} required />
        )}
        <TextField
          name="productName"
          label={t('selfAssessments.productName')}
          hint={t('selfAssessments.productName.hint')}
          value={productName}
          onChange={setProductName}
          errors={errors?.fields.productName}
          required
          maxLength={200}
        />
        {classification.isError && <LoadError error={classification.error} retry={() => void classification.refetch()} />}
        <Field
          name="productSetNumber"
          label={t('selfAssessments.productSet')}
          hint={current ? t('selfAssessments.productSet.hint', { ruleSet: current.legalBasis[0]?.instrument ?? current.id }) : undefined}
          errors={errors?.fields.productSetNumber}
          required
        >
          {(control) => (
            <select {...control} value={productSet} onChange={(event) => setProductSet(event.target.value)}>
              <option value="">{classification.isPending ? t('common.loading') : t('form.choose')}</option>
              {classification.data &&
                productSetGroups(classification.data).map((group) => (
                  <optgroup key={group.label} label={group.label}>
                    {group.productSets.map((set) => (
                      <option key={set.number} value={set.number}>
                        {set.number}. {set.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
            </select>
          )}
        </Field>
        {productSet && current && (
          <p className="hint">
            <Link to="/rule-sets/$ruleSetId/sheets/$productSet" params={{ ruleSetId: current.id, productSet }} target="_blank">
              {t('selfAssessments.readSheet')}
            </Link>
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={create.isPending} data-testid="self-assessment-create">
            {t('selfAssessments.create')}
          </button>
          <Link to="/self-assessments" search={{}} className="button">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}
