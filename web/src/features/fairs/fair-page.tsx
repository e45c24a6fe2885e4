import '../training/programme.css';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { can } from '../../app/access.ts';
import { api, type Schemas } from '../../app/api.ts';
import { formatDate, formatNumber } from '../../app/i18n.tsx';
import { useUser } from '../../app/session.ts';
import { Empty, ErrorSummary, LoadError, Loading, PageHeader, TextField, useFormErrors } from '../../app/ui.tsx';
import { ProducerPicker } from '../producers/index.ts';
import { useProgrammeText, type ProgrammeText } from '../training/index.ts';
import { FormActions } from '../../app/form-actions.tsx';

const route = getRouteApi('/fairs/$fairId');
type FairDetail = Schemas['FairDetail'];
type FairParticipant = Schemas['FairParticipant'];

const splitProducts = (value: string) => value.split(';').map((s) => s.trim()).filter(Boolean);

export function FairPage() {
  const text = useProgrammeText();
  const user = useUser();
  const { fairId } = route.useParams();
  const fair = useQuery({ queryKey: ['fairs', 'one', fairId], queryFn: () => api.get('/api/fairs/{id}', { path: { id: fairId } }) });
  if (fair.isPending) return <Loading />;
  if (fair.isError) return <LoadError error={fair.error} retry={() => void fair.refetch()} />;
  const f = fair.data;
  const manage = can(user, 'manageProgramme');
  return (
    <section className="stack">
      <p>
        <Link to="/fairs" search={{}}>{text('common.back')}</Link>
      </p>
      <PageHeader title={<span data-testid="fair-name">{f.name}</span>}>
        <p className="lead">
          {text(`scope.${f.scope}`)} · {formatDate(f.startsOn)} – {formatDate(f.endsOn)} · {f.place}
        </p>
      </PageHeader>
      <p data-testid="fair-totals">
        {text('fairs.total', { participants: formatNumber(f.participantCount), visitors: formatNumber(f.totalVisitors), revenue: formatNumber(f.totalRevenueVnd) })}
      </p>
      {f.participants.length === 0 ? (
        <Empty>{text('common.none')}</Empty>
      ) : (
        <table className="table table-stack" data-testid="fair-participants">
          <thead>
            <tr>
              <th scope="col">{text('participants.producer')}</th>
              <th scope="col">{text('plans.product')}</th>
              <th scope="col">{text('fairs.booth')}</th>
              <th scope="col">{text('fairs.visitors')}</th>
              <th scope="col">{text('fairs.revenue')}</th>
            </tr>
          </thead>
          <tbody>
            {f.participants.map((p) => (
              <ParticipantRow key={p.id} fair={f} participant={p} manage={manage} text={text} />
            ))}
          </tbody>
        </table>
      )}
      {manage && <AddParticipant fair={f} text={text} />}
    </section>
  );
}

function ParticipantRow({ fair, participant, manage, text }: { fair: FairDetail; participant: FairParticipant; manage: boolean; text: ProgrammeText }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [visitors, setVisitors] = useState(participant.visitors === null ? '' : String(participant.visitors));
  const [revenue, setRevenue] = useState(participant.salesRevenueVnd === null ? '' : String(participant.salesRevenueVnd));
  const save = useMutation({
    mutationFn: () =>
      api.patch('/api/fairs/{id}/participants/{participantId}', {
        path: { id: fair.id, participantId: participant.id },
        body: { version: participant.version, visitors: visitors === '' ? null : visitors, salesRevenueVnd: revenue === '' ? null : revenue },
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['fairs', 'one', fair.id], updated);
      setEditing(false);
    },
  });
  const errors = useFormErrors(save.error);
  return (
    <tr data-testid="fair-participant">
      <td data-label={text('participants.producer')}>{participant.producerName}</td>
      <td data-label={text('plans.product')}>{participant.productNames.join('; ') || '—'}</td>
      <td data-label={text('fairs.booth')}>{participant.booth ?? '—'}</td>
      {editing ? (
        <td colSpan={2}>
          <div className="programme-grid">
            <TextField name="visitors" label={text('fairs.visitors')} value={visitors} onChange={setVisitors} inputMode="numeric" errors={errors?.fields.visitors} />
            <TextField name="salesRevenueVnd" label={text('fairs.revenue')} value={revenue} onChange={setRevenue} errors={errors?.fields.salesRevenueVnd} />
            <button type="button" className="button button-primary" onClick={() => save.mutate()} disabled={save.isPending}>
              {text('common.save')}
            </button>
          </div>
          <ErrorSummary errors={errors} shownFields={['visitors', 'salesRevenueVnd']} />
        </td>
      ) : (
        <>
          <td data-label={text('fairs.visitors')} className="programme-number">
            {participant.visitors === null ? '—' : formatNumber(participant.visitors)}
          </td>
          <td data-label={text('fairs.revenue')} className="programme-number">
            {participant.salesRevenueVnd === null ? '—' : formatNumber(participant.salesRevenueVnd)}{' '}
            {manage && (
              <button type="button" className="link-button" onClick={() => setEditing(true)}>
                {text('plans.record')}
              </button>
            )}
          </td>
        </>
      )}
    </tr>
  );
}

function AddParticipant({ fair, text }: { fair: FairDetail; text: ProgrammeText }) {
  const queryClient = useQueryClient();
  const empty = { producerId: '', products: '', booth: '', visitors: '', revenue: '' };
  const [values, setValues] = useState(empty);
  const set = (key: keyof typeof empty) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const add = useMutation({
    mutationFn: () =>
      api.post('/api/fairs/{id}/participants', {
        path: { id: fair.id },
        body: {
          producerId: values.producerId,
          productNames: splitProducts(values.products),
          booth: values.booth || null,
          visitors: values.visitors === '' ? null : values.visitors,
          salesRevenueVnd: values.revenue === '' ? null : values.revenue,
        },
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['fairs', 'one', fair.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['fairs', 'list'] });
      setValues(empty);
    },
  });
  const errors = useFormErrors(add.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate();
  }
  return (
    <details className="card">
      <summary className="h3">{text('fairs.addParticipant')}</summary>
      <form className="form" onSubmit={submit} noValidate data-testid="fair-participant-form">
        <ErrorSummary errors={errors} shownFields={['producerId', 'productNames', 'booth', 'visitors', 'salesRevenueVnd']} />
        <ProducerPicker value={values.producerId} onChange={set('producerId')} errors={errors?.fields.producerId} required />
        <TextField name="productNames" label={text('fairs.products')} value={values.products} onChange={set('products')} errors={errors?.fields.productNames} />
        <div className="programme-grid">
          <TextField name="booth" label={text('fairs.booth')} value={values.booth} onChange={set('booth')} errors={errors?.fields.booth} />
          <TextField name="visitors" label={text('fairs.visitors')} value={values.visitors} onChange={set('visitors')} inputMode="numeric" errors={errors?.fields.visitors} />
          <TextField name="salesRevenueVnd" label={text('fairs.revenue')} value={values.revenue} onChange={set('revenue')} errors={errors?.fields.salesRevenueVnd} />
        </div>
        <FormActions submitLabel={text('common.add')} busy={add.isPending} submitTestId="fair-participant-submit" />
      </form>
    </details>
  );
}
