/**
 * The submit/cancel row under a form: the submit button is disabled while the request runs (and
 * may say so, `busyLabel`); cancel appears when there is somewhere to go back to.
 */
import type { ReactNode } from 'react';
import { useI18n } from './i18n.tsx';

export function FormActions(props: {
  submitLabel: ReactNode;
  busy: boolean;
  busyLabel?: ReactNode;
  submitTestId?: string;
  tone?: 'primary' | 'danger';
  onCancel?: () => void;
  cancelLabel?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <button type="submit" className={`button button-${props.tone ?? 'primary'}`} disabled={props.busy} data-testid={props.submitTestId}>
        {props.busy && props.busyLabel ? props.busyLabel : props.submitLabel}
      </button>
      {props.onCancel && (
        <button type="button" className="button" onClick={props.onCancel}>
          {props.cancelLabel ?? t('common.cancel')}
        </button>
      )}
      {props.children}
    </div>
  );
}
