import '../training/programme.css';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { api, type Schemas } from '../../app/api.ts';
import { formatDate } from '../../app/i18n.tsx';
import { Badge, ErrorSummary, Field, Notice, PageHeader, QueryView, SelectField, TextField, useFormErrors } from '../../app/ui.tsx';
import { DateField } from '../training/index.ts';
import { inspectionOutcomes, revocationGrounds, statusTone, useCertificateText, type CertificateText } from './certificate-text.ts';
import { FormActions } from '../../app/form-actions.tsx';

const route = getRouteApi('/certificates/$certificateId');
type Certificate = Schemas['CertificateDetail'];
type Inspection = Schemas['Inspection'];

export function CertificatePage() {
  const text = useCertificateText();
  const { certificateId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const certificate = useQuery({ queryKey: ['certificates', certificateId], queryFn: () => api.get('/api/certificates/{id}', { path: { id: certificateId } }) });
  const setRevoke = (revoke: string | undefined) => void navigate({ search: { revoke }, replace: true });

  return (
    <section className="stack">
      <p>
        <Link to="/certificates" search={{}}>
          {text('certificates.back')}
        </Link>
      </p>
      <QueryView query={certificate}>
        {(data) => (
          <>
            <PageHeader
              title={
                <>
                  {data.productName} <span aria-hidden="true">{'★'.repeat(data.stars)}</span>
                </>
              }
              actions={
                <a className="button" href={`/api/certificates/${data.id}/pdf`} target="_blank" rel="noopener" data-testid="certificate-pdf">
                  {text('certificates.pdf')}
                </a>
              }
            >
              <p>
                <Badge tone={statusTone(data.status)}>
                  <span data-testid="certificate-status">{text(`status.${data.status}`)}</span>
                </Badge>{' '}
                {data.number}
              </p>
            </PageHeader>
            <Details certificate={data} text={text} />
            <ReEvaluation certificate={data} text={text} />
            <Revocation certificate={data} text={text} revoke={search.revoke} setRevoke={setRevoke} />
            <Inspections certificate={data} text={text} onRevoke={(inspectionId) => setRevoke(inspectionId)} />
          </>
        )}
      </QueryView>
    </section>
  );
}

function Details({ certificate, text }: { certificate: Certificate; text: CertificateText }) {
  const rows: Array<[string, string]> = [
    [text('certificates.number'), certificate.number],
    [text('certificates.producer'), certificate.producerName],
    [text('certificates.address'), [certificate.communeName ?? certificate.communeCode, certificate.provinceName ?? certificate.provinceCode].join(', ')],
    [text('certificates.star'), text('certificates.stars', { stars: certificate.stars })],
    [text('certificates.issuingBody'), certificate.issuingBody],
    [text('certificates.decision'), certificate.decisionNumber],
    [text('certificates.ruleSet'), certificate.ruleSetId],
    [text('certificates.issuedOn'), formatDate(certificate.issuedOn)],
    [text('certificates.expiresOn'), formatDate(certificate.expiresOn)],
  ];
  return (
    <dl className="facts card" data-testid="certificate-details">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      <div>
        <dt>{text('certificates.verification')}</dt>
        <dd>
          <a href={certificate.verificationUrl} target="_blank" rel="noopener">
            {certificate.verificationUrl}
          </a>
        </dd>
      </div>
    </dl>
  );
}

function ReEvaluation({ certificate, text }: { certificate: Certificate; text: CertificateText }) {
  const window = certificate.reEvaluationWindow;
  return (
    <section className="card stack" data-testid="re-evaluation">
      <h2>{text('reEvaluation.title')}</h2>
      <p>{text('reEvaluation.window', { opens: formatDate(window.opensOn), closes: formatDate(window.closesOn) })}</p>
      <p className="hint">{text('reEvaluation.grace', { grace: formatDate(window.graceUntil) })}</p>
      <p>
        {certificate.reEvaluationFiledOn
          ? text('reEvaluation.filed', { day: formatDate(certificate.reEvaluationFiledOn), timing: text(`timing.${certificate.reEvaluationFilingTiming ?? 'on_time'}`) })
          : text('reEvaluation.notFiled')}
      </p>
    </section>
  );
}

function Revocation(props: { certificate: Certificate; text: CertificateText; revoke: string | undefined; setRevoke(revoke: string | undefined): void }) {
  const { certificate, text } = props;
  const revocation = certificate.revocation;
  if (revocation) {
    return (
      <section className="card stack" data-testid="revocation">
        <h2>{text('revocation.title')}</h2>
        <Notice testId="revocation-done">{text('revocation.done', { day: formatDate(revocation.decidedOn), number: revocation.decisionNumber })}</Notice>
        <p>
          <strong>{text('revocation.ground')}:</strong> {text(`ground.${revocation.ground}`)}
        </p>
        <p>
          <strong>{text('revocation.findingOn')}:</strong> {formatDate(revocation.findingOn)}. {revocation.late ? text('revocation.late') : text('revocation.onTime')}
        </p>
        <p>
          <strong>{text('revocation.reason')}:</strong> {revocation.reason}
        </p>
      </section>
    );
  }
  if (!certificate.canRevoke) return null;
  if (!props.revoke) {
    return (
      <p>
        <button type="button" className="button button-danger" onClick={() => props.setRevoke('1')} data-testid="open-revoke">
          {text('revocation.open')}
        </button>
      </p>
    );
  }
  const inspection = certificate.inspections.find((i) => i.id === props.revoke);
  return <RevokeForm certificate={certificate} text={text} inspection={inspection ?? null} onClose={() => props.setRevoke(undefined)} />;
}

function RevokeForm({ certificate, text, inspection, onClose }: { certificate: Certificate; text: CertificateText; inspection: Inspection | null; onClose(): void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    ground: inspection ? (inspection.markUsedProperly === false ? 'mark_misuse' : 'criteria_no_longer_met') : '',
    findingOn: inspection?.inspectedOn ?? '',
    decidedOn: '',
    decisionNumber: '',
    reason: inspection?.findings ?? '',
  });
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const revoke = useMutation({
    mutationFn: () =>
      api.post('/api/certificates/{id}/revoke', {
        path: { id: certificate.id },
        body: { ...values, ground: values.ground as never, inspectionId: inspection?.id ?? null },
      }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(['certificates', certificate.id], updated);
      await queryClient.invalidateQueries({ queryKey: ['certificates', 'list'] });
      onClose();
    },
  });
  const errors = useFormErrors(revoke.error);
  const fields = ['ground', 'findingOn', 'decidedOn', 'decisionNumber', 'reason'];
  function submit(event: FormEvent) {
    event.preventDefault();
    revoke.mutate();
  }
  return (
    <form className="form card" onSubmit={submit} noValidate data-testid="revoke-form">
      <h2>{text('revocation.title')}</h2>
      {inspection?.inspectedOn && <p>{text('revocation.inspection', { day: formatDate(inspection.inspectedOn) })}</p>}
      <p className="hint">{text('revocation.deadline')}</p>
      <ErrorSummary errors={errors} shownFields={fields} />
      <SelectField
        name="ground"
        label={text('revocation.ground')}
        value={values.ground}
        onChange={set('ground')}
        placeholder="—"
        options={revocationGrounds.map((ground) => ({ value: ground, label: text(`ground.${ground}`) }))}
        errors={errors?.fields.ground}
        required
      />
      <div className="programme-grid">
        <DateField name="findingOn" label={text('revocation.findingOn')} value={values.findingOn} onChange={set('findingOn')} errors={errors?.fields.findingOn} required />
        <DateField name="decidedOn" label={text('revocation.decidedOn')} value={values.decidedOn} onChange={set('decidedOn')} errors={errors?.fields.decidedOn} required />
      </div>
      <TextField name="decisionNumber" label={text('revocation.decisionNumber')} value={values.decisionNumber} onChange={set('decisionNumber')} errors={errors?.fields.decisionNumber} required />
      <Field name="reason" label={text('revocation.reason')} errors={errors?.fields.reason} required>
        {(control) => <textarea {...control} rows={3} value={values.reason} onChange={(event) => set('reason')(event.target.value)} />}
      </Field>
      <FormActions submitLabel={text('revocation.submit')} busy={revoke.isPending} submitTestId="revoke-submit" tone="danger" onCancel={onClose} cancelLabel={text('common.cancel')} />
    </form>
  );
}

