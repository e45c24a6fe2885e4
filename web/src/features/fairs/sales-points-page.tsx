import '../training/programme.css';
import { useState, type FormEvent } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { can } from '../../app/access.ts';
import { api, type Schemas } from '../../app/api.ts';
import { formatDate } from '../../app/i18n.tsx';
import { useUser } from '../../app/session.ts';
import { Badge, ErrorSummary, PageHeader, QueryView, TextField, useFormErrors } from '../../app/ui.tsx';
import { CommunePicker, ProvincePicker } from '../admin-units/index.ts';
import { ProducerPicker } from '../producers/index.ts';
import { DateField, useProgrammeText, type ProgrammeText } from '../training/index.ts';
import { PromotionTabs } from './promotion-tabs.tsx';
import { FormActions } from '../../app/form-actions.tsx';

type SalesPoint = Schemas['SalesPoint'];
interface ProductLine {
  producerId: string;
  producerName: string | null;
  productName: string;
}

/** OCOP showcase and sales points (điểm giới thiệu và bán sản phẩm OCOP) of the officer's unit. */
export function SalesPointsPage() {
  const text = useProgrammeText();
  const user = useUser();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<SalesPoint | 'new' | null>(null);
  const list = useQuery({
    queryKey: ['sales-points', 'list', showInactive],
    queryFn: () => api.get('/api/sales-points', { query: { pageSize: 200, active: showInactive ? undefined : 'true' } }),
    placeholderData: keepPreviousData,
  });
  const manage = can(user, 'manageProgramme');
  return (
    <section className="stack">
      <PromotionTabs text={text} />
      <PageHeader
        title={text('salesPoints.title')}
        actions={
          manage &&
          editing === null && (
            <button type="button" className="button button-primary" onClick={() => setEditing('new')} data-testid="new-sales-point">
              {text('salesPoints.new')}
            </button>
          )
        }
      >
        <p className="lead">{text('salesPoints.intro')}</p>
      </PageHeader>
      {editing !== null && <SalesPointForm key={editing === 'new' ? 'new' : editing.id} text={text} point={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      <label className="programme-choices">
        <input type="checkbox" checked={showInactive} onChange={(event) => setShowInactive(event.target.checked)} />
        {text('salesPoints.showInactive')}
      </label>
      <QueryView query={list} isEmpty={(data) => data.items.length === 0} empty={text('salesPoints.none')}>
        {(data) => (
        <table className="table table-stack" data-testid="sales-points-table">
          <thead>
            <tr>
              <th scope="col">{text('salesPoints.name')}</th>
              <th scope="col">{text('salesPoints.address')}</th>
              <th scope="col">{text('salesPoints.operator')}</th>
              <th scope="col">{text('salesPoints.products')}</th>
              <th scope="col">{text('salesPoints.status')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((point) => (
              <tr key={point.id} data-testid="sales-point-row">
                <td data-label={text('salesPoints.name')}>
                  {point.name}
                  {point.openedOn && <div className="hint">{formatDate(point.openedOn)}</div>}
                </td>
                <td data-label={text('salesPoints.address')}>{[point.streetAddress, point.communeName, point.provinceName].filter(Boolean).join(', ')}</td>
                <td data-label={text('salesPoints.operator')}>
                  {point.operatorName ?? '—'}
                  {point.phone && <div className="hint">{point.phone}</div>}
                </td>
                <td data-label={text('salesPoints.products')}>{point.products.length ? point.products.map((p) => `${p.productName} (${p.producerName})`).join('; ') : '—'}</td>
                <td data-label={text('salesPoints.status')}>
                  {point.isActive ? <Badge tone="good">{text('salesPoints.active')}</Badge> : <Badge>{text('salesPoints.inactive')}</Badge>}{' '}
                  {manage && (
                    <button type="button" className="link-button" onClick={() => setEditing(point)} data-testid="edit-sales-point">
                      {text('common.edit')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        )}
      </QueryView>
    </section>
  );
}

function SalesPointForm({ text, point, onDone }: { text: ProgrammeText; point: SalesPoint | null; onDone(): void }) {
  const user = useUser();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    provinceCode: point?.provinceCode ?? user.provinceCode ?? '',
    communeCode: point?.communeCode ?? (user.role === 'commune_officer' ? (user.communeCode ?? '') : ''),
    name: point?.name ?? '',
    streetAddress: point?.streetAddress ?? '',
    operatorName: point?.operatorName ?? '',
    phone: point?.phone ?? '',
    email: point?.email ?? '',
    openedOn: point?.openedOn ?? '',
  });
  const [isActive, setIsActive] = useState(point?.isActive ?? true);
  const [products, setProducts] = useState<ProductLine[]>(point?.products ?? []);
  const [producerId, setProducerId] = useState('');
  const [productName, setProductName] = useState('');
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const fields = { name: values.name, streetAddress: values.streetAddress, operatorName: values.operatorName || null, phone: values.phone || null, email: values.email || null, openedOn: values.openedOn || null };
  const lines = products.map((p) => ({ producerId: p.producerId, productName: p.productName }));
  const save = useMutation({
    mutationFn: () =>
      point
        ? api.patch('/api/sales-points/{id}', { path: { id: point.id }, body: { version: point.version, ...fields, isActive, products: lines } })
        : api.post('/api/sales-points', { body: { provinceCode: values.provinceCode, communeCode: values.communeCode, ...fields, products: lines } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['sales-points'] });
      onDone();
    },
  });
  const errors = useFormErrors(save.error);
  function addProduct() {
    if (!producerId || !productName.trim()) return;
    setProducts((list) => [...list, { producerId, producerName: null, productName: productName.trim() }]);
    setProductName('');
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <form className="form card" onSubmit={submit} noValidate data-testid="sales-point-form">
      <h2 className="h3">{point ? point.name : text('salesPoints.new')}</h2>
      <ErrorSummary errors={errors} shownFields={['provinceCode', 'communeCode', 'name', 'streetAddress', 'operatorName', 'phone', 'email', 'openedOn']} />
      {!point && user.role === 'system_admin' && (
        <ProvincePicker value={values.provinceCode} onChange={(code) => setValues((v) => ({ ...v, provinceCode: code, communeCode: '' }))} errors={errors?.fields.provinceCode} required />
      )}
      {!point && user.role !== 'commune_officer' && (
        <CommunePicker provinceCode={values.provinceCode} value={values.communeCode} onChange={set('communeCode')} errors={errors?.fields.communeCode} required />
      )}
      <TextField name="name" label={text('salesPoints.name')} value={values.name} onChange={set('name')} errors={errors?.fields.name} required />
      <TextField name="streetAddress" label={text('salesPoints.street')} value={values.streetAddress} onChange={set('streetAddress')} errors={errors?.fields.streetAddress} required />
      <div className="programme-grid">
        <TextField name="operatorName" label={text('salesPoints.operator')} value={values.operatorName} onChange={set('operatorName')} errors={errors?.fields.operatorName} />
        <TextField name="phone" type="tel" label={text('salesPoints.phone')} value={values.phone} onChange={set('phone')} errors={errors?.fields.phone} />
        <TextField name="email" type="email" label={text('salesPoints.email')} hint={text('salesPoints.emailHint')} value={values.email} onChange={set('email')} errors={errors?.fields.email} />
        <DateField name="openedOn" label={text('salesPoints.openedOn')} value={values.openedOn} onChange={set('openedOn')} errors={errors?.fields.openedOn} />
      </div>
      {point && (
        <label className="programme-choices">
          <input type="checkbox" checked={isActive} onChange={(event) => setIsActive(event.target.checked)} data-testid="sales-point-active" />
          {text('salesPoints.active')}
        </label>
      )}
      <fieldset className="stack-small">
        <legend>{text('salesPoints.products')}</legend>
        {products.length > 0 && (
          <ul className="plain-list" data-testid="sales-point-products">
            {products.map((p, index) => (
              <li key={`${p.producerId}-${p.productName}-${index}`}>
                {p.productName} {p.producerName && <span className="hint">({p.producerName})</span>}{' '}
                <button type="button" className="link-button" onClick={() => setProducts((list) => list.filter((_, i) => i !== index))}>
                  {text('salesPoints.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <ProducerPicker value={producerId} onChange={setProducerId} />
        <div className="programme-grid">
          <TextField name="productName" label={text('salesPoints.productName')} value={productName} onChange={setProductName} />
          <button type="button" className="button" onClick={addProduct} disabled={!producerId || !productName.trim()} data-testid="sales-point-add-product">
            {text('salesPoints.addProduct')}
          </button>
        </div>
      </fieldset>
      <FormActions submitLabel={text('common.save')} busyLabel={text('common.saving')} busy={save.isPending} submitTestId="sales-point-submit" onCancel={onDone} cancelLabel={text('common.cancel')} />
    </form>
  );
}
