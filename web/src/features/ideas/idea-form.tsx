/** The fields of a product idea (phiếu đăng ký ý tưởng sản phẩm), for registering and for resubmitting. */
import type { ReactNode } from 'react';
import { Field, SelectField, TextField, type FormErrors } from '../../app/ui.tsx';
import { productSetLabel, useProductSets } from './ideas.queries.ts';
import { useIdeasText } from './ideas-text.ts';

export function TextAreaField(props: {
  name: string;
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  errors?: string[] | undefined;
  hint?: ReactNode;
  required?: boolean;
  rows?: number;
  maxLength?: number;
}) {
  return (
    <Field name={props.name} label={props.label} errors={props.errors} hint={props.hint} required={props.required}>
      {(control) => <textarea {...control} rows={props.rows ?? 4} value={props.value} maxLength={props.maxLength} onChange={(event) => props.onChange(event.target.value)} />}
    </Field>
  );
}

export interface IdeaFieldValues {
  productName: string;
  productSet: string;
  description: string;
  rawMaterials: string;
  market: string;
}

export const ideaFieldNames = ['productName', 'productSet', 'description', 'rawMaterials', 'market'];

export function IdeaFields(props: { values: IdeaFieldValues; onChange(values: IdeaFieldValues): void; errors: FormErrors | null }) {
  const t = useIdeasText();
  const productSets = useProductSets();
  const set = (key: keyof IdeaFieldValues) => (value: string) => props.onChange({ ...props.values, [key]: value });
  const numbers = Array.from({ length: 26 }, (_, i) => i + 1);
  return (
    <>
      <TextField name="productName" label={t('ideas.productName')} value={props.values.productName} onChange={set('productName')} errors={props.errors?.fields.productName} required maxLength={200} />
      <SelectField
        name="productSet"
        label={t('ideas.productSet')}
        hint={t('ideas.productSetHint')}
        value={props.values.productSet}
        onChange={set('productSet')}
        options={numbers.map((n) => ({ value: String(n), label: productSetLabel(n, productSets.data, t('ideas.productSetNumber', { number: n })) }))}
        placeholder={t('form.choose')}
        errors={props.errors?.fields.productSet}
        required
      />
      <TextAreaField name="description" label={t('ideas.description')} hint={t('ideas.descriptionHint')} value={props.values.description} onChange={set('description')} errors={props.errors?.fields.description} required maxLength={5000} />
      <TextAreaField name="rawMaterials" label={t('ideas.rawMaterials')} value={props.values.rawMaterials} onChange={set('rawMaterials')} errors={props.errors?.fields.rawMaterials} rows={2} maxLength={2000} />
      <TextAreaField name="market" label={t('ideas.market')} value={props.values.market} onChange={set('market')} errors={props.errors?.fields.market} rows={2} maxLength={2000} />
    </>
  );
}

/** An empty choice is left out of the body, so the server reports the missing product set with the other fields. */
export const productSetValue = (value: string) => (value === '' ? (undefined as unknown as number) : Number(value));
