/** Small form pieces shared by the training, plan and fair screens. */
import { Field } from '../../app/ui.tsx';

export function DateField(props: { name: string; label: string; value: string; onChange(value: string): void; errors?: string[] | undefined; required?: boolean }) {
  return (
    <Field name={props.name} label={props.label} errors={props.errors} required={props.required}>
      {(control) => <input {...control} type="date" value={props.value} onChange={(event) => props.onChange(event.target.value)} />}
    </Field>
  );
}

/** The plan years one may look at: next year back to five years ago. */
export function yearOptions(): Array<{ value: string; label: string }> {
  const current = new Date().getFullYear();
  return Array.from({ length: 6 }, (_, i) => String(current + 1 - i)).map((year) => ({ value: year, label: year }));
}

/** The first year of OCOP figures (the programme's first recognitions). */
export const FIRST_REPORT_YEAR = 2019;

/** Years a report or a dashboard counts: this year back to 2019 (a future year answers 400). */
export function reportYearOptions(): Array<{ value: string; label: string }> {
  const current = new Date().getFullYear();
  return Array.from({ length: current - FIRST_REPORT_YEAR + 1 }, (_, i) => String(current - i)).map((year) => ({ value: year, label: year }));
}
