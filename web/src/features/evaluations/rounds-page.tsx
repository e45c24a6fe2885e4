/**
 * The evaluation rounds the user may see (the office's and the ministry's rounds, or those a council or
 * advisory member sits on), and the office's form to open one (QĐ 26/2026 Đ.5).
 */
import './evaluations.css';
import { useState, type FormEvent } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { api } from '../../app/api.ts';
import { formatDate, formatNumber } from '../../app/i18n.tsx';
import { useUser } from '../../app/session.ts';
import { ErrorSummary, Field, PageHeader, Pagination, QueryView, SelectField, TextField, useFormErrors } from '../../app/ui.tsx';
import { RoundStatusBadge } from './entry-parts.tsx';
import { useEvaluationText, type EvaluationText } from './evaluations-text.ts';
import { numberOrUndefined, roundKey, type OpenRoundBody, type RoundStatus } from './evaluations.queries.ts';
import { FormActions } from '../../app/form-actions.tsx';

const route = getRouteApi('/evaluations');
const PAGE_SIZE = 30;
const kinds = ['first', 'second', 'extra', 're_evaluation'] as const;
const statuses: readonly RoundStatus[] = ['open', 'closed', 'decided'];

export function RoundsPage() {
  const text = useEvaluationText();
  const user = useUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const [opening, setOpening] = useState(false);
  const canOpen = user.role === 'province_office' || user.role === 'ministry_officer';
  const list = useQuery({
    queryKey: ['evaluations', 'rounds', search.status, search.year, page],
    queryFn: () => api.get('/api/evaluation-rounds', { query: { status: search.status, year: search.year, page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  const thisYear = new Date().getFullYear();
  const filter = (changes: Partial<typeof search>) => void navigate({ search: (previous) => ({ ...previous, ...changes, page: undefined }) });

  return (
    <section className="stack">
      <PageHeader
        title={text('list.title')}
        actions={
          canOpen &&
          !opening && (
            <button type="button" className="button button-primary" onClick={() => setOpening(true)} data-testid="open-round">
              {text('list.open')}
            </button>
          )
        }
      >
        <p className="lead">{text('list.intro')}</p>
      </PageHeader>

      {opening && <OpenRoundForm level={user.role === 'ministry_officer' ? 'central' : 'province'} text={text} onCancel={() => setOpening(false)} />}

      <div className="toolbar">
        <SelectField
          name="filterStatus"
          label={text('list.status')}
          value={search.status ?? ''}
          placeholder="—"
          options={statuses.map((status) => ({ value: status, label: text(`roundStatus.${status}`) }))}
          onChange={(value) => filter({ status: (value || undefined) as RoundStatus | undefined })}
        />
        <SelectField
          name="filterYear"
          label={text('list.year')}
          value={search.year ? String(search.year) : ''}
          placeholder="—"
          options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((year) => ({ value: String(year), label: String(year) }))}
          onChange={(value) => filter({ year: value ? Number(value) : undefined })}
        />
      </div>

      <QueryView query={list} isEmpty={(data) => data.items.length === 0} empty={text('list.none')}>
        {(data) => (
          <>
            <p className="hint">{text('list.count', { count: formatNumber(data.total) })}</p>
            <ul className="rows" data-testid="rounds">
              {data.items.map((round) => (
                <li key={round.id} className="row" data-testid="round-row" data-round-id={round.id}>
                  <div className="row-main">
                    <Link to="/evaluations/$roundId" params={{ roundId: round.id }} className="row-title">
                      {round.title}
                    </Link>
                    <span className="row-meta">
                      {text(`level.${round.level}`)} · {text(`kind.${round.kind}`)} · {round.year} · {text('list.entries', { count: formatNumber(round.entryCount) })}
                    </span>
                    <span className="row-meta">{text('list.dates', { due: formatDate(round.proposalsDueOn), complete: formatDate(round.completeBy) })}</span>
                  </div>
                  <div className="row-side">
                    <RoundStatusBadge status={round.status} text={text} />
                  </div>
                </li>
              ))}
            </ul>
            <Pagination page={page} pageSize={PAGE_SIZE} total={data.total} onPage={(next) => void navigate({ search: (previous) => ({ ...previous, page: next }) })} />
          </>
        )}
      </QueryView>
    </section>
  );
}

function OpenRoundForm({ level, text, onCancel }: { level: 'province' | 'central'; text: EvaluationText; onCancel(): void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [kind, setKind] = useState<(typeof kinds)[number]>(new Date().getMonth() < 6 ? 'first' : 'second');
  const [title, setTitle] = useState('');
  const [proposalsDueOn, setProposalsDueOn] = useState('');
  const [completeBy, setCompleteBy] = useState('');
  const [maxSpread, setMaxSpread] = useState('10');
  const [quorum, setQuorum] = useState('75');
  const [chairRequired, setChairRequired] = useState(true);
  const open = useMutation({
    mutationFn: (body: OpenRoundBody) => api.post('/api/evaluation-rounds', { body }),
    onSuccess: async (round) => {
      queryClient.setQueryData(roundKey(round.id), round);
      await queryClient.invalidateQueries({ queryKey: ['evaluations', 'rounds'] });
      await navigate({ to: '/evaluations/$roundId', params: { roundId: round.id } });
    },
  });
  const errors = useFormErrors(open.error);
  const shown = ['year', 'kind', 'title', 'proposalsDueOn', 'completeBy', 'maxSpread', 'quorumFraction'];
  const suggestedTitle = text('open.defaultTitle', { kind: text(`kind.${kind}`), year });

  function submit(event: FormEvent) {
    event.preventDefault();
    const quorumPercent = numberOrUndefined(quorum);
    open.mutate({
      level,
      year: Number(year),
      kind,
      title: title.trim() || suggestedTitle,
      ...(proposalsDueOn ? { proposalsDueOn } : {}),
      ...(completeBy ? { completeBy } : {}),
      ...(numberOrUndefined(maxSpread) !== undefined ? { maxSpread: numberOrUndefined(maxSpread) } : {}),
      ...(quorumPercent !== undefined ? { quorumFraction: quorumPercent / 100 } : {}),
      chairRequired,
    });
  }

  return (
    <form className="card form stack-small" onSubmit={submit} noValidate data-testid="open-round-form">
      <h2>{text('open.title')}</h2>
      <ErrorSummary errors={errors} shownFields={shown} />
      <p>
        <strong>{text('open.level')}:</strong> {text(`level.${level}`)}
      </p>
      <div className="toolbar">
        <TextField name="year" label={text('open.year')} value={year} onChange={setYear} inputMode="numeric" required errors={errors?.fields.year} />
        <SelectField
          name="kind"
          label={text('open.kind')}
          value={kind}
          onChange={(value) => setKind(value as (typeof kinds)[number])}
          options={kinds.map((value) => ({ value, label: text(`kind.${value}`) }))}
          required
          errors={errors?.fields.kind}
        />
      </div>
      <TextField name="title" label={text('open.titleField')} value={title} onChange={setTitle} hint={suggestedTitle} maxLength={200} errors={errors?.fields.title} />
      <div className="toolbar">
        <Field name="proposalsDueOn" label={text('open.proposalsDueOn')} errors={errors?.fields.proposalsDueOn} hint={text('open.dates.hint')}>
          {(control) => <input {...control} type="date" value={proposalsDueOn} onChange={(event) => setProposalsDueOn(event.target.value)} />}
        </Field>
        <Field name="completeBy" label={text('open.completeBy')} errors={errors?.fields.completeBy}>
          {(control) => <input {...control} type="date" value={completeBy} onChange={(event) => setCompleteBy(event.target.value)} />}
        </Field>
      </div>
      <div className="toolbar">
        <TextField name="maxSpread" label={text('open.maxSpread')} value={maxSpread} onChange={setMaxSpread} inputMode="numeric" hint={text('open.maxSpread.hint')} errors={errors?.fields.maxSpread} />
        <TextField name="quorumFraction" label={text('open.quorum')} value={quorum} onChange={setQuorum} inputMode="numeric" hint={text('open.quorum.hint')} errors={errors?.fields.quorumFraction} />
      </div>
      <label className="checkbox-row">
        <input type="checkbox" checked={chairRequired} onChange={(event) => setChairRequired(event.target.checked)} data-testid="chair-required" />
        {text('open.chairRequired')}
      </label>
      <FormActions submitLabel={text('open.submit')} busy={open.isPending} submitTestId="open-round-submit" onCancel={onCancel} cancelLabel={text('common.confirmCancel')} />
    </form>
  );
}
