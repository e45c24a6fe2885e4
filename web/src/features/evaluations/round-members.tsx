/** The council and advisory team of an evaluation round, and its editor for the organising office. */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { ErrorSummary, Notice, useFormErrors } from '../../app/ui.tsx';
import type { EvaluationText } from './evaluations-text.ts';
import { roundKey, type MemberRole, type RoundDetail } from './evaluations.queries.ts';
import { FormActions } from '../../app/form-actions.tsx';

const roleOrder: readonly MemberRole[] = ['chair', 'member', 'advisory'];

export function Members({ round, text }: { round: RoundDetail; text: EvaluationText }) {
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

export function MembersEditor({ round, text, onDone }: { round: RoundDetail; text: EvaluationText; onDone(saved: boolean): void }) {
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
      <FormActions submitLabel={text('members.save')} busy={save.isPending} submitTestId="members-save" onCancel={() => onDone(false)} cancelLabel={text('common.confirmCancel')} />
    </form>
  );
}

