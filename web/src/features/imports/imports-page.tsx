/**
 * The imports of one's province (all provinces for the ministry): each batch with its file, who and
 * when, what it created, and whether it was undone; and the export of the province's products in the
 * shape of the national OCOP register (docs/national-register.md).
 */
import './imports.css';
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { api } from '../../app/api.ts';
import { formatDateTime, formatNumber } from '../../app/i18n.tsx';
import { useUser } from '../../app/session.ts';
import { Badge, PageHeader, Pagination, QueryView } from '../../app/ui.tsx';
import { ProvincePicker } from '../admin-units/index.ts';
import { nationalRegisterUrl } from './imports-api.ts';
import { useImportText } from './imports-text.ts';

const route = getRouteApi('/imports');
const PAGE_SIZE = 50;

export function ImportsPage() {
  const text = useImportText();
  const user = useUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const choosesProvince = user.role === 'ministry_officer' || user.role === 'system_admin';
  const [exportProvince, setExportProvince] = useState(choosesProvince ? '' : (user.provinceCode ?? ''));

  const list = useQuery({
    queryKey: ['imports', 'list', page],
    queryFn: () => api.get('/api/imports', { query: { page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });

  return (
    <section className="stack imports">
      <PageHeader
        title={text('imports.title')}
        actions={
          <Link to="/imports/new" className="button button-primary" data-testid="imports-new">
            {text('imports.new')}
          </Link>
        }
      >
        <p className="lead">{text('imports.intro')}</p>
      </PageHeader>

      <QueryView query={list} isEmpty={(data) => data.items.length === 0} empty={<span data-testid="imports-none">{text('imports.none')}</span>}>
        {(data) => (
          <>
            <table className="table table-stack" data-testid="imports-table">
              <thead>
                <tr>
                  <th scope="col">{text('imports.file')}</th>
                  {choosesProvince && <th scope="col">{text('imports.province')}</th>}
                  <th scope="col">{text('imports.who')}</th>
                  <th scope="col">{text('imports.when')}</th>
                  <th scope="col">{text('imports.counts')}</th>
                  <th scope="col">{text('imports.status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((batch) => (
                  <tr key={batch.id} data-testid="import-row" data-batch={batch.id}>
                    <td data-label={text('imports.file')}>
                      <Link to="/imports/$batchId" params={{ batchId: batch.id }} search={{}} data-testid="import-link">
                        {batch.fileName}
                      </Link>
                      <br />
                      <small>{text(`imports.kind.${batch.kind}`)}</small>
                    </td>
                    {choosesProvince && <td data-label={text('imports.province')}>{batch.provinceCode}</td>}
                    <td data-label={text('imports.who')}>{batch.createdByName ?? '—'}</td>
                    <td data-label={text('imports.when')}>{formatDateTime(batch.createdAt)}</td>
                    <td data-label={text('imports.counts')}>
                      {text('imports.countsShort', {
                        products: formatNumber(batch.counts.productsNew),
                        producers: formatNumber(batch.counts.producersNew),
                        certificates: formatNumber(batch.counts.certificatesNew),
                      })}
                    </td>
                    <td data-label={text('imports.status')}>
                      <Badge tone={batch.status === 'committed' ? 'good' : 'neutral'}>
                        <span data-testid="import-status">{text(`imports.status.${batch.status}`)}</span>
                      </Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pagination page={page} pageSize={PAGE_SIZE} total={data.total} onPage={(next) => void navigate({ search: { page: next } })} />
          </>
        )}
      </QueryView>

      <section className="card stack-small" aria-labelledby="export-title" data-testid="national-register-export">
        <h2 id="export-title" className="h3">
          {text('imports.export.title')}
        </h2>
        <p className="hint">{text('imports.export.intro')}</p>
        {choosesProvince && (
          <div className="import-setup-grid">
            <ProvincePicker name="exportProvince" label={text('imports.province')} value={exportProvince} onChange={setExportProvince} />
          </div>
        )}
        {exportProvince ? (
          <div className="form-actions">
            <a className="button" href={nationalRegisterUrl('json', choosesProvince ? exportProvince : null)} download data-testid="export-json">
              {text('imports.export.json')}
            </a>
            <a className="button" href={nationalRegisterUrl('csv', choosesProvince ? exportProvince : null)} download data-testid="export-csv">
              {text('imports.export.csv')}
            </a>
          </div>
        ) : (
          <p className="hint">{text('imports.export.chooseProvince')}</p>
        )}
      </section>
    </section>
  );
}
