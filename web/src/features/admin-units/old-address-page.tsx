import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { api } from '../../app/api.ts';
import { formatNumber } from '../../app/i18n.tsx';
import { Badge, Empty, Field, LoadError, Loading, PageHeader } from '../../app/ui.tsx';
import { CURRENT_VERSION } from './admin-units.queries.ts';
import { useAdminUnitsText } from './admin-units-text.ts';

const route = getRouteApi('/old-address');

/** "Địa chỉ cũ nay thuộc đâu?": which current units an address from before 1/7/2025 lies in. */
export function OldAddressPage() {
  const t = useAdminUnitsText();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [text, setText] = useState(search.q ?? '');
  const [tooShort, setTooShort] = useState(false);
  useEffect(() => setText(search.q ?? ''), [search.q]);
  const answer = useQuery({
    queryKey: ['admin-units', 'old-address', search.q],
    queryFn: () => api.get('/api/admin-units/old-address', { query: { q: search.q! } }),
    enabled: !!search.q && search.q.trim().length >= 2,
    staleTime: 60 * 60 * 1000,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const q = text.trim();
    setTooShort(q.length < 2);
    if (q.length >= 2) void navigate({ search: { q } });
  }

  return (
    <section className="stack">
      <PageHeader title={t('oldAddress.title')}>
        <p className="lead">{t('oldAddress.intro')}</p>
      </PageHeader>
      <form className="card form" onSubmit={submit} role="search" data-testid="old-address-form" noValidate>
        <Field name="q" label={t('oldAddress.label')} hint={t('oldAddress.hint')} errors={tooShort ? [t('oldAddress.tooShort')] : undefined} required>
          {(control) => (
            <div className="input-with-button">
              <input {...control} type="search" value={text} onChange={(event) => setText(event.target.value)} data-testid="old-address-input" />
              <button type="submit" className="button button-primary" data-testid="old-address-submit">
                {t('oldAddress.submit')}
              </button>
            </div>
          )}
        </Field>
      </form>

      {search.q && answer.isPending && <Loading />}
      {answer.isError && <LoadError error={answer.error} retry={() => void answer.refetch()} />}
      {answer.data && answer.data.matches.length === 0 && <Empty>{t('oldAddress.none', { q: answer.data.query })}</Empty>}
      {answer.data && answer.data.matches.length > 0 && (
        <div className="stack" data-testid="old-address-results">
          <p className="hint">{t('oldAddress.matches', { count: formatNumber(answer.data.matches.length) })}</p>
          {answer.data.matches.map((match, index) => (
            <article key={`${match.unit.level}-${match.unit.code}`} className="card stack-small" data-testid="old-address-match">
              <h2 className="h3">
                <Link to="/admin-units/$version/$level/$code" params={{ version: match.unit.versionId, level: match.unit.level, code: match.unit.code }}>
                  {match.unit.fullName}
                </Link>
                {index === 0 && <Badge tone="good">{t('oldAddress.best')}</Badge>}
              </h2>
              {match.unit.level !== 'province' && (
                <p className="row-meta">
                  {[match.unit.level === 'commune' ? match.unit.parentName : null, match.unit.provinceName].filter((n, i, all) => n && all.indexOf(n) === i).join(', ')}
                  {' · '}
                  {t('oldAddress.before')}
                </p>
              )}
              <h3 className="h4">{t('oldAddress.nowIn', { count: formatNumber(match.currentUnits.length) })}</h3>
              <ul className="chips" data-testid="current-units">
                {match.currentUnits.map((unit) => (
                  <li key={unit.code} data-testid="current-unit">
                    <Link to="/admin-units/$version/$level/$code" params={{ version: CURRENT_VERSION, level: 'commune', code: unit.code }}>
                      {unit.fullName}
                    </Link>
                    <span className="chip-meta">, {unit.provinceName}</span>
                    {unit.isPartial && <Badge>{t('units.partial')}</Badge>}
                  </li>
                ))}
              </ul>
              {match.unmapped.length > 0 && (
                <p className="hint" data-testid="unmapped">
                  {t('oldAddress.unmapped', { names: match.unmapped.map((u) => u.fullName).join(', ') })}
                </p>
              )}
              {match.successions.length > 0 && match.unit.level !== 'commune' && (
                <details>
                  <summary>{t('oldAddress.details', { count: formatNumber(match.successions.length) })}</summary>
                  <ul className="plain-list">
                    {match.successions.map((s) => (
                      <li key={`${s.fromCode}-${s.toCode ?? ''}`}>
                        {s.fromName} → {s.toName ?? t('units.unmapped')}
                        {s.isPartial ? ` (${t('units.partial')})` : ''}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </article>
          ))}
        </div>
      )}
    </section>
  );
}
