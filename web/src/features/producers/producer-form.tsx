/** The producer's details, for registering (with its commune) and for editing (the commune stays). */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { ApiError, type LegalForm, type Producer, type Schemas } from '../../app/api.ts';
import { legalFormLabel, legalFormOrder } from '../../app/labels.ts';
import { useUser } from '../../app/session.ts';
import { ErrorSummary, Field, SelectField, TextField, useFormErrors, type FormErrors } from '../../app/ui.tsx';
import { CommunePicker, ProvincePicker } from '../admin-units/index.ts';
import { useProducersText } from './producers-text.ts';

type CertificateKind = Schemas['ProducerCertificate']['kind'];
export const certificateKinds: readonly CertificateKind[] = ['food_safety', 'production_licence', 'quality_declaration', 'trademark', 'geographical_indication', 'other'];

export interface CertificateValues {
  kind: CertificateKind | '';
  number: string;
  issuedOn: string;
  expiresOn: string;
  issuer: string;
}

export interface ProducerFormValues {
  name: string;
  legalForm: LegalForm | '';
  taxCode: string;
  provinceCode: string;
  communeCode: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  representativeName: string;
  representativeGender: 'female' | 'male' | '';
  representativeEthnicity: string;
  representativePosition: string;
  registrationNumber: string;
  registrationDate: string;
  certificates: CertificateValues[];
  /** Ticked after the server listed probable duplicates and the user checked they differ. */
  confirmNotDuplicate: boolean;
}

export function producerFormValues(producer?: Producer): ProducerFormValues {
  return {
    name: producer?.name ?? '',
    legalForm: producer?.legalForm ?? '',
    taxCode: producer?.taxCode ?? '',
    provinceCode: producer?.provinceCode ?? '',
    communeCode: producer?.communeCode ?? '',
    address: producer?.address ?? '',
    phone: producer?.phone ?? '',
    email: producer?.email ?? '',
    website: producer?.website ?? '',
    representativeName: producer?.representativeName ?? '',
    representativeGender: producer?.representativeGender ?? '',
    representativeEthnicity: producer?.representativeEthnicity ?? '',
    representativePosition: producer?.representativePosition ?? '',
    registrationNumber: producer?.registrationNumber ?? '',
    registrationDate: producer?.registrationDate ?? '',
    certificates: (producer?.certificates ?? []).map((c) => ({
      kind: c.kind,
      number: c.number,
      issuedOn: c.issuedOn ?? '',
      expiresOn: c.expiresOn ?? '',
      issuer: c.issuer ?? '',
    })),
    confirmNotDuplicate: false,
  };
}

export const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The fields a producer may change about itself (producers.policy.ts producerContactFields). */
export const contactFields = ['address', 'phone', 'email', 'website'] as const;

/** What a producer editing itself sends: only how to reach it. */
export function contactBody(values: ProducerFormValues) {
  return { address: orNull(values.address), phone: orNull(values.phone), email: orNull(values.email), website: orNull(values.website) };
}

/** What an officer sends. */
export function producerBody(values: ProducerFormValues) {
  const contact = contactBody(values);
  return {
    name: values.name,
    // An empty choice is sent as is, so the server reports it with the other fields.
    legalForm: values.legalForm as LegalForm,
    taxCode: orNull(values.taxCode),
    ...contact,
    representativeName: orNull(values.representativeName),
    representativeGender: values.representativeGender === '' ? null : values.representativeGender,
    representativeEthnicity: orNull(values.representativeEthnicity),
    representativePosition: orNull(values.representativePosition),
    registrationNumber: orNull(values.registrationNumber),
    registrationDate: orNull(values.registrationDate),
    certificates: values.certificates.map((c) => ({
      kind: c.kind as CertificateKind,
      number: c.number.trim(),
      issuedOn: orNull(c.issuedOn),
      expiresOn: orNull(c.expiresOn),
      issuer: orNull(c.issuer),
    })),
    confirmNotDuplicate: values.confirmNotDuplicate,
  };
}

