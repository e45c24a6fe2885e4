/**
 * One dossier in a round: its summary, the advisory team's work (review, site visit, lab tests,
 * supplements, report), opening the scoring, a member's conflict-of-interest declaration, the member's
 * own score sheet, the sheets the user may see, the frozen result after the session, and the history.
 */
import './evaluations.css';
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { can } from '../../app/access.ts';
import { api, errorMessage } from '../../app/api.ts';
import { formatDate, formatDateTime, formatNumber, useI18n, type Translate } from '../../app/i18n.tsx';
import { useUser } from '../../app/session.ts';
import { ErrorSummary, Field, LoadError, Loading, Notice, PageHeader, SelectField, useFormErrors } from '../../app/ui.tsx';
import { Stars, partLabel } from '../rule-sets/index.ts';
import { EntryStatusBadge, Progress } from './entry-parts.tsx';
import { useEvaluationText, type EvaluationText, type EvaluationTextKey } from './evaluations-text.ts';
import {
  advisoryActions,
  entryKey,
  entryQuery,
  roundKey,
  roundQuery,
  todayInVietnam,
  type AdvisoryAction,
  type EntryDetail,
  type RoundDetail,
} from './evaluations.queries.ts';
import { ScoreSection, type RescoreNotice } from './score-form.tsx';
import { FormActions } from '../../app/form-actions.tsx';

const route = getRouteApi('/evaluations/entries/$entryId');

export function EntryPage() {
  const text = useEvaluationText();
  const { entryId } = route.useParams();
  const entry = useQuery({ ...entryQuery(entryId), refetchOnMount: 'always' });
  const round = useQuery({ ...roundQuery(entry.data?.roundId ?? ''), enabled: !!entry.data });
  if (entry.isError) return <LoadError error={entry.error} retry={() => void entry.refetch()} />;
  if (round.isError) return <LoadError error={round.error} retry={() => void round.refetch()} />;
  if (!entry.data || !round.data) return <Loading />;
  return <EntryView key={entry.data.id} entry={entry.data} round={round.data} text={text} />;
}

const isOpenForWork = (status: EntryDetail['status']) => status === 'reviewing' || status === 'supplement_requested';

