import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { manageableRoles } from '../../app/access.ts';
import { api, type Role } from '../../app/api.ts';
import { roleLabel, scopeLabel } from '../../app/labels.ts';
import { ListTable, PAGE_SIZE, SearchToolbar, type Column, type ItemOf } from '../../app/list-page.tsx';
import { useUser } from '../../app/session.ts';
import { Badge, PageHeader, SelectField } from '../../app/ui.tsx';
import { ProvincePicker } from '../admin-units/index.ts';
import { useUsersText } from './users-text.ts';

const route = getRouteApi('/users');

export function UsersPage() {
  const t = useUsersText();
  const actor = useUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const list = useQuery({
    queryKey: ['users', 'list', search],
    queryFn: () =>
      api.get('/api/users', { query: { q: search.q, role: search.role, province: search.province, active: search.active, page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  const filter = (changes: Partial<typeof search>) => void navigate({ search: (previous) => ({ ...previous, ...changes, page: undefined }) });
  const columns: Column<ItemOf<typeof list>>[] = [
    {
      label: t('users.displayName'),
      cell: (user) => (
        <>
          <Link to="/users/$userId" params={{ userId: user.id }}>
            {user.displayName}
          </Link>
          <br />
          <code className="row-meta">{user.username}</code>
        </>
      ),
    },
    { label: t('users.role'), cell: (user) => roleLabel(t, user.role) },
    { label: t('home.scope'), cell: (user) => scopeLabel(t, user) },
    {
      label: t('users.status'),
      cell: (user) => (user.isActive ? <Badge tone="good">{t('users.active')}</Badge> : <Badge tone="bad">{t('users.inactive')}</Badge>),
    },
  ];

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

      <SearchToolbar label={t('users.search')} value={search.q} onSearch={(q) => filter({ q })} inputTestId="users-search">
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
      </SearchToolbar>

      <ListTable
        query={list}
        empty={t('users.none')}
        count={(count) => t('users.count', { count })}
        columns={columns}
        rowKey={(user) => user.id}
        tableTestId="users-table"
        rowTestId="user-row"
        page={page}
        onPage={(next) => void navigate({ search: (previous) => ({ ...previous, page: next }) })}
      />
    </section>
  );
}