const fieldNames = [
  'name',
  'legalForm',
  'taxCode',
  'communeCode',
  'address',
  'phone',
  'email',
  'website',
  'representativeName',
  'representativeGender',
  'representativeEthnicity',
  'representativePosition',
  'registrationNumber',
  'registrationDate',
];

/** The 54 ethnic groups of Viet Nam (Tổng cục Thống kê), offered as suggestions; any text is accepted. */
const ethnicGroups = [
  'Kinh', 'Tày', 'Thái', 'Mường', 'Khmer', 'Hoa', 'Nùng', 'Mông', 'Dao', 'Gia Rai', 'Ê Đê', 'Ba Na', 'Sán Chay', 'Chăm', 'Cơ Ho',
  'Xơ Đăng', 'Sán Dìu', 'Hrê', 'Ra Glai', 'Mnông', 'Thổ', 'Xtiêng', 'Khơ Mú', 'Bru - Vân Kiều', 'Cơ Tu', 'Giáy', 'Tà Ôi', 'Mạ',
  'Giẻ Triêng', 'Co', 'Chơ Ro', 'Xinh Mun', 'Hà Nhì', 'Chu Ru', 'Lào', 'La Chí', 'Kháng', 'Phù Lá', 'La Hủ', 'La Ha', 'Pà Thẻn',
  'Lự', 'Ngái', 'Chứt', 'Lô Lô', 'Mảng', 'Cơ Lao', 'Bố Y', 'Cống', 'Si La', 'Pu Péo', 'Rơ Măm', 'Brâu', 'Ơ Đu',
];

interface DuplicateCandidate {
  id: string;
  name: string;
  taxCode: string | null;
  communeName: string | null;
  reason: 'tax_code' | 'name';
}

/** The 409 of a probable duplicate: who it may be, and whether the user may confirm it is another producer. */
function duplicatesOf(error: unknown): { candidates: DuplicateCandidate[]; confirmable: boolean } | null {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT' || !Array.isArray(error.details.duplicates)) return null;
  return { candidates: error.details.duplicates as DuplicateCandidate[], confirmable: error.details.confirmable === true };
}

function DateField(props: { name: string; label: string; value: string; onChange(value: string): void; errors?: string[] | undefined }) {
  return (
    <Field name={props.name} label={props.label} errors={props.errors}>
      {(control) => <input {...control} type="date" value={props.value} onChange={(event) => props.onChange(event.target.value)} />}
    </Field>
  );
}

function CertificatesEditor(props: { values: CertificateValues[]; onChange(values: CertificateValues[]): void; errors: FormErrors | null }) {
  const t = useProducersText();
  const update = (index: number, change: Partial<CertificateValues>) =>
    props.onChange(props.values.map((value, i) => (i === index ? { ...value, ...change } : value)));
  const errorsOf = (index: number, field: string) => props.errors?.fields[`certificates.${index}.${field}`];
  return (
    <fieldset className="stack-small" data-testid="certificates-editor">
      <legend className="h3">{t('certificates.title')}</legend>
      <p className="hint">{t('certificates.hint')}</p>
      {props.values.map((certificate, index) => (
        <div className="card stack-small" key={index} data-testid="certificate-row">
          <SelectField
            name={`certificates.${index}.kind`}
            label={t('certificates.kind')}
            value={certificate.kind}
            onChange={(kind) => update(index, { kind: kind as CertificateKind })}
            options={certificateKinds.map((kind) => ({ value: kind, label: t(`certificate.${kind}`) }))}
            placeholder={t('form.choose')}
            errors={errorsOf(index, 'kind')}
            required
          />
          <TextField name={`certificates.${index}.number`} label={t('certificates.number')} value={certificate.number} onChange={(number) => update(index, { number })} errors={errorsOf(index, 'number')} required maxLength={100} />
          <div className="row">
            <DateField name={`certificates.${index}.issuedOn`} label={t('certificates.issuedOn')} value={certificate.issuedOn} onChange={(issuedOn) => update(index, { issuedOn })} errors={errorsOf(index, 'issuedOn')} />
            <DateField name={`certificates.${index}.expiresOn`} label={t('certificates.expiresOn')} value={certificate.expiresOn} onChange={(expiresOn) => update(index, { expiresOn })} errors={errorsOf(index, 'expiresOn')} />
          </div>
          <TextField name={`certificates.${index}.issuer`} label={t('certificates.issuer')} value={certificate.issuer} onChange={(issuer) => update(index, { issuer })} errors={errorsOf(index, 'issuer')} maxLength={200} />
          <div className="form-actions">
            <button type="button" className="button button-small" onClick={() => props.onChange(props.values.filter((_, i) => i !== index))}>
              {t('certificates.remove')}
            </button>
          </div>
        </div>
      ))}
      <div className="form-actions">
        <button
          type="button"
          className="button button-small"
          onClick={() => props.onChange([...props.values, { kind: '', number: '', issuedOn: '', expiresOn: '', issuer: '' }])}
          data-testid="add-certificate"
        >
          {t('certificates.add')}
        </button>
      </div>
    </fieldset>
  );
}

