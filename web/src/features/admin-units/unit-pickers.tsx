/** Province and commune pickers for forms (users, producers): current units, communes filtered by province. */
import { SelectField } from '../../app/ui.tsx';
import { useCommunes, useProvinces } from './admin-units.queries.ts';
import { useAdminUnitsText } from './admin-units-text.ts';

interface PickerProps {
  value: string;
  onChange(code: string): void;
  errors?: string[] | undefined;
  required?: boolean;
  disabled?: boolean;
  name?: string;
  label?: string;
  hint?: string;
  /** The label of the empty choice; defaults to "— Chọn —". */
  placeholder?: string;
}

export function ProvincePicker(props: PickerProps) {
  const t = useAdminUnitsText();
  const provinces = useProvinces();
  return (
    <SelectField
      name={props.name ?? 'provinceCode'}
      label={props.label ?? t('units.province')}
      value={props.value}
      onChange={props.onChange}
      options={(provinces.data ?? []).map((unit) => ({ value: unit.code, label: unit.fullName }))}
      placeholder={provinces.isPending ? t('common.loading') : (props.placeholder ?? t('form.choose'))}
      errors={props.errors ?? (provinces.isError ? [t('units.loadFailed')] : undefined)}
      hint={props.hint}
      required={props.required}
      disabled={props.disabled || provinces.isPending}
    />
  );
}

export function CommunePicker(props: PickerProps & { provinceCode: string }) {
  const t = useAdminUnitsText();
  const communes = useCommunes(props.provinceCode || null);
  const waiting = !props.provinceCode;
  return (
    <SelectField
      name={props.name ?? 'communeCode'}
      label={props.label ?? t('units.commune')}
      value={props.value}
      onChange={props.onChange}
      options={(communes.data ?? []).map((unit) => ({ value: unit.code, label: unit.fullName }))}
      placeholder={waiting ? t('units.chooseProvinceFirst') : communes.isPending ? t('common.loading') : (props.placeholder ?? t('form.choose'))}
      errors={props.errors ?? (communes.isError ? [t('units.loadFailed')] : undefined)}
      hint={props.hint}
      required={props.required}
      disabled={props.disabled || waiting || communes.isPending}
    />
  );
}
