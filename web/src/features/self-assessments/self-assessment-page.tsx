/**
 * The self-assessment form (Mẫu 02, Part III): one card per criterion with large radio options, a
 * sticky bar with the live score and star (scored by the server, debounced), the gap panel, and the
 * draft saved as the producer goes (app/autosave.tsx) with the record's version (409 = someone else
 * saved first: saving stops until the producer reloads).
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { can } from '../../app/access.ts';
import { ApiError, api } from '../../app/api.ts';
import { SaveState, useAutosave } from '../../app/autosave.tsx';
import { formatDateTime } from '../../app/i18n.tsx';
import { useUser } from '../../app/session.ts';
import { ErrorSummary, LoadError, Loading, PageHeader, TextField, useFormErrors } from '../../app/ui.tsx';
import { SheetRules, evaluationQuery, indexSheet, leafCriteria, sheetQuery, type CriteriaSheet } from '../rule-sets/index.ts';
import { SheetCriteria, useDebounced } from './criteria-form.tsx';
import { GapPanel } from './gap-panel.tsx';
import { SummaryBar } from './summary-bar.tsx';
import { selfAssessmentKey, selfAssessmentQuery, type EvaluatedSelfAssessment } from './self-assessments.queries.ts';
import { useSelfAssessmentsText } from './self-assessments-text.ts';

const route = getRouteApi('/self-assessments/$selfAssessmentId');
const EVALUATION_DELAY_MS = 400;

type Choices = Record<string, string>;

function sameChoices(a: Choices, b: Choices): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

export function SelfAssessmentPage() {
  const t = useSelfAssessmentsText();
  const { selfAssessmentId } = route.useParams();
  const record = useQuery({ ...selfAssessmentQuery(selfAssessmentId), refetchOnMount: 'always' });
  const sheet = useQuery({
    ...sheetQuery(record.data?.ruleSetId ?? '', record.data?.productSetNumber ?? 0),
    enabled: !!record.data,
  });
  if (record.isError) return <LoadError error={record.error} retry={() => void record.refetch()} />;
  if (sheet.isError) return <LoadError error={sheet.error} retry={() => void sheet.refetch()} />;
  if (!record.data || !sheet.data) return <Loading />;
  return (
    <section className="stack self-assessment">
      <nav className="breadcrumb" aria-label={t('units.breadcrumb')}>
        <ol>
          <li>
            <Link to="/self-assessments" search={{}}>
              {t('selfAssessments.title')}
            </Link>
          </li>
        </ol>
      </nav>
      <SelfAssessmentForm key={record.data.id} initial={record.data} sheet={sheet.data} />
    </section>
  );
}

function SelfAssessmentForm({ initial, sheet }: { initial: EvaluatedSelfAssessment; sheet: CriteriaSheet }) {
  const t = useSelfAssessmentsText();
  const user = useUser();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(initial);
  const [choices, setChoices] = useState<Choices>(initial.choices);
  const [productName, setProductName] = useState(initial.productName);
  const writable = can(user, 'writeSelfAssessment') && saved.status === 'draft';
  const dirty = !sameChoices(choices, saved.choices) || productName !== saved.productName;
  const index = useMemo(() => indexSheet(sheet), [sheet]);
  const leaves = useMemo(() => leafCriteria(sheet), [sheet]);

  // Live score: the server scores the choices once they settle; the saved evaluation seeds the first answer.
  const settled = useDebounced(choices, EVALUATION_DELAY_MS);
  const evaluation = useQuery({
    ...evaluationQuery(saved.ruleSetId, saved.productSetNumber, settled),
    placeholderData: keepPreviousData,
    initialData: sameChoices(settled, saved.choices) ? saved.evaluation : undefined,
  });
  const result = evaluation.data;
  const updating = evaluation.isFetching || settled !== choices;

  const notApplicable = useMemo(() => new Map((result?.score.notApplicable ?? []).map((item) => [item.criterion, item.text])), [result]);
  const missing = leaves.filter((leaf) => leaf.options.length > 0 && !choices[leaf.code] && !notApplicable.has(leaf.code));

  const choose = useCallback((code: string, optionId: string) => {
    setChoices((previous) => ({ ...previous, [code]: optionId }));
  }, []);

  // The version the server last gave back: the next save sends it, even before React re-renders.
  const version = useRef(initial.version);
  const values = useMemo(() => ({ choices, productName }), [choices, productName]);
  const current = useRef(values);
  current.current = values;
  const [conflict, setConflict] = useState(false);
  const autosave = useAutosave({
    dirty,
    changeKey: values,
    enabled: writable && !conflict,
    save: async () => {
      const body = { version: version.current, ...current.current };
      try {
        const updated = await api.patch('/api/self-assessments/{id}', { path: { id: saved.id }, body });
        version.current = updated.version;
        setSaved(updated);
        queryClient.setQueryData(selfAssessmentKey(updated.id), updated);
        queryClient.setQueryData(evaluationQuery(updated.ruleSetId, updated.productSetNumber, updated.choices).queryKey, updated.evaluation);
        void queryClient.invalidateQueries({ queryKey: ['self-assessments', 'list'] });
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) setConflict(true);
        throw error;
      }
    },
  });
  const errors = useFormErrors(conflict ? null : autosave.error);

  /** After a conflict: show what the other person saved (this user's unsaved changes are dropped). */
  function reload() {
    queryClient.fetchQuery({ ...selfAssessmentQuery(saved.id), staleTime: 0 }).then(
      (fresh) => {
        version.current = fresh.version;
        setSaved(fresh);
        setChoices(fresh.choices);
        setProductName(fresh.productName);
        setConflict(false);
      },
      () => {}, // offline: the conflict message and its button stay, to try again
    );
  }

  function focusFirstMissing() {
    const first = missing[0];
    if (!first) return;
    const card = document.getElementById(`criterion-${first.code}`);
    card?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    card?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus({ preventScroll: true });
  }

  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (writable) void autosave.flush();
      }}
      data-testid="self-assessment-form"
    >
      <PageHeader title={<span data-testid="self-assessment-title">{saved.productName}</span>}>
        <p className="lead">
          {saved.producerName} · {t('sheet.title', { number: sheet.productSet.number, name: sheet.productSet.name })}
        </p>
        <p className="hint">
          {t('selfAssessment.ruleSet')}{' '}
          <Link to="/rule-sets/$ruleSetId/sheets/$productSet" params={{ ruleSetId: saved.ruleSetId, productSet: String(saved.productSetNumber) }}>
            {sheet.source.location} – {sheet.source.document}
          </Link>
          {' · '}
          {t('common.updatedAt')}: {formatDateTime(saved.updatedAt)}
        </p>
      </PageHeader>

      {!writable && <p className="alert alert-info">{saved.status === 'attached' ? t('selfAssessment.attached') : t('selfAssessment.readOnly')}</p>}
      {conflict && (
        <div className="alert alert-error" role="alert" data-testid="self-assessment-conflict">
          <p className="alert-title">{t('selfAssessment.conflict')}</p>
          <button type="button" className="button button-small" onClick={reload} data-testid="self-assessment-reload">
            {t('selfAssessment.reload')}
          </button>
        </div>
      )}
      <ErrorSummary errors={errors} shownFields={['productName']} />

      <div className="card">
        <TextField name="productName" label={t('selfAssessments.productName')} value={productName} onChange={setProductName} errors={errors?.fields.productName} required maxLength={200} disabled={!writable} />
      </div>

      <details className="card">
        <summary>{t('selfAssessment.rules')}</summary>
        <div className="stack-small details-body">
          <p className="hint">{t('selfAssessment.rules.hint')}</p>
          <SheetRules sheet={sheet} t={t} />
        </div>
      </details>

      <SheetCriteria sheet={sheet} choices={choices} notApplicable={notApplicable} onChoose={choose} disabled={!writable} t={t} />

      <SummaryBar
        result={result}
        error={evaluation.isError ? evaluation.error : null}
        retry={() => void evaluation.refetch()}
        updating={updating}
        missing={missing.length}
        onMissing={focusFirstMissing}
        criteria={index.criteria}
        maxPoints={sheet.totalMaxPoints}
        writable={writable}
        saving={autosave.status === 'saving'}
        dirty={dirty}
        saveState={writable && <SaveState autosave={autosave} testId="self-assessment-save-state" />}
        t={t}
      />

      <GapPanel result={result} index={index} t={t} />
    </form>
  );
}