function DuplicateWarning(props: { error: unknown; confirmed: boolean; onConfirm(confirmed: boolean): void }) {
  const t = useProducersText();
  const duplicates = duplicatesOf(props.error);
  const box = useRef<HTMLDivElement>(null);
  // The form is long: bring the warning, which sits at its top, into view when it appears.
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'start' });
    box.current?.focus({ preventScroll: true });
  }, [props.error]);
  if (!duplicates) return null;
  return (
    <div className="alert alert-error stack-small" role="alert" tabIndex={-1} ref={box} data-testid="duplicate-warning">
      <p className="alert-title">{t(duplicates.confirmable ? 'duplicates.warning' : 'duplicates.taken')}</p>
      <ul>
        {duplicates.candidates.map((candidate) => (
          <li key={candidate.id}>
            <Link to="/producers/$producerId" params={{ producerId: candidate.id }} target="_blank">
              {candidate.name}
            </Link>
            {candidate.communeName ? ` – ${candidate.communeName}` : ''}
            {candidate.taxCode ? ` – ${t('producers.taxCode')} ${candidate.taxCode}` : ''} ({t(`duplicates.reason.${candidate.reason}`)})
          </li>
        ))}
      </ul>
      {duplicates.confirmable && (
        <label>
          <input type="checkbox" checked={props.confirmed} onChange={(event) => props.onConfirm(event.target.checked)} data-testid="confirm-not-duplicate" />{' '}
          {t('duplicates.confirm')}
        </label>
      )}
    </div>
  );
}

