/**
 * Importing a province's existing OCOP list (issue 12): choose the kind of file (and the province, for
 * the ministry), upload it, and the dry run shows what would be created or linked, the column mapping
 * (each column's field can be changed), and every problem by row and column. Ambiguous communes and
 * missing product sets are settled here; each change re-sends the same file with the new mapping and
 * choices. "Nhập" is enabled only when no row has an error; the batch page follows.
 */
import './imports.css';
import { useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { api } from '../../app/api.ts';
import { formatDateTime, formatNumber, useI18n } from '../../app/i18n.tsx';
import { useSession, useUser } from '../../app/session.ts';
import { ErrorSummary, Field, Notice, PageHeader, SelectField, TextField, useFormErrors } from '../../app/ui.tsx';
import { ProvincePicker } from '../admin-units/index.ts';
import { commitImport, previewImport, type ColumnMapping, type ImportField, type ImportKind, type ImportPreview, type RowChoices, type UploadProgress } from './imports-api.ts';
import { useImportText, type ImportText } from './imports-text.ts';

const kinds: readonly ImportKind[] = ['provincial_list', 'national_register', 'sales_points'];
const CURRENT_RULE_SET = '26-2026';

type PreviewRow = ImportPreview['rows'][number];

export function NewImportPage() {
  const text = useImportText();
  const { locale } = useI18n();
  const user = useUser();
  const session = useSession();
  const csrfToken = session?.csrfToken ?? '';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const choosesProvince = user.role === 'ministry_officer' || user.role === 'system_admin';

  const [kind, setKind] = useState<ImportKind>('provincial_list');
  const [provinceCode, setProvinceCode] = useState(choosesProvince ? '' : (user.provinceCode ?? ''));
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [choices, setChoices] = useState<RowChoices>({});
  const [savedName, setSavedName] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const run = useRef<{ id: number; abort: AbortController | null }>({ id: 0, abort: null });

  const provinceQuery = choosesProvince ? provinceCode || undefined : undefined;
  const mappings = useQuery({
    queryKey: ['imports', 'mappings', provinceCode],
    queryFn: () => api.get('/api/imports/mappings', { query: { provinceCode: provinceQuery } }),
    enabled: !!provinceCode && kind === 'provincial_list',
  });
  const productSets = useQuery({
    queryKey: ['rule-sets', 'sheets', CURRENT_RULE_SET],
    queryFn: () => api.get('/api/rule-sets/{ruleSetId}/criteria-sheets', { path: { ruleSetId: CURRENT_RULE_SET } }),
    staleTime: Number.POSITIVE_INFINITY,
  });

  /** Re-sends the file with these settings; only the answer to the latest request is shown. */
  async function runPreview(next: { file?: File | null; kind?: ImportKind; provinceCode?: string; mapping?: ColumnMapping | null; choices?: RowChoices }) {
    const chosenFile = next.file !== undefined ? next.file : file;
    const chosenProvince = next.provinceCode ?? provinceCode;
    if (!chosenFile || !chosenProvince) return;
    run.current.abort?.abort();
    const abort = new AbortController();
    const id = run.current.id + 1;
    run.current = { id, abort };
    setPreviewError(null);
    setProgress({ percent: 0 });
    const chosenMapping = next.mapping !== undefined ? next.mapping : mapping;
    try {
      const answer = await previewImport(
        chosenFile,
        {
          kind: next.kind ?? kind,
          provinceCode: choosesProvince ? chosenProvince : undefined,
          mapping: chosenMapping ?? undefined,
          choices: next.choices ?? choices,
        },
        csrfToken,
        (p) => run.current.id === id && setProgress(p),
        abort.signal,
      );
      if (run.current.id !== id) return;
      setPreview(answer);
    } catch (error) {
      if ((error as Error).name === 'AbortError' || run.current.id !== id) return;
      setPreviewError(error);
      setPreview(null);
    } finally {
      if (run.current.id === id) setProgress(null);
    }
  }

  function chooseFile(chosen: File | null) {
    setFile(chosen);
    setChoices({});
    setPreview(null);
    const saved = mappings.data?.items.find((m) => m.name === savedName);
    const nextMapping = saved ? (saved.mapping as ColumnMapping) : null;
    setMapping(nextMapping);
    void runPreview({ file: chosen, mapping: nextMapping, choices: {} });
  }

  function changeMapping(next: ColumnMapping) {
    setMapping(next);
    void runPreview({ mapping: next });
  }

  function changeChoices(next: RowChoices) {
    setChoices(next);
    void runPreview({ choices: next });
  }

  const commit = useMutation({
    mutationFn: () => {
      if (!file) throw new Error('no file');
      return commitImport(file, { kind, provinceCode: choosesProvince ? provinceCode : undefined, mapping: mapping ?? undefined, choices }, csrfToken);
    },
    onSuccess: async (answer) => {
      await queryClient.invalidateQueries({ queryKey: ['imports'] });
      await navigate({ to: '/imports/$batchId', params: { batchId: answer.batch.id }, search: { done: answer.alreadyImported ? 'already' : 'new' } });
    },
  });
  const commitErrors = useFormErrors(commit.error);
  const previewErrors = useFormErrors(previewError);
  const productCount = preview ? preview.counts.productsNew + preview.counts.productsLinked : 0;
  const busy = progress !== null;

  return (
    <section className="stack imports">
      <p>
        <Link to="/imports">{text('imports.back')}</Link>
      </p>
      <PageHeader title={text('new.title')}>
        <p className="lead">{text('new.intro')}</p>
      </PageHeader>

      <div className="card stack-small" data-testid="import-setup">
        <fieldset className="import-kinds" data-testid="import-kind">
          <legend className="field-label">{text('new.kind')}</legend>
          {kinds.map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="kind"
                value={value}
                checked={kind === value}
                data-testid={`kind-${value}`}
                onChange={() => {
                  setKind(value);
                  setMapping(null);
                  setChoices({});
                  void runPreview({ kind: value, mapping: null, choices: {} });
                }}
              />
              <span>
                {text(`imports.kind.${value}`)}
                <br />
                <small className="hint">{text(`new.kind.${value}.hint`)}</small>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="import-setup-grid">
          {choosesProvince && (
            <ProvincePicker
              name="provinceCode"
              label={text('new.province')}
              value={provinceCode}
              required
              onChange={(code) => {
                setProvinceCode(code);
                setChoices({});
                void runPreview({ provinceCode: code, choices: {} });
              }}
              hint={provinceCode ? undefined : text('new.chooseProvince')}
            />
          )}
          {kind === 'provincial_list' && (
            <SelectField
              name="savedMapping"
              label={text('new.savedMapping')}
              value={savedName}
              placeholder={text('new.savedMapping.none')}
              options={(mappings.data?.items ?? []).map((m) => ({ value: m.name, label: m.name }))}
              disabled={!provinceCode}
              onChange={(name) => {
                setSavedName(name);
                const saved = mappings.data?.items.find((m) => m.name === name);
                const next = saved ? (saved.mapping as ColumnMapping) : null;
                setMapping(next);
                void runPreview({ mapping: next });
              }}
            />
          )}
          <Field name="file" label={text('new.file')} hint={text('new.fileHint')} required>
            {(control) => (
              <input
                {...control}
                type="file"
                accept=".xlsx,.csv,.json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv,application/json"
                disabled={!provinceCode}
                data-testid="import-file"
                onChange={(event) => chooseFile(event.target.files?.[0] ?? null)}
              />
            )}
          </Field>
        </div>
        {progress && (
          <div className="import-progress" role="status" aria-live="polite" data-testid="import-progress">
            <span className="spinner" aria-hidden="true" />{' '}
            {progress.percent !== null ? text('new.uploading', { percent: progress.percent }) : text('new.reading')}
            <progress max={100} value={progress.percent ?? undefined} aria-hidden="true" />
          </div>
        )}
        {!progress && preview && (
          <p className="hint" role="status" data-testid="import-read-done">
            {text('new.readDone', { rows: formatNumber(preview.counts.rowsRead), file: preview.file.name })}
          </p>
        )}
        <ErrorSummary errors={previewErrors} />
      </div>

      {preview && (
        <div className={busy ? 'stack import-preview import-stale' : 'stack import-preview'} aria-busy={busy} data-testid="import-preview">
          <Counts preview={preview} text={text} />
          {preview.alreadyImported && (
            <div className="alert alert-info" role="status" data-testid="already-imported">
              <p>{text('commit.already', { when: formatDateTime(preview.alreadyImported.createdAt) })}</p>
              <p>
                <Link to="/imports/$batchId" params={{ batchId: preview.alreadyImported.id }} search={{}} data-testid="already-imported-link">
                  {text('commit.alreadyLink')}
                </Link>
              </p>
            </div>
          )}
          {preview.read.kind === 'provincial_list' && (
            <MappingTable
              preview={preview}
              text={text}
              locale={locale}
              disabled={busy}
              onChange={changeMapping}
              provinceCode={choosesProvince ? provinceCode : undefined}
              onSaved={(name) => {
                setSavedName(name);
                void queryClient.invalidateQueries({ queryKey: ['imports', 'mappings'] });
              }}
            />
          )}
          <Problems
            preview={preview}
            text={text}
            locale={locale}
            choices={choices}
            disabled={busy}
            productSets={productSets.data ?? Array.from({ length: 26 }, (_, i) => ({ number: i + 1, name: '' }))}
            onChoices={changeChoices}
          />
          <div className="card stack-small import-commit">
            <ErrorSummary errors={commitErrors} />
            {!preview.canCommit && !preview.alreadyImported && <p className="hint">{text('commit.blocked')}</p>}
            <div className="form-actions">
              <button
                type="button"
                className="button button-primary"
                disabled={!preview.canCommit || busy || commit.isPending}
                onClick={() => commit.mutate()}
                data-testid="import-commit"
              >
                {commit.isPending ? text('commit.running') : text('commit.button', { count: formatNumber(productCount) })}
              </button>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}

function Counts({ preview, text }: { preview: ImportPreview; text: ImportText }) {
  const c = preview.counts;
  const items: Array<[string, string, string, boolean?]> = [
    ['rowsRead', text('counts.rowsRead'), formatNumber(c.rowsRead)],
    ['producers', text('counts.producers'), `${formatNumber(c.producersNew)} / ${formatNumber(c.producersLinked)}`],
    ['products', text('counts.products'), `${formatNumber(c.productsNew)} / ${formatNumber(c.productsLinked)}`],
    ['certificates', text('counts.certificates'), `${formatNumber(c.certificatesNew)} / ${formatNumber(c.certificatesKnown)}`],
    ...(c.salesPointsNew + c.salesPointsLinked > 0 ? [['salesPoints', text('counts.salesPoints'), `${formatNumber(c.salesPointsNew)} / ${formatNumber(c.salesPointsLinked)}`] as [string, string, string]] : []),
    ['rowsWithErrors', text('counts.rowsWithErrors'), formatNumber(c.rowsWithErrors), c.rowsWithErrors > 0],
    ['warnings', text('counts.warnings'), formatNumber(c.warnings)],
  ];
  return (
    <section className="card stack-small" aria-labelledby="counts-title">
      <h2 id="counts-title" className="h3">
        {text('counts.title')}
      </h2>
      <dl className="import-counts" data-testid="import-counts">
        {items.map(([id, label, value, bad]) => (
          <div key={id} className={bad ? 'import-count import-count-bad' : 'import-count'}>
            <dt>{label}</dt>
            <dd data-testid={`count-${id}`}>{value}</dd>
          </div>
        ))}
      </dl>
      {preview.read.sheetName && (
        <p className="hint">{text('counts.sheet', { sheet: preview.read.sheetName, rows: preview.read.headerRows.join(', ') })}</p>
      )}
      {preview.read.skipped.length > 0 && <p className="hint">{text('counts.skipped', { count: formatNumber(preview.read.skipped.length) })}</p>}
      {preview.read.convertedCells > 0 && <p className="hint">{text('counts.converted', { count: formatNumber(preview.read.convertedCells) })}</p>}
    </section>
  );
}

function MappingTable(props: {
  preview: ImportPreview;
  text: ImportText;
  locale: 'vi' | 'en';
  disabled: boolean;
  provinceCode: string | undefined;
  onChange(mapping: ColumnMapping): void;
  onSaved(name: string): void;
}) {
  const { preview, text, locale } = props;
  const mapping = preview.read.mapping as ColumnMapping;
  const fieldOf = (index: number) => (Object.entries(mapping) as Array<[ImportField, number]>).find(([, column]) => column === index)?.[0] ?? '';
  const [name, setName] = useState('');
  const save = useMutation({
    mutationFn: () => api.put('/api/imports/mappings', { body: { name: name.trim(), mapping, provinceCode: props.provinceCode } }),
    onSuccess: () => props.onSaved(name.trim()),
  });
  const saveErrors = useFormErrors(save.error);

  function choose(index: number, field: ImportField | '') {
    const next: ColumnMapping = {};
    for (const [f, column] of Object.entries(mapping) as Array<[ImportField, number]>) {
      // One field per column and one column per field.
      if (column !== index && f !== field) next[f] = column;
    }
    if (field) next[field] = index;
    props.onChange(next);
  }

  return (
    <section className="card stack-small" aria-labelledby="mapping-title">
      <h2 id="mapping-title" className="h3">
        {text('mapping.title')}
      </h2>
      <p className="hint">{preview.read.mappingGuessed ? text('mapping.guessed') : text('mapping.given')}</p>
      <table className="table import-mapping" data-testid="mapping-table">
        <thead>
          <tr>
            <th scope="col">{text('mapping.column')}</th>
            <th scope="col">{text('mapping.field')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.read.columns.map((column) => (
            <tr key={column.index} data-testid="mapping-row" data-column={column.letter} className={column.hidden ? 'import-hidden-column' : undefined}>
              <th scope="row">
                <label htmlFor={`mapping-${column.letter}`}>
                  <span className="import-letter">{column.letter}</span> {column.heading || <em>{text('mapping.noHeading')}</em>}
                </label>
                {column.hidden && (
                  <>
                    {' '}
                    <span className="badge badge-soon" data-testid="mapping-hidden">
                      {text('mapping.hidden')}
                    </span>
                  </>
                )}
              </th>
              <td>
                <select
                  id={`mapping-${column.letter}`}
                  value={fieldOf(column.index)}
                  disabled={props.disabled}
                  data-testid={`mapping-select-${column.letter}`}
                  onChange={(event) => choose(column.index, event.target.value as ImportField | '')}
                >
                  <option value="">{text('mapping.none')}</option>
                  {preview.fields.map((field) => (
                    <option key={field.field} value={field.field}>
                      {locale === 'en' ? field.labelEn : field.label}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="input-with-button import-save-mapping"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <TextField name="name" label={text('mapping.saveName')} value={name} onChange={setName} maxLength={100} errors={saveErrors?.fields.name} required />
        <button type="submit" className="button" disabled={save.isPending} data-testid="mapping-save">
          {text('mapping.save')}
        </button>
      </form>
      <ErrorSummary errors={saveErrors} shownFields={['name']} />
      {save.isSuccess && <Notice testId="mapping-saved">{text('mapping.saved', { name: name.trim() })}</Notice>}
    </section>
  );
}

const communeCodes = new Set(['ambiguous_commune', 'unknown_commune', 'invalid_commune_choice']);

function Problems(props: {
  preview: ImportPreview;
  text: ImportText;
  locale: 'vi' | 'en';
  choices: RowChoices;
  disabled: boolean;
  productSets: ReadonlyArray<{ number: number; name: string }>;
  onChoices(choices: RowChoices): void;
}) {
  const { preview, text, locale, choices } = props;
  const rows = preview.rows.filter((row) => row.issues.length > 0);
  const missingSet = (row: PreviewRow) => row.issues.some((i) => i.code === 'missing_product_set') || choices[String(row.rowNumber)]?.productSetNumber !== undefined;
  const missingSetRows = preview.rows.filter((row) => row.issues.some((i) => i.code === 'missing_product_set'));
  const [allSet, setAllSet] = useState('');
  const setLabel = (set: { number: number; name: string }) => (set.name ? `${set.number}. ${set.name}` : String(set.number));

  function choose(rowNumber: number, change: { communeCode?: string; productSetNumber?: number }) {
    const key = String(rowNumber);
    const merged = { ...choices[key], ...change };
    if (!merged.communeCode) delete merged.communeCode;
    if (!merged.productSetNumber) delete merged.productSetNumber;
    const next = { ...choices };
    if (Object.keys(merged).length === 0) delete next[key];
    else next[key] = merged;
    props.onChoices(next);
  }

  function applySetToAll() {
    const number = Number(allSet);
    if (!number) return;
    const next = { ...choices };
    for (const row of missingSetRows) next[String(row.rowNumber)] = { ...next[String(row.rowNumber)], productSetNumber: number };
    props.onChoices(next);
  }

  return (
    <section className="card stack-small" aria-labelledby="problems-title">
      <h2 id="problems-title" className="h3">
        {text('problems.title')}
      </h2>
      {missingSetRows.length > 0 && (
        <div className="input-with-button import-set-all" data-testid="product-set-all-box">
          <SelectField
            name="productSetAll"
            label={text('problems.productSet')}
            value={allSet}
            placeholder={text('problems.productSet.choose')}
            options={props.productSets.map((set) => ({ value: String(set.number), label: setLabel(set) }))}
            onChange={setAllSet}
          />
          <button type="button" className="button" disabled={!allSet || props.disabled} onClick={applySetToAll} data-testid="product-set-all">
            {text('problems.productSet.all')}
          </button>
        </div>
      )}
      {rows.length === 0 ? (
        <p className="empty" data-testid="problems-none">
          {text('problems.none')}
        </p>
      ) : (
        <table className="table table-stack import-problems" data-testid="problems-table">
          <thead>
            <tr>
              <th scope="col">{text('problems.row')}</th>
              <th scope="col">{text('problems.product')}</th>
              <th scope="col">{text('problems.message')}</th>
              <th scope="col">{text('problems.fix')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const key = String(row.rowNumber);
              const communeIssue = row.issues.some((i) => communeCodes.has(i.code)) || choices[key]?.communeCode !== undefined;
              const hasError = row.issues.some((i) => i.severity === 'error');
              return (
                <tr key={row.rowNumber} data-testid="problem-row" data-row={row.rowNumber} className={hasError ? 'import-row-error' : undefined}>
                  <td data-label={text('problems.row')} className="import-number">
                    {row.rowNumber}
                  </td>
                  <td data-label={text('problems.product')}>
                    {row.productName ?? '—'}
                    <br />
                    <small>{row.producerName}</small>
                    {row.placeWritten && (
                      <>
                        <br />
                        <small>{row.placeWritten}</small>
                      </>
                    )}
                  </td>
                  <td data-label={text('problems.message')}>
                    <ul className="plain-list import-issues">
                      {row.issues.map((issue, i) => (
                        <li key={i} data-testid="problem-issue" data-code={issue.code} data-severity={issue.severity}>
                          <span className={issue.severity === 'error' ? 'badge badge-bad' : 'badge badge-soon'}>
                            {text(issue.severity === 'error' ? 'problems.error' : 'problems.warning')}
                          </span>{' '}
                          {issue.column && (
                            <span className="import-letter" title={text('problems.column')}>
                              {issue.column}
                            </span>
                          )}{' '}
                          {locale === 'en' ? issue.messageEn : issue.message}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td data-label={text('problems.fix')} className="import-fix">
                    {communeIssue && (
                      <label className="import-fix-field">
                        <span>{text('problems.commune')}</span>
                        <select
                          value={choices[key]?.communeCode ?? ''}
                          disabled={props.disabled}
                          data-testid={`commune-choice-${row.rowNumber}`}
                          onChange={(event) => choose(row.rowNumber, { communeCode: event.target.value || undefined })}
                        >
                          <option value="">{text('problems.commune.choose')}</option>
                          {row.candidates.map((candidate) => (
                            <option key={candidate.code} value={candidate.code}>
                              {candidate.fullName}
                              {candidate.via ? ` (${text('problems.via', { via: candidate.via })})` : ''}
                              {candidate.isPartial ? ` – ${text('problems.partial')}` : ''}
                            </option>
                          ))}
                          {choices[key]?.communeCode && !row.candidates.some((c) => c.code === choices[key]?.communeCode) && (
                            <option value={choices[key]?.communeCode}>{row.communeName ?? choices[key]?.communeCode}</option>
                          )}
                        </select>
                      </label>
                    )}
                    {missingSet(row) && (
                      <label className="import-fix-field">
                        <span>{text('problems.productSet')}</span>
                        <select
                          value={String(choices[key]?.productSetNumber ?? '')}
                          disabled={props.disabled}
                          data-testid={`product-set-choice-${row.rowNumber}`}
                          onChange={(event) => choose(row.rowNumber, { productSetNumber: Number(event.target.value) || undefined })}
                        >
                          <option value="">{text('problems.productSet.choose')}</option>
                          {props.productSets.map((set) => (
                            <option key={set.number} value={set.number}>
                              {setLabel(set)}
                            </option>
                          ))}
                        </select>
                      </label>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {preview.rowsShown < preview.counts.rowsRead && <p className="hint">{text('problems.shown', { shown: formatNumber(preview.rowsShown) })}</p>}
    </section>
  );
}
