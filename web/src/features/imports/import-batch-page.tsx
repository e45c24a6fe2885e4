/**
 * One import batch: who imported which file when, what it created or linked (by row of the file), and
 * the undo of the whole batch, after a confirmation. A blocked undo shows the server's reason (a later
 * dossier, an edit, a revoked certificate…); nothing is removed then.
 */
import './imports.css';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { api, errorMessage } from '../../app/api.ts';
import { formatDateTime, formatNumber, useI18n } from '../../app/i18n.tsx';
import { Badge, Notice, PageHeader, QueryView } from '../../app/ui.tsx';
import type { ImportBatchDetail } from './imports-api.ts';
import { useImportText, type ImportText } from './imports-text.ts';

const route = getRouteApi('/imports/$batchId');

export function ImportBatchPage() {
  const text = useImportText();
  const { batchId } = route.useParams();
  const search = route.useSearch();
  const batch = useQuery({ queryKey: ['imports', 'batch', batchId], queryFn: () => api.get('/api/imports/{id}', { path: { id: batchId } }) });

  return (
    <section className="stack imports">
      <p>
        <Link to="/imports" search={{}}>
          {text('imports.back')}
        </Link>
      </p>
      <QueryView query={batch}>
        {(data) => (
          <>
            <PageHeader title={text('batch.title', { file: data.fileName })}>
              <p>
                <Badge tone={data.status === 'committed' ? 'good' : 'neutral'}>
                  <span data-testid="batch-status">{text(`imports.status.${data.status}`)}</span>
                </Badge>{' '}
                {text(`imports.kind.${data.kind}`)}
              </p>
            </PageHeader>
            {search.done === 'new' && data.status === 'committed' && <Notice testId="batch-committed">{text('batch.committed')}</Notice>}
            {search.done === 'already' && <Notice testId="batch-already">{text('batch.alreadyImported')}</Notice>}
            <Summary batch={data} text={text} />
            <Undo batch={data} text={text} />
            <Records batch={data} text={text} />
          </>
        )}
      </QueryView>
    </section>
  );
}

function Summary({ batch, text }: { batch: ImportBatchDetail; text: ImportText }) {
  const c = batch.counts;
  const items: Array<[string, string, string]> = [
    ['rowsRead', text('counts.rowsRead'), formatNumber(c.rowsRead)],
    ['producers', text('counts.producers'), `${formatNumber(c.producersNew)} / ${formatNumber(c.producersLinked)}`],
    ['products', text('counts.products'), `${formatNumber(c.productsNew)} / ${formatNumber(c.productsLinked)}`],
    ['certificates', text('counts.certificates'), `${formatNumber(c.certificatesNew)} / ${formatNumber(c.certificatesKnown)}`],
    ...(c.salesPointsNew + c.salesPointsLinked > 0 ? [['salesPoints', text('counts.salesPoints'), `${formatNumber(c.salesPointsNew)} / ${formatNumber(c.salesPointsLinked)}`] as [string, string, string]] : []),
    ['warnings', text('counts.warnings'), formatNumber(c.warnings)],
  ];
  return (
    <section className="card stack-small">
      <p>{text('batch.by', { who: batch.createdByName ?? '—', when: formatDateTime(batch.createdAt) })}</p>
      {batch.undoneAt && <p data-testid="batch-undone-at">{text('batch.undoneAt', { when: formatDateTime(batch.undoneAt) })}</p>}
      <dl className="import-counts" data-testid="batch-counts">
        {items.map(([id, label, value]) => (
          <div key={id} className="import-count">
            <dt>{label}</dt>
            <dd data-testid={`batch-count-${id}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">
        {text('batch.bytes')}: {text('common.bytes', { size: formatNumber(Math.max(1, Math.round(batch.fileBytes / 102.4) / 10)) })} · {text('batch.sha')}:{' '}
        <code className="hash">{batch.fileSha256}</code>
      </p>
    </section>
  );
}

function Undo({ batch, text }: { batch: ImportBatchDetail; text: ImportText }) {
  const { locale } = useI18n();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const undo = useMutation({
    mutationFn: () => api.post('/api/imports/{id}/undo', { path: { id: batch.id } }),
    onSuccess: async () => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: ['imports'] });
    },
  });
  if (batch.status !== 'committed') return undo.isSuccess ? <Notice testId="undo-done">{text('batch.undo.done')}</Notice> : null;
  return (
    <section className="card stack-small" data-testid="batch-undo">
      {undo.isError && (
        <div className="alert alert-error" role="alert" data-testid="undo-error">
          <p>{errorMessage(undo.error, locale)}</p>
        </div>
      )}
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-labelledby="undo-confirm-text" data-testid="undo-confirm-box">
          <p id="undo-confirm-text">{text('batch.undo.confirm')}</p>
          <div className="form-actions">
            <button type="button" className="button button-danger" disabled={undo.isPending} onClick={() => undo.mutate()} data-testid="undo-confirm">
              {undo.isPending ? text('batch.undo.running') : text('batch.undo.yes')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {text('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <button
            type="button"
            className="button button-danger"
            onClick={() => {
              undo.reset();
              setConfirming(true);
            }}
            data-testid="undo-open"
          >
            {text('batch.undo')}
          </button>
        </div>
      )}
    </section>
  );
}

function Records({ batch, text }: { batch: ImportBatchDetail; text: ImportText }) {
  return (
    <section className="card stack-small" aria-labelledby="records-title">
      <h2 id="records-title" className="h3">
        {text('batch.records')}
      </h2>
      {batch.records.length === 0 ? (
        <p className="empty">{text('batch.records.none')}</p>
      ) : (
        <table className="table table-stack" data-testid="batch-records">
          <thead>
            <tr>
              <th scope="col">{text('problems.row')}</th>
              <th scope="col">{text('batch.entity')}</th>
              <th scope="col">{text('batch.action')}</th>
              <th scope="col">{text('batch.open')}</th>
            </tr>
          </thead>
          <tbody>
            {batch.records.map((record) => (
              <tr key={`${record.entityType}:${record.entityId}`} data-testid="batch-record" data-entity={record.entityType}>
                <td data-label={text('problems.row')} className="import-number">
                  {record.rowNumber}
                </td>
                <td data-label={text('batch.entity')}>{text(`batch.entity.${record.entityType}`)}</td>
                <td data-label={text('batch.action')}>{text(`batch.action.${record.action}`)}</td>
                <td data-label={text('batch.open')}>
                  {batch.status === 'undone' && record.action === 'created' ? (
                    <code className="hash">{record.entityId.slice(0, 8)}</code>
                  ) : record.entityType === 'producer' ? (
                    <Link to="/producers/$producerId" params={{ producerId: record.entityId }} search={{}}>
                      {text('batch.open')}
                    </Link>
                  ) : record.entityType === 'certificate' ? (
                    <Link to="/certificates/$certificateId" params={{ certificateId: record.entityId }} search={{}} data-testid="batch-certificate-link">
                      {text('batch.open')}
                    </Link>
                  ) : (
                    <code className="hash">{record.entityId.slice(0, 8)}</code>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
