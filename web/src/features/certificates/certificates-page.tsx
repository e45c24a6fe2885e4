import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { api } from '../../app/api.ts';
import { formatDate } from '../../app/i18n.tsx';
import { ListTable, PAGE_SIZE, type Column, type ItemOf } from '../../app/list-page.tsx';
import { useUser } from '../../app/session.ts';
import { Badge, PageHeader, SelectField, TextField } from '../../app/ui.tsx';
import { certificateStatusFilters, statusTone, useCertificateText } from './certificate-text.ts';

const route = getRouteApi('/certificates');

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
  const columns: Column<ItemOf<typeof list>>[] = [
    {
      label: text('certificates.number'),
      cell: (certificate) => (
        <Link to="/certificates/$certificateId" params={{ certificateId: certificate.id }}>
          {certificate.number}
        </Link>
      ),
    },
    { label: text('certificates.product'), cell: (certificate) => certificate.productName },
    {
      label: text('certificates.producer'),
      cell: (certificate) => (
        <>
          {certificate.producerName}
          <br />
          <small>{[certificate.communeName, certificate.provinceName].filter(Boolean).join(', ')}</small>
        </>
      ),
    },
    {
      label: text('certificates.star'),
      cell: (certificate) => <span aria-label={text('certificates.stars', { stars: certificate.stars })}>{'★'.repeat(certificate.stars)}</span>,
    },
    { label: text('certificates.issuedOn'), cell: (certificate) => formatDate(certificate.issuedOn) },
    { label: text('certificates.expiresOn'), cell: (certificate) => formatDate(certificate.expiresOn) },
    {
      label: text('certificates.status'),
      cell: (certificate) => <Badge tone={statusTone(certificate.status)}>{text(`status.${certificate.status}`)}</Badge>,
    },
  ];
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
          options={certificateStatusFilters.map((status) => ({ value: status, label: text(`status.${status}`) }))}
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
      <ListTable
        query={list}
        empty={text('certificates.none')}
        columns={columns}
        rowKey={(certificate) => certificate.id}
        tableTestId="certificates-table"
        rowTestId="certificate-row"
        page={page}
        onPage={(next) => void navigate({ search: (previous) => ({ ...previous, page: next }) })}
      />
    </section>
  );
}