export function ProducerForm(props: {
  mode: 'create' | 'edit';
  initial: ProducerFormValues;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit(values: ProducerFormValues): void;
  onCancel?: () => void;
}) {
  const t = useProducersText();
  const user = useUser();
  // Officers register producers in their own area: the scope they cannot change is filled in.
  const fixedProvince = user.role === 'province_office' || user.role === 'commune_officer' ? (user.provinceCode ?? '') : '';
  const fixedCommune = user.role === 'commune_officer' ? (user.communeCode ?? '') : '';
  // A producer editing itself changes only how to reach it; the rest is the officers' (producers.policy.ts).
  const contactOnly = user.role === 'producer';
  const [values, setValues] = useState<ProducerFormValues>(() =>
    props.mode === 'create'
      ? { ...props.initial, provinceCode: fixedProvince || props.initial.provinceCode, communeCode: fixedCommune || props.initial.communeCode }
      : props.initial,
  );
  const set = <K extends keyof ProducerFormValues>(key: K) => (value: ProducerFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const errors = useFormErrors(props.error);
  const duplicate = duplicatesOf(props.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    props.onSubmit(values);
  }

  return (
    <form className="card form" onSubmit={submit} noValidate data-testid="producer-form">
      {duplicate ? (
        <DuplicateWarning error={props.error} confirmed={values.confirmNotDuplicate} onConfirm={set('confirmNotDuplicate')} />
      ) : (
        <ErrorSummary errors={errors} shownFields={[...fieldNames, ...Object.keys(errors?.fields ?? {}).filter((path) => path.startsWith('certificates.'))]} />
      )}
      {!contactOnly && (
        <>
          <TextField name="name" label={t('producers.name')} value={values.name} onChange={set('name')} errors={errors?.fields.name} required maxLength={200} />
          <SelectField
            name="legalForm"
            label={t('producers.legalForm')}
            value={values.legalForm}
            onChange={(value) => set('legalForm')(value as LegalForm)}
            options={legalFormOrder.map((form) => ({ value: form, label: legalFormLabel(t, form) }))}
            placeholder={t('form.choose')}
            errors={errors?.fields.legalForm}
            required
          />
          <TextField
            name="taxCode"
            label={t('producers.taxCode')}
            hint={t('producers.taxCodeHint')}
            value={values.taxCode}
            onChange={set('taxCode')}
            errors={errors?.fields.taxCode}
            inputMode="numeric"
            maxLength={16}
          />
          {props.mode === 'create' ? (
            <>
              <ProvincePicker
                value={values.provinceCode}
                onChange={(code) => setValues((v) => ({ ...v, provinceCode: code, communeCode: '' }))}
                disabled={!!fixedProvince}
                required
              />
              <CommunePicker
                provinceCode={values.provinceCode}
                value={values.communeCode}
                onChange={set('communeCode')}
                errors={errors?.fields.communeCode}
                disabled={!!fixedCommune}
                required
              />
            </>
          ) : (
            <p className="hint">{t('producers.placeFixed')}</p>
          )}
        </>
      )}
      <TextField name="address" label={t('producers.address')} value={values.address} onChange={set('address')} errors={errors?.fields.address} maxLength={300} autoComplete="street-address" />
      <TextField name="phone" type="tel" label={t('producers.phone')} value={values.phone} onChange={set('phone')} errors={errors?.fields.phone} inputMode="tel" autoComplete="tel" />
      <TextField name="email" type="email" label={t('producers.email')} value={values.email} onChange={set('email')} errors={errors?.fields.email} inputMode="email" autoComplete="email" maxLength={200} />
      <TextField name="website" label={t('producers.website')} value={values.website} onChange={set('website')} errors={errors?.fields.website} maxLength={200} />
      {!contactOnly && (
        <>
          <fieldset className="stack-small">
            <legend className="h3">{t('producers.representative')}</legend>
            <p className="hint">{t('producers.representativeHint')}</p>
            <TextField name="representativeName" label={t('producers.representativeName')} value={values.representativeName} onChange={set('representativeName')} errors={errors?.fields.representativeName} maxLength={120} />
            <SelectField
              name="representativeGender"
              label={t('producers.representativeGender')}
              value={values.representativeGender}
              onChange={(value) => set('representativeGender')(value as ProducerFormValues['representativeGender'])}
              options={[
                { value: 'female', label: t('gender.female') },
                { value: 'male', label: t('gender.male') },
              ]}
              placeholder={t('form.choose')}
              errors={errors?.fields.representativeGender}
            />
            <Field name="representativeEthnicity" label={t('producers.representativeEthnicity')} errors={errors?.fields.representativeEthnicity}>
              {(control) => (
                <>
                  <input {...control} list="ethnic-groups" value={values.representativeEthnicity} onChange={(event) => set('representativeEthnicity')(event.target.value)} maxLength={50} />
                  <datalist id="ethnic-groups">
                    {ethnicGroups.map((group) => (
                      <option key={group} value={group} />
                    ))}
                  </datalist>
                </>
              )}
            </Field>
            <TextField name="representativePosition" label={t('producers.representativePosition')} value={values.representativePosition} onChange={set('representativePosition')} errors={errors?.fields.representativePosition} maxLength={100} />
          </fieldset>
          <fieldset className="stack-small">
            <legend className="h3">{t('producers.registration')}</legend>
            <TextField name="registrationNumber" label={t('producers.registrationNumber')} value={values.registrationNumber} onChange={set('registrationNumber')} errors={errors?.fields.registrationNumber} maxLength={50} />
            <DateField name="registrationDate" label={t('producers.registrationDate')} value={values.registrationDate} onChange={set('registrationDate')} errors={errors?.fields.registrationDate} />
          </fieldset>
          <CertificatesEditor values={values.certificates} onChange={set('certificates')} errors={errors} />
        </>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={props.pending} data-testid="producer-submit">
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" className="button" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
