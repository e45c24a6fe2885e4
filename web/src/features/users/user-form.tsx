/**
 * An account's details, role and scope. The scope fields follow the role (validate-assignment.ts):
 * a provincial office needs its province, a commune officer its province and commune, a producer
 * account its producer; a council or advisory member sits in a province or, without one, at the ministry.
 */
import { useState, type FormEvent } from 'react';
import { manageableRoles } from '../../app/access.ts';
import type { Role, User } from '../../app/api.ts';
import { roleLabel } from '../../app/labels.ts';
import { useUser } from '../../app/session.ts';
import { ErrorSummary, SelectField, TextField, useFormErrors } from '../../app/ui.tsx';
import { CommunePicker, ProvincePicker } from '../admin-units/index.ts';
import { ProducerPicker } from '../producers/index.ts';
import { useUsersText } from './users-text.ts';

export interface UserFormValues {
  username: string;
  password: string;
  displayName: string;
  email: string;
  locale: 'vi' | 'en';
  role: Role | '';
  provinceCode: string;
  communeCode: string;
  producerId: string;
}

export function userFormValues(user?: User): UserFormValues {
  return {
    username: user?.username ?? '',
    password: '',
    displayName: user?.displayName ?? '',
    email: user?.email ?? '',
    locale: user?.locale ?? 'vi',
    role: user?.role ?? '',
    provinceCode: user?.provinceCode ?? '',
    communeCode: user?.communeCode ?? '',
    producerId: user?.producerId ?? '',
  };
}

type ProvinceNeed = 'required' | 'optional' | 'none';

function provinceNeed(role: Role | '', actor: Pick<User, 'role'>): ProvinceNeed {
  switch (role) {
    case 'province_office':
    case 'commune_officer':
      return 'required';
    case 'council_member':
    case 'advisory_member':
      // The provincial office's councils are provincial; the ministry's are national.
      return actor.role === 'ministry_officer' ? 'none' : actor.role === 'province_office' ? 'required' : 'optional';
    default:
      return 'none';
  }
}

/** The scope the chosen role needs, with everything else cleared (the server refuses stray scope). */
export function scopeOf(values: UserFormValues, actor: Pick<User, 'role'>) {
  return {
    provinceCode: provinceNeed(values.role, actor) !== 'none' ? values.provinceCode || null : null,
    communeCode: values.role === 'commune_officer' ? values.communeCode || null : null,
    producerId: values.role === 'producer' ? values.producerId || null : null,
  };
}

const fieldNames = ['username', 'password', 'displayName', 'email', 'locale', 'role', 'provinceCode', 'communeCode', 'producerId'];

export function UserForm(props: {
  mode: 'create' | 'edit';
  initial: UserFormValues;
  /** The producer's name of the account being edited, for the picker. */
  producerName?: string | null;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit(values: UserFormValues): void;
  onCancel?: () => void;
}) {
  const t = useUsersText();
  const actor = useUser();
  const fixedProvince = actor.role === 'province_office' ? (actor.provinceCode ?? '') : '';
  const [values, setValues] = useState<UserFormValues>(() => ({
    ...props.initial,
    provinceCode: fixedProvince || props.initial.provinceCode,
  }));
  const set = <K extends keyof UserFormValues>(key: K) => (value: UserFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const errors = useFormErrors(props.error);
  const need = provinceNeed(values.role, actor);
  const roles = manageableRoles(actor);

  function submit(event: FormEvent) {
    event.preventDefault();
    props.onSubmit(values);
  }

  return (
    <form className="card form" onSubmit={submit} noValidate data-testid="user-form">
      <ErrorSummary errors={errors} shownFields={fieldNames} />
      {props.mode === 'create' && (
        <TextField
          name="username"
          label={t('users.username')}
          hint={t('users.usernameHint')}
          value={values.username}
          onChange={set('username')}
          errors={errors?.fields.username}
          autoComplete="off"
          maxLength={60}
          required
        />
      )}
      <TextField name="displayName" label={t('users.displayName')} value={values.displayName} onChange={set('displayName')} errors={errors?.fields.displayName} maxLength={120} required />
      <TextField name="email" type="email" label={t('users.email')} value={values.email} onChange={set('email')} errors={errors?.fields.email} autoComplete="off" maxLength={200} />
      <SelectField
        name="role"
        label={t('users.role')}
        value={values.role}
        onChange={(role) => setValues((v) => ({ ...v, role: role as Role, communeCode: role === 'commune_officer' ? v.communeCode : '', producerId: role === 'producer' ? v.producerId : '' }))}
        options={roles.map((role) => ({ value: role, label: roleLabel(t, role) }))}
        placeholder={t('form.choose')}
        errors={errors?.fields.role}
        required
      />
      {need !== 'none' && (
        <ProvincePicker
          value={values.provinceCode}
          onChange={(code) => setValues((v) => ({ ...v, provinceCode: code, communeCode: '' }))}
          errors={errors?.fields.provinceCode}
          required={need === 'required'}
          disabled={!!fixedProvince}
          placeholder={need === 'optional' ? t('users.centralLevel') : undefined}
          hint={need === 'optional' ? t('users.provinceOptionalHint') : undefined}
        />
      )}
      {values.role === 'commune_officer' && (
        <CommunePicker provinceCode={values.provinceCode} value={values.communeCode} onChange={set('communeCode')} errors={errors?.fields.communeCode} required />
      )}
      {values.role === 'producer' && (
        <ProducerPicker value={values.producerId} currentName={props.producerName} onChange={set('producerId')} errors={errors?.fields.producerId} required />
      )}
      <SelectField
        name="locale"
        label={t('users.locale')}
        value={values.locale}
        onChange={(locale) => set('locale')(locale === 'en' ? 'en' : 'vi')}
        options={[
          { value: 'vi', label: 'Tiếng Việt' },
          { value: 'en', label: 'English' },
        ]}
        errors={errors?.fields.locale}
        required
      />
      {props.mode === 'create' && (
        <TextField
          name="password"
          type="password"
          label={t('users.password')}
          hint={t('users.passwordHint')}
          value={values.password}
          onChange={set('password')}
          errors={errors?.fields.password}
          autoComplete="new-password"
        />
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={props.pending} data-testid="user-submit">
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
