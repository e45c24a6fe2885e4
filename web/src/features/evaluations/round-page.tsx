/**
 * One evaluation round: its dates and council rules, the council and advisory team (editable by the
 * organising office while the round is open), the dossiers with their progress and results, closing the
 * council session, the minutes and draft decision, and recording the decision that issues certificates.
 */
import './evaluations.css';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { can } from '../../app/access.ts';
import { api } from '../../app/api.ts';
import { formatDate, formatNumber, useI18n } from '../../app/i18n.tsx';
import { useUser } from '../../app/session.ts';
import { ErrorSummary, Field, Notice, PageHeader, QueryView, TextField, useFormErrors } from '../../app/ui.tsx';
import { Stars } from '../rule-sets/index.ts';
import { EntryStatusBadge, Progress, RoundStatusBadge } from './entry-parts.tsx';
import { useEvaluationText, type EvaluationText } from './evaluations-text.ts';
import {
  certificatePdfUrl,
  decisionDraftUrl,
  minutesUrl,
  numberOrUndefined,
  roundKey,
  roundQuery,
  todayInVietnam,
  type MemberRole,
  type RoundDetail,
  type RoundEntry,
  type RoundSettingsBody,
} from './evaluations.queries.ts';

const route = getRouteApi('/evaluations/$roundId');

export function RoundPage() {
  const text = useEvaluationText();
  const { roundId } = route.useParams();
  const round = useQuery(roundQuery(roundId));
  return (
    <section className="stack">
      <nav className="breadcrumb" aria-label={text('entry.round')}>
        <ol>
          <li>
            <Link to="/evaluations" search={{}}>
              {text('list.title')}
            </Link>
          </li>
        </ol>
      </nav>
      <QueryView query={round}>{(data) => <RoundView round={data} text={text} />}</QueryView>
    </section>
  );
}

function RoundView({ round, text }: { round: RoundDetail; text: EvaluationText }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editable = round.canManage && round.status === 'open';
  return (
    <>
      <PageHeader
        title={<span data-testid="round-title">{round.title}</span>}
        actions={
          editable &&
          !editing && (
            <button
              type="button"
              className="button"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
              data-testid="edit-round"
            >
              {text('round.edit')}
            </button>
          )
        }
      >
        <p className="lead">
          {text(`level.${round.level}`)} · {text(`kind.${round.kind}`)} · {round.year} <RoundStatusBadge status={round.status} text={text} />
        </p>
      </PageHeader>
      {saved && <Notice testId="round-saved">{text('edit.saved')}</Notice>}
      {editing && editable && (
        <RoundSettingsForm
          round={round}
          text={text}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
          }}
        />
      )}
      <dl className="facts card" data-testid="round-facts">
        <div>
          <dt>{text('round.ruleSet')}</dt>
          <dd>
            <Link to="/rule-sets/$ruleSetId" params={{ ruleSetId: round.ruleSetId }}>
              {round.ruleSetId}
            </Link>
          </dd>
        </div>
        <div>
          <dt>{text('round.proposalsDueOn')}</dt>
          <dd>{formatDate(round.proposalsDueOn)}</dd>
        </div>
        <div>
          <dt>{text('round.completeBy')}</dt>
          <dd>{formatDate(round.completeBy)}</dd>
        </div>
        <div>
          <dt>{text('round.spread')}</dt>
          <dd>{text('round.spread.value', { points: formatNumber(round.maxSpread) })}</dd>
        </div>
        <div>
          <dt>{text('round.quorum')}</dt>
          <dd>{text('round.quorum.value', { percent: formatNumber(round.quorumFraction * 100), chair: round.chairRequired ? text('round.quorum.chair') : '' })}</dd>
        </div>
        {round.sessionHeldOn && (
          <div>
            <dt>{text('round.session')}</dt>
            <dd data-testid="round-session">{text('round.session.value', { date: formatDate(round.sessionHeldOn), place: round.sessionPlace ?? '' })}</dd>
          </div>
        )}
        {round.decision && (
          <div>
            <dt>{text('round.decision')}</dt>
            <dd data-testid="round-decision">
              {text('round.decision.value', {
                number: round.decision.number,
                date: formatDate(round.decision.signedOn),
                signer: [round.decision.signerTitle, round.decision.signerName].filter(Boolean).join(' '),
              })}
            </dd>
          </div>
        )}
      </dl>

      <Members round={round} text={text} />

      <h2>{text('round.entries')}</h2>
      {round.entries.length === 0 ? <p className="empty">{text('round.entries.none')}</p> : <EntriesTable round={round} text={text} t={t} />}

      {round.status !== 'open' && (
        <div className="card stack-small" data-testid="round-documents">
          <h2 className="h3">{text('round.documents')}</h2>
          <ul className="link-list">
            <li>
              <a href={minutesUrl(round.id)} target="_blank" rel="noopener" data-testid="minutes-link">
                {text('round.minutes')}
              </a>
            </li>
            <li>
              <a href={decisionDraftUrl(round.id)} target="_blank" rel="noopener" data-testid="decision-draft-link">
                {text('round.decisionDraft')}
              </a>
            </li>
          </ul>
        </div>
      )}

      {round.status === 'open' && round.canClose && round.entries.some((entry) => entry.status === 'scoring') && <CloseForm round={round} text={text} />}
      {round.status === 'closed' && round.canManage && <DecisionForm round={round} text={text} />}
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// The round's settings (title, dates, the council's scoring rule), while it is open

