import { useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { api, type AdminUnit } from '../../app/api.ts';
import { Badge, Empty, LoadError, Loading, PageHeader } from '../../app/ui.tsx';
import { CURRENT_VERSION, versionsQuery } from './admin-units.queries.ts';
import { useAdminUnitsText } from './admin-units-text.ts';

const route = getRouteApi('/admin-units/$version/$level/$code');
const levels = ['province', 'district', 'commune'] as const;

export function UnitPage() {
  const t = useAdminUnitsText();
  const params = route.useParams();
  const level = levels.find((l) => l === params.level) ?? 'commune';
  const versions = useQuery(versionsQuery);
  const detail = useQuery({
    queryKey: ['admin-units', 'unit', params.version, params.code, level],
    queryFn: () => api.get('/api/admin-units/{version}/{level}/{code}', { path: { version: params.version, level, code: params.code } }),
    staleTime: 60 * 60 * 1000,
  });
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <LoadError error={detail.error} retry={() => void detail.refetch()} />;
  const { unit, formedFrom, successions } = detail.data;
  const version = versions.data?.find((v) => v.id === unit.versionId);
  const versionSearch = unit.versionId === CURRENT_VERSION ? undefined : unit.versionId;
  return (
    <section className="stack">
      <PageHeader title={<span data-testid="unit-name">{unit.fullName}</span>}>
        <p className="lead">
          {unit.level !== 'province' && `${[unit.level === 'commune' ? unit.parentName : null, unit.provinceName].filter((n, i, all) => n && all.indexOf(n) === i).join(', ')} · `}
          {t('units.code')} {unit.code}
        </p>
      </PageHeader>
      <dl className="facts card">
        <div>
          <dt>{t('units.type')}</dt>
          <dd>{unit.typeName}</dd>
        </div>
        {unit.nameEn && (
          <div>
            <dt>{t('units.nameEn')}</dt>
            <dd lang="en">{unit.nameEn}</dd>
          </div>
        )}
        <div>
          <dt>{t('units.version')}</dt>
          <dd>
            {version?.name ?? unit.versionId}{' '}
            {unit.versionId === CURRENT_VERSION ? <Badge tone="good">{t('units.current')}</Badge> : <Badge>{t('units.old')}</Badge>}
          </dd>
        </div>
        {version?.legalBasis && (
          <div>
            <dt>{t('units.legalBasis')}</dt>
            <dd>{version.legalBasis}</dd>
          </div>
        )}
      </dl>
      {unit.level !== 'commune' && (
        <p>
          <Link to="/admin-units" search={{ version: versionSearch, parent: unit.code }} className="button">
            {unit.level === 'province' && unit.versionId !== CURRENT_VERSION ? t('units.districts') : t('units.communes')}
          </Link>
        </p>
      )}

      {unit.versionId === CURRENT_VERSION && (
        <div className="card stack-small">
          <h2>{t('units.formedFrom')}</h2>
          {formedFrom.length === 0 ? (
            <Empty>{t('units.formedFrom.none')}</Empty>
          ) : (
            <ul className="rows" data-testid="formed-from">
              {formedFrom.map((old) => (
                <li key={old.code} className="row">
                  <div className="row-main">
                    <UnitLink unit={old} />
                    <span className="row-meta">{[old.parentName, old.provinceName].filter((n, i, all) => n && all.indexOf(n) === i).join(', ')}</span>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      {unit.versionId !== CURRENT_VERSION && (
        <div className="card stack-small">
          <h2>{t('units.becameWhat')}</h2>
          {successions.length === 0 ? (
            <Empty>{t('units.successions.none')}</Empty>
          ) : (
            <table className="table table-stack" data-testid="successions">
              <thead>
                <tr>
                  <th scope="col">{t('units.oldUnit')}</th>
                  <th scope="col">{t('units.nowIn')}</th>
                </tr>
              </thead>
              <tbody>
                {successions.map((s) => (
                  <tr key={`${s.fromCode}-${s.toCode ?? 'none'}`}>
                    <td data-label={t('units.oldUnit')}>{s.fromName}</td>
                    <td data-label={t('units.nowIn')}>
                      {s.toCode ? (
                        <Link to="/admin-units/$version/$level/$code" params={{ version: CURRENT_VERSION, level: 'commune', code: s.toCode }}>
                          {s.toName}
                        </Link>
                      ) : (
                        t('units.unmapped')
                      )}
                      {s.toProvinceName ? `, ${s.toProvinceName}` : ''} {s.isPartial && <Badge>{t('units.partial')}</Badge>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}

function UnitLink({ unit }: { unit: AdminUnit }) {
  return (
    <Link to="/admin-units/$version/$level/$code" params={{ version: unit.versionId, level: unit.level, code: unit.code }} className="row-title">
      {unit.fullName}
    </Link>
  );
}
