import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, errorMessage } from '../../app/api.ts';
import { formatNumber, useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.ts';
import { Empty, Field, Notice, SelectField, TextField } from '../../app/ui.tsx';
import type { DossierText } from './dossier-text.ts';
import {
  acceptedTypes,
  dossierKey,
  fileKinds,
  fileUrl,
  rejectedFiles,
  removeDossierFile,
  uploadDossierFiles,
  type Dossier,
  type FileKind,
} from './dossiers.queries.ts';

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${formatNumber(bytes / 1024 / 1024)} MB` : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`);

/** The files of a dossier; the producer adds (camera or gallery on a phone), removes and reuses them. */
export function DossierFiles({ dossier, text }: { dossier: Dossier; text: DossierText }) {
  const { locale } = useI18n();
  const session = useSession();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<FileKind>('evidence');
  const [criterion, setCriterion] = useState('');
  const [chosen, setChosen] = useState<File[]>([]);
  const [uploaded, setUploaded] = useState<number | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: dossierKey(dossier.id) });

  const upload = useMutation({
    mutationFn: () => {
      const field = kind === 'evidence' && criterion.trim() ? `evidence:${criterion.trim()}` : kind;
      return uploadDossierFiles(dossier.id, chosen, field, session?.csrfToken ?? '');
    },
    onSuccess: async (answer) => {
      await refresh();
      setUploaded(answer.added.length);
      setChosen([]);
      if (input.current) input.current.value = '';
    },
  });
  const remove = useMutation({
    mutationFn: (fileId: string) => removeDossierFile(dossier.id, fileId, session?.csrfToken ?? ''),
    onSuccess: (updated) => queryClient.setQueryData(dossierKey(dossier.id), updated),
  });
  // An upgrade or re-evaluation may take the files of an earlier dossier of the same product.
  const earlier = useQuery({
    queryKey: ['dossiers', 'list', 'product', dossier.productId],
    queryFn: () => api.get('/api/dossiers', { query: { product: dossier.productId, pageSize: 50 } }),
    enabled: dossier.canEdit && dossier.type !== 'first',
  });
  const reuse = useMutation({
    mutationFn: (fromDossierId: string) => api.post('/api/dossiers/{id}/reuse-files', { path: { id: dossier.id }, body: { fromDossierId } }),
    onSuccess: (updated) => queryClient.setQueryData(dossierKey(dossier.id), updated),
  });
  const reusable = earlier.data?.items.filter((d) => d.id !== dossier.id) ?? [];

  function onUpload(event: FormEvent) {
    event.preventDefault();
    setUploaded(null);
    upload.mutate();
  }

  const refused = rejectedFiles(upload.error);
  return (
    <div className="card stack-small" data-testid="dossier-files">
      <h2 className="h3">{text('files.title')}</h2>
      {dossier.files.length === 0 ? (
        <Empty>{text('files.none')}</Empty>
      ) : (
        <ul className="rows" data-testid="file-list">
          {dossier.files.map((file) => (
            <li key={file.id} className="row" data-testid="file-row">
              <div className="row-main">
                <a href={fileUrl(dossier.id, file.id)} target="_blank" rel="noreferrer" className="row-title">
                  {file.originalName}
                </a>
                <span className="row-meta">
                  {text(`kind.${file.kind}`)}
                  {file.criterionCode && ` ${file.criterionCode}`} · {file.mimeType} · {size(file.sizeBytes)}
                  {file.reusedFromId && ` · ${text('files.reused')}`}
                </span>
              </div>
              {dossier.canEdit && (
                <button type="button" className="button button-small" disabled={remove.isPending} onClick={() => remove.mutate(file.id)}>
                  {text('files.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}

      {dossier.canEdit && (
        <form className="form" onSubmit={onUpload} noValidate data-testid="upload-form">
          {uploaded !== null && <Notice testId="files-uploaded">{text('files.uploaded', { count: uploaded })}</Notice>}
          {upload.isError && (
            <div className="alert alert-error" role="alert" data-testid="upload-error">
              <p className="alert-title">{errorMessage(upload.error, locale)}</p>
              {refused.length > 0 && (
                <ul>
                  {refused.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <SelectField
            name="kind"
            label={text('files.kind')}
            value={kind}
            onChange={(value) => setKind(value as FileKind)}
            options={fileKinds.map((value) => ({ value, label: text(`kind.${value}`) }))}
            required
          />
          {kind === 'evidence' && (
            <TextField name="criterion" label={text('files.criterion')} hint={text('files.criterion.hint')} value={criterion} onChange={setCriterion} inputMode="numeric" maxLength={12} />
          )}
          <Field name="files" label={text('files.choose')} required>
            {(control) => (
              <input
                {...control}
                ref={input}
                type="file"
                multiple
                accept={acceptedTypes}
                onChange={(event) => setChosen(Array.from(event.target.files ?? []).slice(0, 10))}
                data-testid="file-input"
              />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button" disabled={chosen.length === 0 || upload.isPending} data-testid="upload-files">
              {text('files.upload')}
              {chosen.length > 0 && ` (${chosen.length})`}
            </button>
          </div>
        </form>
      )}

      {reusable.length > 0 && (
        <div className="stack-small" data-testid="reuse-files">
          <h3 className="h4">{text('files.reuse')}</h3>
          {reuse.isError && <p className="field-error">{errorMessage(reuse.error, locale)}</p>}
          {reusable.map((d) => (
            <button key={d.id} type="button" className="button button-small" disabled={reuse.isPending} onClick={() => reuse.mutate(d.id)}>
              {text('files.reuse.from', { formNumber: d.formNumber ?? '—', status: text(`status.${d.status}`) })}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
