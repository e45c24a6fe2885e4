import { useEffect, useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { api, type AdminUnit } from '../../app/api.ts';
import { formatNumber } from '../../app/i18n.tsx';
import { Field, PageHeader, Pagination, QueryView, SelectField } from '../../app/ui.tsx';
import { CURRENT_VERSION, versionsQuery } from './admin-units.queries.ts';
import { useAdminUnitsText } from './admin-units-text.ts';

const route = getRouteApi('/admin-units');
const PAGE_SIZE = 100;

/** A parent code's level: 2 digits a province, 3 a district (only before 1/7/2025). */
const levelOfCode = (code: string) => (code.length === 2 ? 'province' : code.length === 3 ? 'district' : 'commune');

export function UnitsPage() {
  const t = useAdminUnitsText();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const version = search.version ?? CURRENT_VERSION;
  const page = search.page ?? 1;
  const [text, setText] = useState(search.q ?? '');
  useEffect(() => setText(search.q ?? ''), [search.q]);

  const versions = useQuery(versionsQuery);
  const parent = useQuery({
    queryKey: ['admin-units', 'unit', version, search.parent],
    queryFn: () => api.get('/api/admin-units/{version}/{level}/{code}', { path: { version, level: levelOfCode(search.parent!), code: search.parent! } }),
    enabled: !!search.parent,
    staleTime: 60 * 60 * 1000,
  });
  const list = useQuery({
    queryKey: ['admin-units', 'list', version, search.parent, search.q, page],
    queryFn: () =>
      api.get('/api/admin-units', {
        query: {
          version,
          q: search.q,
          parent: search.q ? undefined : search.parent,
          province: search.q && search.parent?.length === 2 ? search.parent : undefined,
          level: search.q || search.parent ? undefined : 'province',
          page,
          pageSize: PAGE_SIZE,
        },
      }),
    placeholderData: keepPreviousData,
    staleTime: 60 * 60 * 1000,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    void navigate({ search: (previous) => ({ ...previous, q: text.trim() || undefined, page: undefined }) });
  }

  const parentUnit = parent.data?.unit;
  return (
    <section className="stack">
      <PageHeader title={t('units.title')}>
        <p className="lead">{t('units.intro')}</p>
      </PageHeader>

      <form className="toolbar" onSubmit={submit} role="search">
        <SelectField
          name="version"
          label={t('units.version')}
          value={version}
          onChange={(value) => void navigate({ search: { version: value === CURRENT_VERSION ? undefined : value } })}
          options={(versions.data ?? [{ id: CURRENT_VERSION, name: CURRENT_VERSION }]).map((v) => ({ value: v.id, label: v.name }))}
          required
        />
        <Field name="q" label={t('units.search')} hint={t('units.searchHint')}>
          {(control) => (
            <div className="input-with-button">
              <input {...control} type="search" value={text} onChange={(event) => setText(event.target.value)} data-testid="units-search" />
              <button type="submit" className="button button-primary">
                {t('common.search')}
              </button>
            </div>
          )}
        </Field>
      </form>

      <nav aria-label={t('units.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/admin-units" search={{ version: search.version }}>
              {t('units.allProvinces')}
            </Link>
          </li>
          {parentUnit?.level === 'district' && (
            <li>
              <Link to="/admin-units" search={{ version: search.version, parent: parentUnit.provinceCode }}>
                {parentUnit.provinceName}
              </Link>
            </li>
          )}
          {parentUnit && (
            <li aria-current="page">
              <Link to="/admin-units/$version/$level/$code" params={{ version, level: parentUnit.level, code: parentUnit.code }}>
                {parentUnit.fullName}
              </Link>
            </li>
          )}
        </ol>
      </nav>

      {search.q && <p>{t('units.resultsFor', { q: search.q })}</p>}
      <QueryView query={list} isEmpty={(data) => data.items.length === 0} empty={t('units.none')}>
        {(data) => (
        <>
          <p className="hint">{t('units.count', { count: formatNumber(data.total) })}</p>
          <ul className="rows" data-testid="units-list">
            {data.items.map((unit) => (
              <UnitRow key={`${unit.level}-${unit.code}`} unit={unit} showContext={!!search.q} versionParam={search.version} />
            ))}
          </ul>
          {data.total > PAGE_SIZE && (
            <Pagination page={page} pageSize={PAGE_SIZE} total={data.total} onPage={(next) => void navigate({ search: (previous) => ({ ...previous, page: next }) })} />
          )}
        </>
        )}
      </QueryView>
    </section>
  );
}

function UnitRow({ unit, showContext, versionParam }: { unit: AdminUnit; showContext: boolean; versionParam: string | undefined }) {
  const t = useAdminUnitsText();
  const context = [unit.level === 'commune' ? unit.parentName : null, unit.level !== 'province' ? unit.provinceName : null]
    .filter((name, index, all) => name && all.indexOf(name) === index)
    .join(', ');
  return (
    <li className="row" data-testid="unit-row">
      <div className="row-main">
        <Link to="/admin-units/$version/$level/$code" params={{ version: unit.versionId, level: unit.level, code: unit.code }} className="row-title">
          {unit.fullName}
        </Link>
        <span className="row-meta">
          {t('units.code')} {unit.code}
          {showContext && context ? ` · ${context}` : ''}
        </span>
      </div>
      {unit.level !== 'commune' && (
        <Link to="/admin-units" search={{ version: versionParam, parent: unit.code }} className="button button-small" data-testid="unit-children">
          {unit.level === 'province' && unit.versionId !== CURRENT_VERSION ? t('units.districts') : t('units.communes')}
        </Link>
      )}
    </li>
  );
}
