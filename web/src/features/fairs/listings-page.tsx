import '../training/programme.css';
import { useState, type FormEvent } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { can } from '../../app/access.ts';
import { api, type Schemas } from '../../app/api.ts';
import { useUser } from '../../app/session.ts';
import { Badge, ErrorSummary, PageHeader, QueryView, SelectField, TextField, useFormErrors } from '../../app/ui.tsx';
import { ProducerPicker } from '../producers/index.ts';
import { useProgrammeText, type ProgrammeText } from '../training/index.ts';
import { PromotionTabs } from './promotion-tabs.tsx';
import { FormActions } from '../../app/form-actions.tsx';

type Listing = Schemas['EcommerceListing'];
const platforms = ['shopee', 'lazada', 'tiktok_shop', 'tiki', 'postmart', 'voso', 'own_website', 'other'] as const;
type Platform = (typeof platforms)[number];

/** E-commerce listings per product: the unit's producers for officers, its own for a producer. */
export function ListingsPage() {
  const text = useProgrammeText();
  const user = useUser();
  const [editing, setEditing] = useState<Listing | 'new' | null>(null);
  const list = useQuery({
    queryKey: ['ecommerce-listings', 'list'],
    queryFn: () => api.get('/api/ecommerce-listings', { query: { pageSize: 200 } }),
    placeholderData: keepPreviousData,
  });
  const manage = can(user, 'manageProgramme') || (user.role === 'producer' && !!user.producerId);
  return (
    <section className="stack">
      <PromotionTabs text={text} />
      <PageHeader
        title={text('listings.title')}
        actions={
          manage &&
          editing === null && (
            <button type="button" className="button button-primary" onClick={() => setEditing('new')} data-testid="new-listing">
              {text('listings.new')}
            </button>
          )
        }
      >
        <p className="lead">{text('listings.intro')}</p>
      </PageHeader>
      {editing !== null && <ListingForm key={editing === 'new' ? 'new' : editing.id} text={text} listing={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      <QueryView query={list} isEmpty={(data) => data.items.length === 0} empty={text('listings.none')}>
        {(data) => (
        <table className="table table-stack" data-testid="listings-table">
          <thead>
            <tr>
              <th scope="col">{text('salesPoints.productName')}</th>
              <th scope="col">{text('participants.producer')}</th>
              <th scope="col">{text('listings.platform')}</th>
              <th scope="col">{text('listings.link')}</th>
              <th scope="col">{text('salesPoints.status')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((listing) => (
              <tr key={listing.id} data-testid="listing-row">
                <td data-label={text('salesPoints.productName')}>{listing.productName}</td>
                <td data-label={text('participants.producer')}>{listing.producerName}</td>
                <td data-label={text('listings.platform')}>{text(`platform.${listing.platform}`)}</td>
                <td data-label={text('listings.link')}>
                  <a href={listing.url} target="_blank" rel="noopener noreferrer nofollow">
                    {new URL(listing.url).host}
                  </a>
                </td>
                <td data-label={text('salesPoints.status')}>
                  {listing.isActive ? <Badge tone="good">{text('salesPoints.active')}</Badge> : <Badge>{text('salesPoints.inactive')}</Badge>}{' '}
                  {manage && (
                    <button type="button" className="link-button" onClick={() => setEditing(listing)} data-testid="edit-listing">
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

function ListingForm({ text, listing, onDone }: { text: ProgrammeText; listing: Listing | null; onDone(): void }) {
  const user = useUser();
  const queryClient = useQueryClient();
  const ownProducer = user.role === 'producer' ? (user.producerId ?? '') : '';
  const [producerId, setProducerId] = useState(listing?.producerId ?? ownProducer);
  const [productName, setProductName] = useState(listing?.productName ?? '');
  const [platform, setPlatform] = useState<string>(listing?.platform ?? '');
  const [url, setUrl] = useState(listing?.url ?? '');
  const [isActive, setIsActive] = useState(listing?.isActive ?? true);
  const save = useMutation({
    mutationFn: () =>
      listing
        ? api.patch('/api/ecommerce-listings/{id}', { path: { id: listing.id }, body: { version: listing.version, productName, platform: platform as Platform, url, isActive } })
        : api.post('/api/ecommerce-listings', { body: { producerId, productName, platform: platform as Platform, url } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['ecommerce-listings'] });
      onDone();
    },
  });
  const errors = useFormErrors(save.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <form className="form card" onSubmit={submit} noValidate data-testid="listing-form">
      <ErrorSummary errors={errors} shownFields={['producerId', 'productName', 'platform', 'url']} />
      {!listing && !ownProducer && <ProducerPicker value={producerId} onChange={setProducerId} errors={errors?.fields.producerId} required />}
      {listing && <p>{listing.producerName}</p>}
      <TextField name="productName" label={text('salesPoints.productName')} value={productName} onChange={setProductName} errors={errors?.fields.productName} required />
      <SelectField
        name="platform"
        label={text('listings.platform')}
        value={platform}
        onChange={setPlatform}
        placeholder="—"
        options={platforms.map((p) => ({ value: p, label: text(`platform.${p}`) }))}
        errors={errors?.fields.platform}
        required
      />
      <TextField name="url" label={text('listings.url')} value={url} onChange={setUrl} errors={errors?.fields.url} required />
      {listing && (
        <label className="programme-choices">
          <input type="checkbox" checked={isActive} onChange={(event) => setIsActive(event.target.checked)} />
          {text('salesPoints.active')}
        </label>
      )}
      <FormActions submitLabel={text('common.save')} busyLabel={text('common.saving')} busy={save.isPending} submitTestId="listing-submit" onCancel={onDone} cancelLabel={text('common.cancel')} />
    </form>
  );
}
