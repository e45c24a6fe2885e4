/**
 * The few building blocks every screen uses: labelled fields that show their own errors, an error
 * summary, loading and empty states, pagination, badges, a copy button. Plain HTML elements, styled
 * by styles.css; every control has a visible label and errors are tied to fields with aria-describedby.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiError, errorMessage, issueMessage } from './api.ts';
import { formatNumber, useI18n } from './i18n.tsx';

// ---------------------------------------------------------------------------------------------
// Errors from the API, placed where they belong

export interface FormErrors {
  message: string;
  /** Issues by field path, every one of them (the server reports all at once). */
  fields: Record<string, string[]>;
}

export function useFormErrors(error: unknown): FormErrors | null {
  const { locale } = useI18n();
  if (!error) return null;
  const fields: Record<string, string[]> = {};
  if (error instanceof ApiError) {
    for (const issue of error.issues) (fields[issue.path] ??= []).push(issueMessage(issue, locale));
  }
  return { message: errorMessage(error, locale), fields };
}

/** The message of a failed request, with the field issues that no visible field shows. */
export function ErrorSummary({ errors, shownFields = [] }: { errors: FormErrors | null; shownFields?: readonly string[] }) {
  const { t } = useI18n();
  if (!errors) return null;
  const others = Object.entries(errors.fields).filter(([path]) => !shownFields.includes(path));
  const fieldCount = Object.keys(errors.fields).length - others.length;
  return (
    <div className="alert alert-error" role="alert" data-testid="form-error">
      <p className="alert-title">{errors.message}</p>
      {fieldCount > 0 && <p>{t('form.fixFields', { count: fieldCount })}</p>}
      {others.length > 0 && (
        <ul>
          {others.flatMap(([path, messages]) =>
            messages.map((message) => (
              <li key={path + message}>
                {path ? <code>{path}</code> : null} {message}
              </li>
            )),
          )}
        </ul>
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Fields

export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
  required: boolean | undefined;
}

export function Field(props: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[] | undefined;
  required?: boolean;
  children: (control: ControlProps) => ReactNode;
}) {
  const { t } = useI18n();
  const id = `field-${props.name.replaceAll('.', '-')}`;
  const describedBy = [props.hint ? `${id}-hint` : null, props.errors?.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={props.errors?.length ? 'field field-invalid' : 'field'} data-testid={`field-${props.name}`}>
      <label htmlFor={id}>
        {props.label}
        {props.required ? <span className="required" aria-hidden="true"> *</span> : <span className="optional"> {t('form.optional')}</span>}
      </label>
      {props.children({
        id,
        name: props.name,
        'aria-invalid': props.errors?.length ? true : undefined,
        'aria-describedby': describedBy,
        required: props.required || undefined,
      })}
      {props.hint && (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.errors?.length ? (
        <p className="field-error" id={`${id}-error`} data-testid={`error-${props.name}`}>
          {props.errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

export function TextField(props: {
  name: string;
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  errors?: string[] | undefined;
  hint?: ReactNode;
  required?: boolean;
  type?: 'text' | 'email' | 'password' | 'tel' | 'search';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  maxLength?: number;
  disabled?: boolean;
}) {
  return (
    <Field name={props.name} label={props.label} errors={props.errors} hint={props.hint} required={props.required}>
      {(control) => (
        <input
          {...control}
          type={props.type ?? 'text'}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
          autoComplete={props.autoComplete}
          inputMode={props.inputMode}
          maxLength={props.maxLength}
          disabled={props.disabled}
        />
      )}
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: {
  name: string;
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  options: readonly Option[];
  /** A first, empty choice ("— chọn —"), for optional fields or to force a choice. */
  placeholder?: string;
  errors?: string[] | undefined;
  hint?: ReactNode;
  required?: boolean;
  disabled?: boolean;
}) {
  return (
    <Field name={props.name} label={props.label} errors={props.errors} hint={props.hint} required={props.required}>
      {(control) => (
        <select {...control} value={props.value} onChange={(event) => props.onChange(event.target.value)} disabled={props.disabled}>
          {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
          {props.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

// ---------------------------------------------------------------------------------------------
// States

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label ?? t('common.loading')}
    </p>
  );
}

export function LoadError({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t, locale } = useI18n();
  // Retrying helps after a network or server failure, not after a refusal (not found, forbidden…).
  const retryable = !(error instanceof ApiError && error.status >= 400 && error.status < 500);
  return (
    <div className="alert alert-error" role="alert" data-testid="load-error">
      <p>{errorMessage(error, locale)}</p>
      {retry && retryable && (
        <button type="button" className="button button-small" onClick={retry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/**
 * The three states every screen that loads something shows the same way: loading, failed (with a
 * retry), empty — and otherwise the content, given the loaded data.
 */
export function QueryView<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} retry={() => void query.refetch()} />;
  if (isEmpty?.(query.data)) return <Empty>{empty}</Empty>;
  return <>{children(query.data)}</>;
}

export function Notice({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div className="alert alert-success" role="status" data-testid={testId}>
      {children}
    </div>
  );
}

export function Badge({ tone = 'neutral', children }: { tone?: 'neutral' | 'good' | 'bad' | 'soon'; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function PageHeader({ title, actions, children }: { title: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {children}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}

export function Pagination(props: { page: number; pageSize: number; total: number; onPage(page: number): void }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <button type="button" className="button button-small" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
        {t('pagination.previous')}
      </button>
      <span data-testid="pagination-status">
        {t('pagination.status', { page: formatNumber(props.page), pages: formatNumber(pages), total: formatNumber(props.total) })}
      </span>
      <button type="button" className="button button-small" disabled={props.page >= pages} onClick={() => props.onPage(props.page + 1)}>
        {t('pagination.next')}
      </button>
    </nav>
  );
}

export function CopyButton({ text }: { text: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Without the clipboard API (plain http on a LAN), fall back to the legacy command.
      const area = document.createElement('textarea');
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2500);
  }
  return (
    <button type="button" className="button button-small" onClick={copy} data-testid="copy-button">
      {copied ? t('common.copied') : t('common.copy')}
    </button>
  );
}

/** A one-time secret (a temporary password): shown once, with a copy button. */
export function OneTimeSecret({ title, secret, note }: { title: ReactNode; secret: string; note: ReactNode }) {
  return (
    <div className="alert alert-success secret" role="status" data-testid="temporary-password-box">
      <p className="alert-title">{title}</p>
      <p className="secret-row">
        <code className="secret-value" data-testid="temporary-password">
          {secret}
        </code>
        <CopyButton text={secret} />
      </p>
      <p className="hint">{note}</p>
    </div>
  );
}
