/** Before/after of one audit event, field by field, changed fields marked. */
import { useAuditText } from './audit-text.ts';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const show = (value: unknown) => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const t = useAuditText();
  if (!isRecord(before) && !isRecord(after)) {
    return (
      <p className="hint">
        {before == null && after == null ? t('audit.noData') : `${show(before) || '—'} → ${show(after) || '—'}`}
      </p>
    );
  }
  const old = isRecord(before) ? before : {};
  const now = isRecord(after) ? after : {};
  const changed = (key: string) => show(old[key]) !== show(now[key]);
  // Changed fields first, so the change is seen without reading the whole record.
  const keys = [...new Set([...Object.keys(old), ...Object.keys(now)])].sort((a, b) => Number(changed(b)) - Number(changed(a)));
  return (
    <table className="table diff table-stack" data-testid="audit-diff">
      <thead>
        <tr>
          <th scope="col">{t('audit.field')}</th>
          <th scope="col">{t('audit.before')}</th>
          <th scope="col">{t('audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => {
          const isChanged = changed(key);
          return (
            <tr key={key} className={isChanged ? 'changed' : undefined} data-changed={isChanged || undefined}>
              <th scope="row" data-label={t('audit.field')}>
                <code>{key}</code>
                {isChanged && <span className="visually-hidden"> ({t('audit.changed')})</span>}
              </th>
              <td data-label={t('audit.before')}>
                <span className="diff-old">{show(old[key])}</span>
              </td>
              <td data-label={t('audit.after')}>
                <span className={isChanged ? 'diff-new' : undefined}>{show(now[key])}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