function Inspections({ certificate, text, onRevoke }: { certificate: Certificate; text: CertificateText; onRevoke(inspectionId: string): void }) {
  const [planning, setPlanning] = useState(false);
  const [recording, setRecording] = useState<string | null>(null);
  return (
    <section className="card stack" data-testid="inspections">
      <div className="page-header">
        <h2>{text('inspections.title')}</h2>
        {certificate.canInspect && !planning && (
          <button type="button" className="button" onClick={() => setPlanning(true)} data-testid="new-inspection">
            {text('inspections.new')}
          </button>
        )}
      </div>
      {planning && <PlanInspectionForm certificate={certificate} text={text} onClose={() => setPlanning(false)} />}
      {certificate.inspections.length === 0 ? (
        <p className="empty">{text('inspections.none')}</p>
      ) : (
        <table className="table table-stack" data-testid="inspections-table">
          <thead>
            <tr>
              <th scope="col">{text('inspections.kind')}</th>
              <th scope="col">{text('inspections.plannedOn')}</th>
              <th scope="col">{text('inspections.body')}</th>
              <th scope="col">{text('inspections.inspectedOn')}</th>
              <th scope="col">{text('inspections.outcome')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {certificate.inspections.map((inspection) => (
              <tr key={inspection.id} data-testid="inspection-row">
                <td data-label={text('inspections.kind')}>{text(`inspections.kind.${inspection.kind}`)}</td>
                <td data-label={text('inspections.plannedOn')}>
                  {formatDate(inspection.plannedOn)} {inspection.overdue && <Badge tone="bad">{text('inspections.overdue')}</Badge>}
                </td>
                <td data-label={text('inspections.body')}>{inspection.inspectingBody}</td>
                <td data-label={text('inspections.inspectedOn')}>{inspection.inspectedOn ? formatDate(inspection.inspectedOn) : ''}</td>
                <td data-label={text('inspections.outcome')}>
                  {inspection.outcome ? (
                    <Badge tone={inspection.outcome === 'compliant' ? 'good' : inspection.outcome === 'violation' ? 'bad' : 'soon'}>{text(`outcome.${inspection.outcome}`)}</Badge>
                  ) : (
                    text('inspections.pending')
                  )}
                  {inspection.findings && <p className="hint">{inspection.findings}</p>}
                  {inspection.revokedByThis && <p className="hint">{text('inspections.ledToRevocation')}</p>}
                </td>
                <td>
                  {certificate.canInspect && !inspection.revokedByThis && (
                    <button type="button" className="button button-small" onClick={() => setRecording(inspection.id)} data-testid="record-inspection">
                      {text('inspections.record')}
                    </button>
                  )}
                  {inspection.outcome === 'violation' && certificate.canRevoke && (
                    <button type="button" className="button button-small button-danger" onClick={() => onRevoke(inspection.id)} data-testid="revoke-from-inspection">
                      {text('inspections.revokeFromThis')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {recording && (
        <RecordInspectionForm
          key={recording}
          certificate={certificate}
          inspection={certificate.inspections.find((i) => i.id === recording)!}
          text={text}
          onClose={() => setRecording(null)}
        />
      )}
    </section>
  );
}

function PlanInspectionForm({ certificate, text, onClose }: { certificate: Certificate; text: CertificateText; onClose(): void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ kind: 'planned', plannedOn: '', inspectingBody: '' });
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const plan = useMutation({
    mutationFn: () => api.post('/api/certificates/{id}/inspections', { path: { id: certificate.id }, body: { ...values, kind: values.kind as never } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['certificates', certificate.id] });
      onClose();
    },
  });
  const errors = useFormErrors(plan.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    plan.mutate();
  }
  return (
    <form className="form" onSubmit={submit} noValidate data-testid="inspection-form">
      <ErrorSummary errors={errors} shownFields={['kind', 'plannedOn', 'inspectingBody']} />
      <div className="programme-grid">
        <SelectField
          name="kind"
          label={text('inspections.kind')}
          value={values.kind}
          onChange={set('kind')}
          options={(['planned', 'ad_hoc'] as const).map((kind) => ({ value: kind, label: text(`inspections.kind.${kind}`) }))}
          errors={errors?.fields.kind}
          required
        />
        <DateField name="plannedOn" label={text('inspections.plannedOn')} value={values.plannedOn} onChange={set('plannedOn')} errors={errors?.fields.plannedOn} required />
      </div>
      <TextField name="inspectingBody" label={text('inspections.body')} value={values.inspectingBody} onChange={set('inspectingBody')} errors={errors?.fields.inspectingBody} required />
      <FormActions submitLabel={text('inspections.new')} busy={plan.isPending} submitTestId="inspection-submit" onCancel={onClose} cancelLabel={text('common.cancel')} />
    </form>
  );
}

function RecordInspectionForm({ certificate, inspection, text, onClose }: { certificate: Certificate; inspection: Inspection; text: CertificateText; onClose(): void }) {
  const queryClient = useQueryClient();
  const yesNo = [
    { value: 'true', label: text('common.yes') },
    { value: 'false', label: text('common.no') },
  ];
  const [values, setValues] = useState({
    inspectedOn: inspection.inspectedOn ?? '',
    criteriaMaintained: inspection.criteriaMaintained === null ? '' : String(inspection.criteriaMaintained),
    markUsedProperly: inspection.markUsedProperly === null ? '' : String(inspection.markUsedProperly),
    findings: inspection.findings,
    outcome: inspection.outcome ?? '',
  });
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const record = useMutation({
    mutationFn: () =>
      api.patch('/api/inspections/{id}', {
        path: { id: inspection.id },
        body: {
          version: inspection.version,
          inspectedOn: values.inspectedOn,
          criteriaMaintained: (values.criteriaMaintained === '' ? undefined : values.criteriaMaintained === 'true') as boolean,
          markUsedProperly: (values.markUsedProperly === '' ? undefined : values.markUsedProperly === 'true') as boolean,
          findings: values.findings,
          outcome: (values.outcome || undefined) as never,
        },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['certificates', certificate.id] });
      onClose();
    },
  });
  const errors = useFormErrors(record.error);
  const fields = ['inspectedOn', 'criteriaMaintained', 'markUsedProperly', 'findings', 'outcome'];
  function submit(event: FormEvent) {
    event.preventDefault();
    record.mutate();
  }
  return (
    <form className="form" onSubmit={submit} noValidate data-testid="record-inspection-form">
      <h3>
        {text('inspections.record')}: {formatDate(inspection.plannedOn)}, {inspection.inspectingBody}
      </h3>
      <ErrorSummary errors={errors} shownFields={fields} />
      <div className="programme-grid">
        <DateField name="inspectedOn" label={text('inspections.inspectedOn')} value={values.inspectedOn} onChange={set('inspectedOn')} errors={errors?.fields.inspectedOn} required />
        <SelectField name="criteriaMaintained" label={text('inspections.criteria')} value={values.criteriaMaintained} onChange={set('criteriaMaintained')} placeholder="—" options={yesNo} errors={errors?.fields.criteriaMaintained} required />
        <SelectField name="markUsedProperly" label={text('inspections.mark')} value={values.markUsedProperly} onChange={set('markUsedProperly')} placeholder="—" options={yesNo} errors={errors?.fields.markUsedProperly} required />
        <SelectField
          name="outcome"
          label={text('inspections.outcome')}
          value={values.outcome}
          onChange={set('outcome')}
          placeholder="—"
          options={inspectionOutcomes.map((outcome) => ({ value: outcome, label: text(`outcome.${outcome}`) }))}
          errors={errors?.fields.outcome}
          required
        />
      </div>
      <Field name="findings" label={text('inspections.findings')} errors={errors?.fields.findings}>
        {(control) => <textarea {...control} rows={3} value={values.findings} onChange={(event) => set('findings')(event.target.value)} />}
      </Field>
      <FormActions submitLabel={text('inspections.save')} busy={record.isPending} submitTestId="record-inspection-submit" onCancel={onClose} cancelLabel={text('common.cancel')} />
    </form>
  );
}