function EntryView({ entry, round, text }: { entry: EntryDetail; round: RoundDetail; text: EvaluationText }) {
  const { t } = useI18n();
  const user = useUser();
  const [rescore, setRescore] = useState<RescoreNotice | null>(null);
  const council = round.myRole === 'chair' || round.myRole === 'member';
  const canAdvise = round.myRole === 'advisory' || round.canManage;
  const canOpenScoring = round.myRole === 'chair' || round.canManage;
  const lastRescore = [...entry.events].reverse().find((event) => event.action === 'rescore_ordered');
  // The member who completed the attempt is at the bottom of the sheet: bring the re-score notice into view.
  useEffect(() => {
    if (rescore) document.querySelector('[data-testid="rescore-ordered"]')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [rescore]);

  return (
    <section className="stack entry-page">
      <nav className="breadcrumb" aria-label={text('entry.round')}>
        <ol>
          <li>
            <Link to="/evaluations" search={{}}>
              {text('list.title')}
            </Link>
          </li>
          <li>
            <Link to="/evaluations/$roundId" params={{ roundId: round.id }} data-testid="entry-round-link">
              {round.title}
            </Link>
          </li>
        </ol>
      </nav>
      <PageHeader title={<span data-testid="entry-title">{entry.productName}</span>}>
        <p className="lead">
          {entry.producerName} <EntryStatusBadge status={entry.status} text={text} />
        </p>
      </PageHeader>

      <dl className="facts card" data-testid="entry-facts">
        <div>
          <dt>{text('entry.producer')}</dt>
          <dd>{entry.producerName}</dd>
        </div>
        <div>
          <dt>{text('entry.commune')}</dt>
          <dd>{entry.communeName ?? entry.communeCode}</dd>
        </div>
        <div>
          <dt>{text('entry.productSet')}</dt>
          <dd>
            <Link to="/rule-sets/$ruleSetId/sheets/$productSet" params={{ ruleSetId: round.ruleSetId, productSet: String(entry.productSetNumber) }}>
              {t('ruleSets.sheet.short', { number: entry.productSetNumber })} ({round.ruleSetId})
            </Link>
          </dd>
        </div>
        <div>
          <dt>{text('entry.dossierType')}</dt>
          <dd>{text(`dossierType.${entry.dossierType}`)}</dd>
        </div>
        {entry.productCode && (
          <div>
            <dt>{text('entry.productCode')}</dt>
            <dd>{entry.productCode}</dd>
          </div>
        )}
        <div>
          <dt>{text('entry.joinedOn')}</dt>
          <dd>{formatDate(entry.joinedOn)}</dd>
        </div>
        <div>
          <dt>{text('entry.dueOn')}</dt>
          <dd>{formatDate(entry.dueOn ?? round.completeBy)}</dd>
        </div>
        {entry.certificate && (
          <div>
            <dt>{text('table.certificate')}</dt>
            <dd data-testid="entry-certificate">
              {can(user, 'certificates') ? (
                <Link to="/certificates/$certificateId" params={{ certificateId: entry.certificate.id }} search={{}}>
                  {entry.certificate.number}
                </Link>
              ) : (
                entry.certificate.number
              )}{' '}
              <Stars count={entry.certificate.stars} t={t} /> · {text('certificate.validUntil', { date: formatDate(entry.certificate.expiresOn) })}
            </dd>
          </div>
        )}
        <div>
          <dt>{text('table.progress')}</dt>
          <dd>
            <Progress entry={entry} text={text} />
          </dd>
        </div>
      </dl>
      {can(user, 'readDossier') && (
        <p>
          <Link to="/dossiers/$dossierId" params={{ dossierId: entry.dossierId }} data-testid="entry-dossier-link">
            {text('entry.dossier')}
          </Link>
        </p>
      )}

      {entry.advisoryReport && (
        <div className="card stack-small" data-testid="advisory-report">
          <h2 className="h3">{text('entry.advisoryReport')}</h2>
          <p className="prewrap">{entry.advisoryReport}</p>
        </div>
      )}

      {canAdvise && isOpenForWork(entry.status) && <AdvisoryForm entry={entry} text={text} />}
      {canOpenScoring && entry.status === 'reviewing' && <OpenScoring entry={entry} text={text} />}

      {rescore && (
        <div className="alert alert-info score-notice" role="status" data-testid="rescore-ordered">
          <p className="alert-title">{text('score.rescore.title', { attempt: rescore.attempt })}</p>
          <p>
            {text('score.rescoreOrdered', {
              pair: namesOf(rescore.pair, entry).join(' – '),
              gap: formatNumber(rescore.largest),
              limit: formatNumber(rescore.limit),
              attempt: rescore.attempt,
            })}
          </p>
        </div>
      )}
      {!rescore && entry.status === 'scoring' && entry.attempt > 1 && lastRescore && <RescoreBanner event={lastRescore} entry={entry} text={text} />}

      {council && entry.myConflict && <Notice testId="conflict-declared">{text('conflict.done')}</Notice>}
      {council && !entry.myConflict && entry.status === 'scoring' && (
        <div id="my-score">
          <ScoreSection entry={entry} text={text} onRescoreOrdered={setRescore} />
        </div>
      )}
      {council && !entry.myConflict && (isOpenForWork(entry.status) || entry.status === 'scoring') && entry.myScoreStatus !== 'submitted' && (
        <ConflictForm entry={entry} text={text} />
      )}

      {entry.result ? <ResultPanel entry={entry} text={text} t={t} /> : null}
      {round.canManage && round.level === 'province' && entry.status === 'decided' && entry.outcome === 'proposed_to_central' && (
        <RecogniseFromCentral entry={entry} text={text} />
      )}
      <Sheets entry={entry} council={council} text={text} />
      <Events entry={entry} text={text} />
    </section>
  );
}

/** Member ids to names, from the entry's progress (the council of the round). */
function namesOf(ids: readonly string[], entry: EntryDetail): string[] {
  const names = new Map(entry.progress.expected.map((member) => [member.userId, member.displayName]));
  return ids.map((id) => names.get(id) ?? id);
}

function RescoreBanner({ event, entry, text }: { event: EntryDetail['events'][number]; entry: EntryDetail; text: EvaluationText }) {
  const details = (event.details ?? {}) as { limit?: number; largest?: number; pair?: string[] };
  return (
    <div className="alert alert-info score-notice" role="status" data-testid="rescore-notice">
      <p className="alert-title">{text('score.rescore.title', { attempt: entry.attempt })}</p>
      <p>
        {details.pair && details.largest !== undefined && details.limit !== undefined
          ? text('score.rescore.text', { pair: namesOf(details.pair, entry).join(' – '), gap: formatNumber(details.largest), limit: formatNumber(details.limit) })
          : event.note}
      </p>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Acts on the entry

function useEntryAct<T>(entry: EntryDetail, act: (input: T) => Promise<EntryDetail | unknown>, onDone?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: act,
    onSuccess: async (answer) => {
      if (answer && typeof answer === 'object' && 'events' in answer) queryClient.setQueryData(entryKey(entry.id), answer as EntryDetail);
      onDone?.();
      await Promise.all([queryClient.invalidateQueries({ queryKey: entryKey(entry.id) }), queryClient.invalidateQueries({ queryKey: roundKey(entry.roundId) })]);
    },
  });
}

function AdvisoryForm({ entry, text }: { entry: EntryDetail; text: EvaluationText }) {
  const allowed = advisoryActions.filter((action) =>
    entry.status === 'supplement_requested' ? action !== 'supplement_requested' && action !== 'advisory_report' : action !== 'supplement_received',
  );
  const [action, setAction] = useState<AdvisoryAction>(allowed[0]!);
  const [note, setNote] = useState('');
  const [happenedOn, setHappenedOn] = useState(todayInVietnam);
  const [done, setDone] = useState(false);
  const record = useEntryAct(
    entry,
    () => api.post('/api/round-entries/{id}/advisory', { path: { id: entry.id }, body: { action, note, happenedOn, version: entry.version } }),
    () => {
      setNote('');
      setHappenedOn(todayInVietnam());
      setDone(true);
    },
  );
  const errors = useFormErrors(record.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    record.mutate(undefined);
  }
  return (
    <form className="card form stack-small" onSubmit={submit} noValidate data-testid="advisory-form">
      <h2>{text('advisory.title')}</h2>
      {done && <Notice testId="advisory-saved">{text('advisory.saved')}</Notice>}
      <ErrorSummary errors={errors} shownFields={['action', 'note', 'happenedOn']} />
      <div className="toolbar">
        <SelectField
          name="action"
          label={text('advisory.action')}
          value={action}
          onChange={(value) => setAction(value as AdvisoryAction)}
          options={allowed.map((value) => ({ value, label: text(`action.${value}`) }))}
          required
          errors={errors?.fields.action}
        />
        <Field name="happenedOn" label={text('advisory.happenedOn')} errors={errors?.fields.happenedOn}>
          {(control) => <input {...control} type="date" value={happenedOn} onChange={(event) => setHappenedOn(event.target.value)} />}
        </Field>
      </div>
      <Field name="note" label={text('advisory.note')} errors={errors?.fields.note} required>
        {(control) => <textarea {...control} rows={3} maxLength={5000} value={note} onChange={(event) => setNote(event.target.value)} />}
      </Field>
      <FormActions submitLabel={text('advisory.submit')} busy={record.isPending} submitTestId="advisory-submit" />
    </form>
  );
}

function OpenScoring({ entry, text }: { entry: EntryDetail; text: EvaluationText }) {
  const { locale } = useI18n();
  const open = useEntryAct(entry, () => api.post('/api/round-entries/{id}/open-scoring', { path: { id: entry.id }, body: { version: entry.version } }));
  return (
    <div className="card stack-small" data-testid="open-scoring">
      <h2 className="h3">{text('openScoring.title')}</h2>
      <p className="hint">{entry.advisoryReport ? text('openScoring.hint') : text('openScoring.needReport')}</p>
      {open.isError && (
        <p className="alert alert-error" role="alert">
          {errorMessage(open.error, locale)}
        </p>
      )}
      <div>
        <button type="button" className="button button-primary" disabled={open.isPending || !entry.advisoryReport} onClick={() => open.mutate(undefined)} data-testid="open-scoring-submit">
          {text('openScoring.submit')}
        </button>
      </div>
    </div>
  );
}

function ConflictForm({ entry, text }: { entry: EntryDetail; text: EvaluationText }) {
  const [reason, setReason] = useState('');
  const declare = useEntryAct(entry, () => api.post('/api/round-entries/{id}/conflict', { path: { id: entry.id }, body: { reason } }));
  const errors = useFormErrors(declare.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    declare.mutate(undefined);
  }
  return (
    <details className="card" data-testid="conflict">
      <summary>{text('conflict.title')}</summary>
      <form className="form stack-small details-body" onSubmit={submit} noValidate>
        <p className="hint">{text('conflict.hint')}</p>
        <ErrorSummary errors={errors} shownFields={['reason']} />
        <Field name="reason" label={text('conflict.reason')} errors={errors?.fields.reason} required>
          {(control) => <textarea {...control} rows={2} maxLength={1000} value={reason} onChange={(event) => setReason(event.target.value)} />}
        </Field>
        <FormActions submitLabel={text('conflict.submit')} busy={declare.isPending} submitTestId="conflict-submit" tone="danger" />
      </form>
    </details>
  );
}

function RecogniseFromCentral({ entry, text }: { entry: EntryDetail; text: EvaluationText }) {
  const [decisionNumber, setDecisionNumber] = useState('');
  const [signedOn, setSignedOn] = useState(todayInVietnam);
  const recognise = useEntryAct(entry, () =>
    api.post('/api/round-entries/{id}/recognise-from-central', { path: { id: entry.id }, body: { version: entry.version, decisionNumber, signedOn } }),
  );
  const errors = useFormErrors(recognise.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    recognise.mutate(undefined);
  }
  return (
    <details className="card" data-testid="recognise-from-central">
      <summary>{text('central.title')}</summary>
      <form className="form stack-small details-body" onSubmit={submit} noValidate>
        <p className="hint">{text('central.hint')}</p>
        <ErrorSummary errors={errors} shownFields={['decisionNumber', 'signedOn']} />
        <div className="toolbar">
          <Field name="decisionNumber" label={text('central.decisionNumber')} errors={errors?.fields.decisionNumber} required>
            {(control) => <input {...control} maxLength={60} value={decisionNumber} onChange={(event) => setDecisionNumber(event.target.value)} />}
          </Field>
          <Field name="signedOn" label={text('central.signedOn')} errors={errors?.fields.signedOn} required>
            {(control) => <input {...control} type="date" value={signedOn} onChange={(event) => setSignedOn(event.target.value)} />}
          </Field>
        </div>
        <FormActions submitLabel={text('central.submit')} busy={recognise.isPending} submitTestId="recognise-submit" />
      </form>
    </details>
  );
}

// ---------------------------------------------------------------------------------------------
// What was scored and decided

interface FrozenResult {
  status: string;
  average: { parts: Record<string, { display: string; value: number }>; total: { display: string; value: number } };
  starOutcome: { bandStars: number; stars: number; cappedBy: Array<{ criterion: string; marker: number }> };
  stars: number | null;
  quorum: { councilSize: number; present: number; required: number; met: boolean };
  spread: { limit: number; largest: number };
}

function ResultPanel({ entry, text, t }: { entry: EntryDetail; text: EvaluationText; t: Translate }) {
  const result = entry.result as FrozenResult;
  const capped = result.starOutcome.stars < result.starOutcome.bandStars;
  const cappingCodes = [...new Set(result.starOutcome.cappedBy.map((marker) => marker.criterion))];
  return (
    <section className="card stack-small" aria-labelledby="result-heading" data-testid="result">
      <h2 id="result-heading">{text('result.title')}</h2>
      <dl className="facts">
        {(['A', 'B', 'C'] as const).map((part) => (
          <div key={part}>
            <dt>{partLabel(t, part)}</dt>
            <dd data-testid={`result-part-${part}`}>{result.average.parts[part] ? formatNumber(result.average.parts[part].value) : '—'}</dd>
          </div>
        ))}
        <div>
          <dt>{text('result.total')}</dt>
          <dd className="result-total" data-testid="result-total">
            {formatNumber(result.average.total.value)}
          </dd>
        </div>
        <div>
          <dt>{text('result.stars')}</dt>
          <dd data-testid="result-stars">
            {entry.outcome === 'proposed_to_central' ? text('result.toMinistry') : result.stars ? <Stars count={result.stars} t={t} /> : text('result.noStars')}
          </dd>
        </div>
        <div>
          <dt>{text('result.outcome')}</dt>
          <dd data-testid="result-outcome">{entry.outcome ? text(`outcome.${entry.outcome}`) : '—'}</dd>
        </div>
      </dl>
      {capped && (
        <p className="summary-cap" data-testid="result-capped">
          {text('result.capped', { band: result.starOutcome.bandStars, stars: result.starOutcome.stars, criteria: cappingCodes.join(', ') })}
        </p>
      )}
      <p className="hint">
        {text('result.quorum', { present: result.quorum.present, size: result.quorum.councilSize, required: result.quorum.required })} ·{' '}
        {text('result.spread', { largest: formatNumber(result.spread.largest), limit: formatNumber(result.spread.limit) })}
      </p>
    </section>
  );
}

function Sheets({ entry, council, text }: { entry: EntryDetail; council: boolean; text: EvaluationText }) {
  if (entry.sheets.length === 0) {
    return council && entry.status === 'scoring' ? <p className="hint">{text('sheets.hidden')}</p> : null;
  }
  const sheets = [...entry.sheets].sort((a, b) => a.attempt - b.attempt || a.displayName.localeCompare(b.displayName, 'vi'));
  return (
    <section className="stack-small" aria-labelledby="sheets-heading">
      <h2 id="sheets-heading">{text('sheets.title')}</h2>
      <table className="table table-stack" data-testid="sheets-table">
        <thead>
          <tr>
            <th scope="col">{text('sheets.member')}</th>
            <th scope="col">{text('sheets.attempt')}</th>
            <th scope="col">A</th>
            <th scope="col">B</th>
            <th scope="col">C</th>
            <th scope="col">{text('sheets.total')}</th>
            <th scope="col">{text('sheets.submittedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {sheets.map((sheet) => (
            <tr key={`${sheet.memberUserId}-${sheet.attempt}`} data-testid="sheet-row">
              <th scope="row" data-label={text('sheets.member')}>
                {sheet.displayName}
                {sheet.comment && <span className="block hint prewrap">{sheet.comment}</span>}
              </th>
              <td data-label={text('sheets.attempt')}>{sheet.attempt}</td>
              <td data-label="A">{sheet.parts ? formatNumber(sheet.parts.A) : '—'}</td>
              <td data-label="B">{sheet.parts ? formatNumber(sheet.parts.B) : '—'}</td>
              <td data-label="C">{sheet.parts ? formatNumber(sheet.parts.C) : '—'}</td>
              <td data-label={text('sheets.total')}>
                <strong>{sheet.total === null ? '—' : formatNumber(sheet.total)}</strong>
              </td>
              <td data-label={text('sheets.submittedAt')}>{formatDateTime(sheet.submittedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Events({ entry, text }: { entry: EntryDetail; text: EvaluationText }) {
  const events = [...entry.events].reverse();
  return (
    <section className="card stack-small" aria-labelledby="events-heading">
      <h2 id="events-heading">{text('events.title')}</h2>
      {events.length === 0 ? (
        <p className="empty">{text('events.none')}</p>
      ) : (
        <ul className="events" data-testid="events">
          {events.map((event, index) => {
            const key = `event.${event.action}` as EvaluationTextKey;
            const label = text(key);
            return (
              <li key={index} data-testid="event" data-action={event.action}>
                <strong>{label === key ? event.action : label}</strong>
                <span className="hint">
                  {' '}
                  · {event.happenedOn ? formatDate(event.happenedOn) : formatDateTime(event.occurredAt)}
                  {event.actorName ? ` · ${event.actorName}` : ''}
                </span>
                {event.note && <p className="prewrap">{event.note}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
