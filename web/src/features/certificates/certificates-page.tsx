import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { api } from '../../app/api.ts';
import { formatDate } from '../../app/i18n.tsx';
import { useUser } from '../../app/session.ts';
import { Badge, PageHeader, Pagination, QueryView, SelectField, TextField } from '../../app/ui.tsx';
import { certificateStatuses, statusTone, useCertificateText } from './certificate-text.ts';

const route = getRouteApi('/certificates');
const PAGE_SIZE = 50;

export function CertificatesPage() {
  const text = useCertificateText();
  const user = useUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const [q, setQ] = useState(search.q ?? '');
  // Typing searches after a short pause, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((search.q ?? '') !== q) void navigate({ search: (previous) => ({ ...previous, q: q || undefined, page: undefined }) });
    }, 300);
    return () => clearTimeout(timer);
  }, [q, search.q, navigate]);

  const list = useQuery({
    queryKey: ['certificates', 'list', search],
    queryFn: () =>
      api.get('/api/certificates', {
        query: { status: search.status, star: search.star, province: search.province, q: search.q, page, pageSize: PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
  });
  const allScopes = user.role === 'ministry_officer' || user.role === 'system_admin';

  return (
    <section className="stack">
      <PageHeader title={text('certificates.title')}>
        <p className="lead">{text('certificates.intro')}</p>
      </PageHeader>
      <div className="programme-grid" data-testid="certificate-filters">
        <TextField name="q" type="search" label={text('certificates.search')} value={q} onChange={setQ} />
        <SelectField
          name="status"
          label={text('certificates.status')}
          value={search.status ?? ''}
          placeholder={text('certificates.all')}
          options={certificateStatuses.map((status) => ({ value: status, label: text(`status.${status}`) }))}
          onChange={(value) => void navigate({ search: (previous) => ({ ...previous, status: (value || undefined) as never, page: undefined }) })}
        />
        <SelectField
          name="star"
          label={text('certificates.star')}
          value={search.star ? String(search.star) : ''}
          placeholder={text('certificates.all')}
          options={[3, 4, 5].map((star) => ({ value: String(star), label: text('certificates.stars', { stars: star }) }))}
          onChange={(value) => void navigate({ search: (previous) => ({ ...previous, star: value ? Number(value) : undefined, page: undefined }) })}
        />
        {allScopes && (
          <TextField
            name="province"
            label={text('certificates.province')}
            value={search.province ?? ''}
            inputMode="numeric"
            maxLength={2}
            onChange={(value) => void navigate({ search: (previous) => ({ ...previous, province: /^\d{2}$/.test(value) ? value : undefined, page: undefined }) })}
          />
        )}
      </div>
      <QueryView query={list} isEmpty={(data) => data.items.length === 0} empty={text('certificates.none')}>
        {(data) => (
          <>
            <table className="table table-stack" data-testid="certificates-table">
              <thead>
                <tr>
                  <th scope="col">{text('certificates.number')}</th>
                  <th scope="col">{text('certificates.product')}</th>
                  <th scope="col">{text('certificates.producer')}</th>
                  <th scope="col">{text('certificates.star')}</th>
                  <th scope="col">{text('certificates.issuedOn')}</th>
                  <th scope="col">{text('certificates.expiresOn')}</th>
                  <th scope="col">{text('certificates.status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((certificate) => (
                  <tr key={certificate.id} data-testid="certificate-row">
                    <td data-label={text('certificates.number')}>
                      <Link to="/certificates/$certificateId" params={{ certificateId: certificate.id }}>
                        {certificate.number}
                      </Link>
                    </td>
                    <td data-label={text('certificates.product')}>{certificate.productName}</td>
                    <td data-label={text('certificates.producer')}>
                      {certificate.producerName}
                      <br />
                      <small>{[certificate.communeName, certificate.provinceName].filter(Boolean).join(', ')}</small>
                    </td>
                    <td data-label={text('certificates.star')}>
                      <span aria-label={text('certificates.stars', { stars: certificate.stars })}>{'★'.repeat(certificate.stars)}</span>
                    </td>
                    <td data-label={text('certificates.issuedOn')}>{formatDate(certificate.issuedOn)}</td>
                    <td data-label={text('certificates.expiresOn')}>{formatDate(certificate.expiresOn)}</td>
                    <td data-label={text('certificates.status')}>
                      <Badge tone={statusTone(certificate.status)}>{text(`status.${certificate.status}`)}</Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pagination page={page} pageSize={PAGE_SIZE} total={data.total} onPage={(next) => void navigate({ search: (previous) => ({ ...previous, page: next }) })} />
          </>
        )}
      </QueryView>
    </section>
  );
}
