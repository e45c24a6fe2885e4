import '../training/programme.css';
import { useState, type FormEvent } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { can } from '../../app/access.ts';
import { api } from '../../app/api.ts';
import { formatDate, formatNumber } from '../../app/i18n.tsx';
import { ListTable, type Column, type ItemOf } from '../../app/list-page.tsx';
import { useUser } from '../../app/session.ts';
import { ErrorSummary, PageHeader, SelectField, TextField, useFormErrors } from '../../app/ui.tsx';
import { CommunePicker, ProvincePicker } from '../admin-units/index.ts';
import { DateField, useProgrammeText, yearOptions, type ProgrammeText } from '../training/index.ts';
import { PromotionTabs } from './promotion-tabs.tsx';
import { FormActions } from '../../app/form-actions.tsx';

const route = getRouteApi('/fairs');
export const scopes = ['in_province', 'out_of_province', 'international'] as const;

export function FairsPage() {
  const text = useProgrammeText();
  const user = useUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const year = search.year ?? new Date().getFullYear();
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['fairs', 'list', year],
    queryFn: () => api.get('/api/fairs', { query: { year, pageSize: 200 } }),
    placeholderData: keepPreviousData,
  });
  const columns: Column<ItemOf<typeof list>>[] = [
    {
      label: text('fairs.name'),
      cell: (fair) => (
        <Link to="/fairs/$fairId" params={{ fairId: fair.id }}>
          {fair.name}
        </Link>
      ),
    },
    { label: text('fairs.scope'), cell: (fair) => text(`scope.${fair.scope}`) },
    {
      label: text('training.dates'),
      cell: (fair) => (
        <>
          {formatDate(fair.startsOn)} – {formatDate(fair.endsOn)}
        </>
      ),
    },
    { label: text('fairs.participants'), className: 'programme-number', cell: (fair) => formatNumber(fair.participantCount) },
    { label: text('fairs.revenue'), className: 'programme-number', cell: (fair) => formatNumber(fair.totalRevenueVnd) },
  ];
  return (
    <section className="stack">
      <PromotionTabs text={text} />
      <PageHeader
        title={text('fairs.title')}
        actions={
          can(user, 'manageProgramme') &&
          !creating && (
            <button type="button" className="button button-primary" onClick={() => setCreating(true)} data-testid="new-fair">
              {text('fairs.new')}
            </button>
          )
        }
      >
        <p className="lead">{text('fairs.intro')}</p>
      </PageHeader>
      {creating && <NewFair text={text} onCancel={() => setCreating(false)} />}
      <div className="programme-grid">
        <SelectField name="year" label={text('common.year')} value={String(year)} options={yearOptions()} onChange={(value) => void navigate({ search: { year: Number(value) } })} />
      </div>
      <ListTable
        query={list}
        empty={text('fairs.none')}
        columns={columns}
        rowKey={(fair) => fair.id}
        tableTestId="fairs-table"
        rowTestId="fair-row"
      />
    </section>
  );
}

function NewFair({ text, onCancel }: { text: ProgrammeText; onCancel(): void }) {
  const user = useUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    provinceCode: user.provinceCode ?? '',
    communeCode: user.role === 'commune_officer' ? (user.communeCode ?? '') : '',
    name: '',
    scope: '',
    startsOn: '',
    endsOn: '',
    place: '',
  });
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const create = useMutation({
    mutationFn: () => api.post('/api/fairs', { body: { ...values, communeCode: values.communeCode || null, scope: values.scope as never } }),
    onSuccess: async (fair) => {
      await queryClient.invalidateQueries({ queryKey: ['fairs'] });
      await navigate({ to: '/fairs/$fairId', params: { fairId: fair.id } });
    },
  });
  const errors = useFormErrors(create.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }
  return (
    <form className="form card" onSubmit={submit} noValidate data-testid="fair-form">
      <ErrorSummary errors={errors} shownFields={['provinceCode', 'communeCode', 'name', 'scope', 'startsOn', 'endsOn', 'place']} />
      {user.role === 'system_admin' && <ProvincePicker value={values.provinceCode} onChange={(code) => setValues((v) => ({ ...v, provinceCode: code, communeCode: '' }))} errors={errors?.fields.provinceCode} required />}
      {user.role !== 'commune_officer' && (
        <CommunePicker provinceCode={values.provinceCode} value={values.communeCode} onChange={set('communeCode')} placeholder={text('common.provinceLevel')} label={text('common.unit')} errors={errors?.fields.communeCode} />
      )}
      <TextField name="name" label={text('fairs.name')} value={values.name} onChange={set('name')} errors={errors?.fields.name} required />
      <SelectField name="scope" label={text('fairs.scope')} value={values.scope} onChange={set('scope')} placeholder="—" options={scopes.map((scope) => ({ value: scope, label: text(`scope.${scope}`) }))} errors={errors?.fields.scope} required />
      <div className="programme-grid">
        <DateField name="startsOn" label={text('common.from')} value={values.startsOn} onChange={set('startsOn')} errors={errors?.fields.startsOn} required />
        <DateField name="endsOn" label={text('common.to')} value={values.endsOn} onChange={set('endsOn')} errors={errors?.fields.endsOn} required />
      </div>
      <TextField name="place" label={text('common.place')} value={values.place} onChange={set('place')} errors={errors?.fields.place} required />
      <FormActions submitLabel={text('fairs.new')} busy={create.isPending} submitTestId="fair-submit" onCancel={onCancel} cancelLabel={text('common.cancel')} />
    </form>
  );
}
