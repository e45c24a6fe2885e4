/** The producer's details, for registering (with its commune) and for editing (the commune stays). */
import { useState, type FormEvent } from 'react';
import type { LegalForm, Producer } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { legalFormLabel, legalFormOrder } from '../../app/labels.ts';
import { useUser } from '../../app/session.ts';
import { ErrorSummary, SelectField, TextField, useFormErrors } from '../../app/ui.tsx';
import { CommunePicker, ProvincePicker } from '../admin-units/index.ts';

export interface ProducerFormValues {
  name: string;
  legalForm: LegalForm | '';
  taxCode: string;
  provinceCode: string;
  communeCode: string;
  address: string;
  phone: string;
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
  };
}

const fieldNames = ['name', 'legalForm', 'taxCode', 'communeCode', 'address', 'phone'];

export function ProducerForm(props: {
  mode: 'create' | 'edit';
  initial: ProducerFormValues;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit(values: ProducerFormValues): void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const user = useUser();
  // Officers register producers in their own area: the scope they cannot change is filled in.
  const fixedProvince = user.role === 'province_office' || user.role === 'commune_officer' ? (user.provinceCode ?? '') : '';
  const fixedCommune = user.role === 'commune_officer' ? (user.communeCode ?? '') : '';
  const [values, setValues] = useState<ProducerFormValues>(() =>
    props.mode === 'create'
      ? { ...props.initial, provinceCode: fixedProvince || props.initial.provinceCode, communeCode: fixedCommune || props.initial.communeCode }
      : props.initial,
  );
  const set = <K extends keyof ProducerFormValues>(key: K) => (value: ProducerFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const errors = useFormErrors(props.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    props.onSubmit(values);
  }

  return (
    <form className="card form" onSubmit={submit} noValidate data-testid="producer-form">
      <ErrorSummary errors={errors} shownFields={fieldNames} />
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
        maxLength={14}
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
      <TextField name="address" label={t('producers.address')} value={values.address} onChange={set('address')} errors={errors?.fields.address} maxLength={300} autoComplete="street-address" />
      <TextField name="phone" type="tel" label={t('producers.phone')} value={values.phone} onChange={set('phone')} errors={errors?.fields.phone} inputMode="tel" autoComplete="tel" />
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

export const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