/** The percentage shown for a quorum fraction (0.667 → "66.7"). */
const percentOf = (fraction: number) => String(Math.round(fraction * 1000) / 10);

function RoundSettingsForm({ round, text, onDone }: { round: RoundDetail; text: EvaluationText; onDone(saved: boolean): void }) {
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(round.title);
  const [proposalsDueOn, setProposalsDueOn] = useState(round.proposalsDueOn);
  const [completeBy, setCompleteBy] = useState(round.completeBy);
  const [maxSpread, setMaxSpread] = useState(String(round.maxSpread));
  const [quorum, setQuorum] = useState(percentOf(round.quorumFraction));
  const [chairRequired, setChairRequired] = useState(round.chairRequired);
  // The server refuses to change the council's rule once a sheet is in; this mirrors it from what the page shows.
  const ruleFrozen = round.entries.some((entry) => entry.progress.submitted > 0 || entry.attempt > 1);
  const save = useMutation({
    mutationFn: (body: RoundSettingsBody) => api.patch('/api/evaluation-rounds/{id}', { path: { id: round.id }, body }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(roundKey(round.id), updated);
      onDone(true);
      await queryClient.invalidateQueries({ queryKey: ['evaluations', 'rounds'] });
    },
  });
  const errors = useFormErrors(save.error);
  const shown = ['title', 'proposalsDueOn', 'completeBy', 'maxSpread', 'quorumFraction'];

  function submit(event: FormEvent) {
    event.preventDefault();
    // Only what was changed is sent: the rest of the round stays as it is.
    const spread = maxSpread === String(round.maxSpread) ? undefined : numberOrUndefined(maxSpread);
    const quorumPercent = quorum === percentOf(round.quorumFraction) ? undefined : numberOrUndefined(quorum);
    save.mutate({
      version: round.version,
      ...(title.trim() !== round.title ? { title: title.trim() } : {}),
      ...(proposalsDueOn && proposalsDueOn !== round.proposalsDueOn ? { proposalsDueOn } : {}),
      ...(completeBy && completeBy !== round.completeBy ? { completeBy } : {}),
      ...(spread !== undefined ? { maxSpread: spread } : {}),
      ...(quorumPercent !== undefined ? { quorumFraction: quorumPercent / 100 } : {}),
      ...(chairRequired !== round.chairRequired ? { chairRequired } : {}),
    });
  }

  return (
    <form className="card form stack-small" onSubmit={submit} noValidate data-testid="round-settings-form">
      <h2>{text('edit.title')}</h2>
      <p className="hint">{text('edit.intro')}</p>
      <ErrorSummary errors={errors} shownFields={shown} />
      <TextField name="title" label={text('open.titleField')} value={title} onChange={setTitle} maxLength={200} required errors={errors?.fields.title} />
      <div className="toolbar">
        <Field name="proposalsDueOn" label={text('open.proposalsDueOn')} errors={errors?.fields.proposalsDueOn}>
          {(control) => <input {...control} type="date" value={proposalsDueOn} onChange={(event) => setProposalsDueOn(event.target.value)} />}
        </Field>
        <Field name="completeBy" label={text('open.completeBy')} errors={errors?.fields.completeBy}>
          {(control) => <input {...control} type="date" value={completeBy} onChange={(event) => setCompleteBy(event.target.value)} />}
        </Field>
      </div>
      {ruleFrozen && <p className="hint" data-testid="rule-frozen">{text('edit.ruleFrozen')}</p>}
      <div className="toolbar">
        <TextField
          name="maxSpread"
          label={text('open.maxSpread')}
          value={maxSpread}
          onChange={setMaxSpread}
          inputMode="numeric"
          hint={text('open.maxSpread.hint')}
          disabled={ruleFrozen}
          errors={errors?.fields.maxSpread}
        />
        <TextField
          name="quorumFraction"
          label={text('open.quorum')}
          value={quorum}
          onChange={setQuorum}
          inputMode="numeric"
          hint={text('open.quorum.hint')}
          disabled={ruleFrozen}
          errors={errors?.fields.quorumFraction}
        />
      </div>
      <label className="checkbox-row">
        <input type="checkbox" checked={chairRequired} disabled={ruleFrozen} onChange={(event) => setChairRequired(event.target.checked)} data-testid="settings-chair-required" />
        {text('open.chairRequired')}
      </label>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending} data-testid="round-settings-submit">
          {text('edit.submit')}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          {text('common.confirmCancel')}
        </button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// Council and advisory team

const roleOrder: readonly MemberRole[] = ['chair', 'member', 'advisory'];

function Members({ round, text }: { round: RoundDetail; text: EvaluationText }) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const members = [...round.members].sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role));
  const editable = round.canManage && round.status === 'open';
  return (
    <section className="stack-small" aria-labelledby="council-heading" data-testid="council">
      <div className="page-header">
        <h2 id="council-heading">{text('round.council')}</h2>
        {editable && !editing && (
          <div className="page-actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
              data-testid="edit-members"
            >
              {text('round.council.edit')}
            </button>
          </div>
        )}
      </div>
      {saved && <Notice testId="members-saved">{text('members.saved')}</Notice>}
      {editing ? (
        <MembersEditor
          round={round}
          text={text}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
          }}
        />
      ) : members.length === 0 ? (
        <p className="empty">{text('round.council.none')}</p>
      ) : (
        <table className="table table-stack" data-testid="members-table">
          <thead>
            <tr>
              <th scope="col">{text('members.person')}</th>
              <th scope="col">{text('members.role')}</th>
              <th scope="col">{text('members.agency')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.userId} data-testid="member-row">
                <th scope="row" data-label={text('members.person')}>
                  {member.displayName} <span className="hint">({member.username})</span>
                </th>
                <td data-label={text('members.role')}>{text(`role.${member.role}`)}</td>
                <td data-label={text('members.agency')}>{member.agency || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

interface Seat {
  key: number;
  userId: string;
  role: MemberRole;
  agency: string;
}

function useAccounts(role: 'council_member' | 'advisory_member', provinceCode: string | null) {
  return useQuery({
    queryKey: ['users', 'list', { role, province: provinceCode, active: 'true', pageSize: 200 }],
    queryFn: () => api.get('/api/users', { query: { role, province: provinceCode ?? undefined, active: 'true', page: 1, pageSize: 200 } }),
  });
}

function MembersEditor({ round, text, onDone }: { round: RoundDetail; text: EvaluationText; onDone(saved: boolean): void }) {
  const queryClient = useQueryClient();
  const council = useAccounts('council_member', round.provinceCode);
  const advisory = useAccounts('advisory_member', round.provinceCode);
  const [seats, setSeats] = useState<Seat[]>(() => round.members.map((m, index) => ({ key: index, userId: m.userId, role: m.role, agency: m.agency })));
  const [nextKey, setNextKey] = useState(round.members.length);
  const save = useMutation({
    mutationFn: () =>
      api.put('/api/evaluation-rounds/{id}/members', {
        path: { id: round.id },
        body: { version: round.version, members: seats.filter((s) => s.userId).map(({ userId, role, agency }) => ({ userId, role, agency: agency.trim() })) },
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(roundKey(round.id), updated);
      onDone(true);
    },
  });
  const errors = useFormErrors(save.error);
  const names = new Map(round.members.map((m) => [m.userId, `${m.displayName} (${m.username})`]));
  for (const user of [...(council.data?.items ?? []), ...(advisory.data?.items ?? [])]) names.set(user.id, `${user.displayName} (${user.username})`);

  const update = (key: number, changes: Partial<Seat>) => setSeats((previous) => previous.map((seat) => (seat.key === key ? { ...seat, ...changes } : seat)));
  const add = (role: MemberRole) => {
    setSeats((previous) => [...previous, { key: nextKey, userId: '', role, agency: '' }]);
    setNextKey(nextKey + 1);
  };
  const optionsFor = (seat: Seat) => {
    const pool = seat.role === 'advisory' ? advisory.data?.items : council.data?.items;
    const taken = new Set(seats.filter((s) => s.key !== seat.key).map((s) => s.userId));
    const ids = new Set((pool ?? []).map((user) => user.id).filter((id) => !taken.has(id)));
    if (seat.userId) ids.add(seat.userId);
    return [...ids].map((id) => ({ value: id, label: names.get(id) ?? id }));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form className="card form stack-small members-editor" onSubmit={submit} noValidate data-testid="members-form">
      <p className="hint">{text('members.hint')}</p>
      <ErrorSummary errors={errors} shownFields={seats.map((_, index) => `members.${index}.userId`)} />
      {(council.isError || advisory.isError) && <p className="alert alert-error">{text('members.noAccounts')}</p>}
      <div className="table-wrap">
        <table className="table table-stack">
          <thead>
            <tr>
              <th scope="col">{text('members.role')}</th>
              <th scope="col">{text('members.person')}</th>
              <th scope="col">{text('members.agency')}</th>
              <th scope="col">
                <span className="visually-hidden">{text('members.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {seats.map((seat, index) => {
              const issue = errors?.fields[`members.${index}.userId`];
              return (
                <tr key={seat.key} data-testid={`seat-${index}`}>
                  <td data-label={text('members.role')}>
                    <select
                      aria-label={`${text('members.role')} ${index + 1}`}
                      value={seat.role}
                      onChange={(event) => update(seat.key, { role: event.target.value as MemberRole, ...(event.target.value === 'advisory' || seat.role === 'advisory' ? { userId: '' } : {}) })}
                      data-testid={`seat-role-${index}`}
                    >
                      {roleOrder.map((role) => (
                        <option key={role} value={role}>
                          {text(`role.${role}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td data-label={text('members.person')}>
                    <select
                      aria-label={`${text('members.person')} ${index + 1}`}
                      aria-invalid={issue ? true : undefined}
                      value={seat.userId}
                      onChange={(event) => update(seat.key, { userId: event.target.value })}
                      data-testid={`seat-user-${index}`}
                    >
                      <option value="">{text('members.choose')}</option>
                      {optionsFor(seat).map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                    {issue && (
                      <p className="field-error" data-testid={`error-seat-${index}`}>
                        {issue.join(' ')}
                      </p>
                    )}
                  </td>
                  <td data-label={text('members.agency')}>
                    <input
                      aria-label={`${text('members.agency')} ${index + 1}`}
                      value={seat.agency}
                      maxLength={200}
                      onChange={(event) => update(seat.key, { agency: event.target.value })}
                      data-testid={`seat-agency-${index}`}
                    />
                  </td>
                  <td>
                    <button type="button" className="button button-small button-ghost" onClick={() => setSeats((previous) => previous.filter((s) => s.key !== seat.key))}>
                      {text('members.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="form-actions">
        <button type="button" className="button button-small" onClick={() => add(seats.some((s) => s.role === 'chair') ? 'member' : 'chair')} data-testid="add-council-seat">
          {text('members.addCouncil')}
        </button>
        <button type="button" className="button button-small" onClick={() => add('advisory')} data-testid="add-advisory-seat">
          {text('members.addAdvisory')}
        </button>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending} data-testid="members-save">
          {text('members.save')}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          {text('common.confirmCancel')}
        </button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// Entries

function EntryResult({ entry, text, t }: { entry: RoundEntry; text: EvaluationText; t: ReturnType<typeof useI18n>['t'] }) {
  if (entry.averageTotal === null && !entry.outcome) return <>—</>;
  return (
    <span data-testid="entry-result">
      {entry.averageTotal !== null && <strong>{text('result.points', { points: formatNumber(entry.averageTotal) })}</strong>}
      {entry.stars ? (
        <>
          {' '}
          <Stars count={entry.stars} t={t} />
        </>
      ) : null}
      {entry.outcome && <span className="block hint">{text(`outcome.${entry.outcome}`)}</span>}
    </span>
  );
}

function EntriesTable({ round, text, t }: { round: RoundDetail; text: EvaluationText; t: ReturnType<typeof useI18n>['t'] }) {
  const canSeeCertificates = can(useUser(), 'certificates');
  return (
    <table className="table table-stack" data-testid="entries-table">
      <thead>
        <tr>
          <th scope="col">{text('table.product')}</th>
          <th scope="col">{text('table.status')}</th>
          <th scope="col">{text('table.progress')}</th>
          <th scope="col">{text('table.result')}</th>
          <th scope="col">{text('table.certificate')}</th>
        </tr>
      </thead>
      <tbody>
        {round.entries.map((entry) => (
          <tr key={entry.id} data-testid="entry-row" data-entry-id={entry.id}>
            <th scope="row" data-label={text('table.product')}>
              <Link to="/evaluations/entries/$entryId" params={{ entryId: entry.id }} data-testid="entry-link">
                {entry.productName}
              </Link>
              <span className="block hint">
                {entry.producerName}
                {entry.communeName ? ` · ${entry.communeName}` : ''} · {text('entry.productSet')} {entry.productSetNumber}
              </span>
            </th>
            <td data-label={text('table.status')}>
              <EntryStatusBadge status={entry.status} text={text} />
            </td>
            <td data-label={text('table.progress')}>
              <Progress entry={entry} text={text} />
            </td>
            <td data-label={text('table.result')}>
              <EntryResult entry={entry} text={text} t={t} />
            </td>
            <td data-label={text('table.certificate')}>
              {entry.certificate ? (
                <span data-testid="entry-certificate">
                  {canSeeCertificates ? (
                    <Link to="/certificates/$certificateId" params={{ certificateId: entry.certificate.id }} search={{}} data-testid="certificate-link">
                      {entry.certificate.number}
                    </Link>
                  ) : (
                    entry.certificate.number
                  )}{' '}
                  <Stars count={entry.certificate.stars} t={t} />
                  <span className="block hint">
                    <a href={certificatePdfUrl(entry.certificate.id)} target="_blank" rel="noopener">
                      PDF
                    </a>{' '}
                    · {text('certificate.validUntil', { date: formatDate(entry.certificate.expiresOn) })}
                  </span>
                </span>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// ---------------------------------------------------------------------------------------------
// Closing the session, recording the decision

function CloseForm({ round, text }: { round: RoundDetail; text: EvaluationText }) {
  const queryClient = useQueryClient();
  const [date, setDate] = useState(todayInVietnam);
  const [place, setPlace] = useState('');
  const [confirming, setConfirming] = useState(false);
  const close = useMutation({
    mutationFn: () => api.post('/api/evaluation-rounds/{id}/close', { path: { id: round.id }, body: { version: round.version, sessionHeldOn: date, sessionPlace: place } }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(roundKey(round.id), updated);
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: ['evaluations', 'entry'] });
      await queryClient.invalidateQueries({ queryKey: ['evaluations', 'rounds'] });
    },
    onError: () => setConfirming(false),
  });
  const errors = useFormErrors(close.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    setConfirming(true);
  }
  return (
    <form className="card form stack-small" onSubmit={submit} noValidate data-testid="close-form">
      <h2>{text('close.title')}</h2>
      <p className="hint">{text('close.intro')}</p>
      <ErrorSummary errors={errors} shownFields={['sessionHeldOn', 'sessionPlace']} />
      <div className="toolbar">
        <Field name="sessionHeldOn" label={text('close.date')} errors={errors?.fields.sessionHeldOn} required>
          {(control) => <input {...control} type="date" value={date} onChange={(event) => setDate(event.target.value)} />}
        </Field>
        <TextField name="sessionPlace" label={text('close.place')} value={place} onChange={setPlace} hint={text('close.place.hint')} errors={errors?.fields.sessionPlace} required maxLength={300} />
      </div>
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-label={text('close.title')}>
          <p>{text('close.confirm')}</p>
          <div className="form-actions">
            <button type="button" className="button button-primary" disabled={close.isPending} onClick={() => close.mutate()} data-testid="close-confirm">
              {text('close.submit')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {text('common.confirmCancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <button type="submit" className="button button-primary" data-testid="close-submit">
            {text('close.submit')}
          </button>
        </div>
      )}
    </form>
  );
}

function DecisionForm({ round, text }: { round: RoundDetail; text: EvaluationText }) {
  const queryClient = useQueryClient();
  const [number, setNumber] = useState('');
  const [signedOn, setSignedOn] = useState(todayInVietnam);
  const [signerName, setSignerName] = useState('');
  const [signerTitle, setSignerTitle] = useState('');
  const decide = useMutation({
    mutationFn: () => api.post('/api/evaluation-rounds/{id}/decision', { path: { id: round.id }, body: { version: round.version, number, signedOn, signerName, signerTitle } }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(roundKey(round.id), updated);
      await queryClient.invalidateQueries({ queryKey: ['evaluations', 'entry'] });
      await queryClient.invalidateQueries({ queryKey: ['evaluations', 'rounds'] });
    },
  });
  const errors = useFormErrors(decide.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    decide.mutate();
  }
  return (
    <form className="card form stack-small" onSubmit={submit} noValidate data-testid="decision-form">
      <h2>{text('decision.title')}</h2>
      <p className="hint">{text('decision.intro')}</p>
      <ErrorSummary errors={errors} shownFields={['number', 'signedOn', 'signerName', 'signerTitle']} />
      <div className="toolbar">
        <TextField name="number" label={text('decision.number')} value={number} onChange={setNumber} errors={errors?.fields.number} required maxLength={60} />
        <Field name="signedOn" label={text('decision.signedOn')} errors={errors?.fields.signedOn} required>
          {(control) => <input {...control} type="date" value={signedOn} onChange={(event) => setSignedOn(event.target.value)} />}
        </Field>
      </div>
      <div className="toolbar">
        <TextField name="signerName" label={text('decision.signerName')} value={signerName} onChange={setSignerName} errors={errors?.fields.signerName} required maxLength={200} />
        <TextField name="signerTitle" label={text('decision.signerTitle')} value={signerTitle} onChange={setSignerTitle} errors={errors?.fields.signerTitle} maxLength={200} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={decide.isPending} data-testid="decision-submit">
          {text('decision.submit')}
        </button>
      </div>
    </form>
  );
}
