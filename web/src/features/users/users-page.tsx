import { useEffect, useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { manageableRoles } from '../../app/access.ts';
import { api, type Role } from '../../app/api.ts';
import { formatNumber, useI18n } from '../../app/i18n.tsx';
import { roleLabel, scopeLabel } from '../../app/labels.ts';
import { useUser } from '../../app/session.ts';
import { Badge, Field, PageHeader, Pagination, QueryView, SelectField } from '../../app/ui.tsx';
import { ProvincePicker } from '../admin-units/index.ts';

const route = getRouteApi('/users');
const PAGE_SIZE = 50;

export function UsersPage() {
  const { t } = useI18n();
  const actor = useUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const [text, setText] = useState(search.q ?? '');
  useEffect(() => setText(search.q ?? ''), [search.q]);
  const list = useQuery({
    queryKey: ['users', 'list', search],
    queryFn: () =>
      api.get('/api/users', { query: { q: search.q, role: search.role, province: search.province, active: search.active, page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  const filter = (changes: Partial<typeof search>) => void navigate({ search: (previous) => ({ ...previous, ...changes, page: undefined }) });

  function submit(event: FormEvent) {
    event.preventDefault();
    filter({ q: text.trim() || undefined });
  }

  return (
    <section className="stack">
      <PageHeader
        title={t('users.title')}
        actions={
          <Link to="/users/new" className="button button-primary" data-testid="new-user">
            {t('users.new')}
          </Link>
        }
      >
        <p className="lead">{t(actor.role === 'province_office' ? 'home.card.users.text.province' : actor.role === 'ministry_officer' ? 'home.card.users.text.ministry' : 'home.card.users.text')}</p>
      </PageHeader>

      <form className="toolbar" onSubmit={submit} role="search">
        <Field name="q" label={t('users.search')}>
          {(control) => (
            <div className="input-with-button">
              <input {...control} type="search" value={text} onChange={(event) => setText(event.target.value)} data-testid="users-search" />
              <button type="submit" className="button button-primary">
                {t('common.search')}
              </button>
            </div>
          )}
        </Field>
        <SelectField
          name="role"
          label={t('users.role')}
          value={search.role ?? ''}
          onChange={(role) => filter({ role: (role || undefined) as Role | undefined })}
          options={manageableRoles(actor).map((role) => ({ value: role, label: roleLabel(t, role) }))}
          placeholder={t('common.all')}
        />
        {actor.role === 'system_admin' && (
          <ProvincePicker name="province" value={search.province ?? ''} onChange={(province) => filter({ province: province || undefined })} placeholder={t('common.all')} />
        )}
        <SelectField
          name="active"
          label={t('users.status')}
          value={search.active ?? ''}
          onChange={(active) => filter({ active: active === 'true' || active === 'false' ? active : undefined })}
          options={[
            { value: 'true', label: t('users.active') },
            { value: 'false', label: t('users.inactive') },
          ]}
          placeholder={t('common.all')}
        />
      </form>

      <QueryView query={list} isEmpty={(data) => data.items.length === 0} empty={t('users.none')}>
        {(data) => (
        <>
          <p className="hint">{t('users.count', { count: formatNumber(data.total) })}</p>
          <table className="table table-stack" data-testid="users-table">
            <thead>
              <tr>
                <th scope="col">{t('users.displayName')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('home.scope')}</th>
                <th scope="col">{t('users.status')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((user) => (
                <tr key={user.id} data-testid="user-row">
                  <td data-label={t('users.displayName')}>
                    <Link to="/users/$userId" params={{ userId: user.id }}>
                      {user.displayName}
                    </Link>
                    <br />
                    <code className="row-meta">{user.username}</code>
                  </td>
                  <td data-label={t('users.role')}>{roleLabel(t, user.role)}</td>
                  <td data-label={t('home.scope')}>{scopeLabel(t, user)}</td>
                  <td data-label={t('users.status')}>
                    {user.isActive ? <Badge tone="good">{t('users.active')}</Badge> : <Badge tone="bad">{t('users.inactive')}</Badge>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination page={page} pageSize={PAGE_SIZE} total={data.total} onPage={(next) => void navigate({ search: (previous) => ({ ...previous, page: next }) })} />
        </>
        )}
      </QueryView>
    </section>
  );
}
