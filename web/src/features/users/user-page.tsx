import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { ApiError, api, type User } from '../../app/api.ts';
import { formatDateTime } from '../../app/i18n.tsx';
import { roleLabel, scopeLabel } from '../../app/labels.ts';
import { useUser } from '../../app/session.ts';
import { Badge, ErrorSummary, LoadError, Loading, Notice, OneTimeSecret, PageHeader, useFormErrors } from '../../app/ui.tsx';
import { UserForm, scopeOf, userFormValues, type UserFormValues } from './user-form.tsx';
import { useUsersText, type UsersTextKey } from './users-text.ts';

const route = getRouteApi('/users/$userId');

type Pending = 'deactivate' | 'activate' | 'reset' | null;

export function UserPage() {
  const t = useUsersText();
  const actor = useUser();
  const { userId } = route.useParams();
  const queryClient = useQueryClient();
  const queryKey = ['users', 'one', userId];
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState<Pending>(null);
  // A message key, not text, so the notice follows a language switch.
  const [notice, setNotice] = useState<UsersTextKey | null>(null);
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);
  const user = useQuery({ queryKey, queryFn: () => api.get('/api/users/{id}', { path: { id: userId } }) });

  async function applied(updated: User, message: UsersTextKey) {
    queryClient.setQueryData(queryKey, updated);
    await queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
    setNotice(message);
  }
  // Someone else changed the account meanwhile (409): show the message and load the latest version.
  const onConflict = (error: unknown) => {
    if (error instanceof ApiError && error.status === 409) void user.refetch();
  };

  const edit = useMutation({
    mutationFn: (values: UserFormValues) =>
      api.patch('/api/users/{id}', {
        path: { id: userId },
        body: {
          version: user.data!.version,
          displayName: values.displayName,
          email: values.email.trim() || null,
          locale: values.locale,
          role: values.role as never,
          ...scopeOf(values, actor),
        },
      }),
    onSuccess: async (updated) => {
      setEditing(false);
      await applied(updated, 'common.saved');
    },
    onError: onConflict,
  });
  const action = useMutation({
    mutationFn: async (kind: Exclude<Pending, null>) => {
      const options = { path: { id: userId }, body: { version: user.data!.version } };
      if (kind === 'reset') return api.post('/api/users/{id}/reset-password', options);
      const updated = kind === 'deactivate' ? await api.post('/api/users/{id}/deactivate', options) : await api.post('/api/users/{id}/activate', options);
      return { user: updated, temporaryPassword: null };
    },
    onSuccess: async (answer, kind) => {
      setConfirming(null);
      setTemporaryPassword(answer.temporaryPassword);
      await applied(answer.user, kind === 'deactivate' ? 'users.deactivated' : kind === 'activate' ? 'users.activated' : 'users.passwordReset');
    },
    onError: onConflict,
  });
  const actionErrors = useFormErrors(action.error);

  if (user.isPending) return <Loading />;
  if (user.isError) return <LoadError error={user.error} retry={() => void user.refetch()} />;
  const u = user.data;
  const isSelf = u.id === actor.id;

  function ask(kind: Pending) {
    action.reset();
    setNotice(null);
    setTemporaryPassword(null);
    setConfirming(kind);
  }

  return (
    <section className="narrow stack">
      <p>
        <Link to="/users" search={{}}>
          ← {t('users.back')}
        </Link>
      </p>
      <PageHeader
        title={<span data-testid="user-display-name">{u.displayName}</span>}
        actions={
          !editing && (
            <button type="button" className="button" onClick={() => (setEditing(true), setNotice(null), edit.reset())} data-testid="edit-user">
              {t('common.edit')}
            </button>
          )
        }
      >
        <p className="lead">
          <code>{u.username}</code>{' '}
          {u.isActive ? (
            <Badge tone="good">{t('users.active')}</Badge>
          ) : (
            <span data-testid="user-inactive">
              <Badge tone="bad">{t('users.inactive')}</Badge>
            </span>
          )}
          {u.isDemo && <Badge>{t('users.demo')}</Badge>}
        </p>
      </PageHeader>

      {notice && <Notice testId="user-notice">{t(notice)}</Notice>}
      {temporaryPassword && <OneTimeSecret title={t('users.temporaryPassword')} secret={temporaryPassword} note={t('users.temporaryPasswordNote')} />}
      <ErrorSummary errors={actionErrors} />

      {editing ? (
        <UserForm
          mode="edit"
          initial={userFormValues(u)}
          producerName={u.producerName}
          pending={edit.isPending}
          error={edit.error}
          submitLabel={t('common.save')}
          onSubmit={(values) => edit.mutate(values)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <dl className="facts card" data-testid="user-facts">
          <div>
            <dt>{t('users.role')}</dt>
            <dd data-testid="user-role">{roleLabel(t, u.role)}</dd>
          </div>
          <div>
            <dt>{t('home.scope')}</dt>
            <dd data-testid="user-scope">{scopeLabel(t, u)}</dd>
          </div>
          <div>
            <dt>{t('users.email')}</dt>
            <dd>{u.email ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('users.locale')}</dt>
            <dd>{u.locale === 'en' ? 'English' : 'Tiếng Việt'}</dd>
          </div>
          <div>
            <dt>{t('users.mustChange')}</dt>
            <dd>{u.mustChangePassword ? t('common.yes') : t('common.no')}</dd>
          </div>
          <div>
            <dt>{t('common.createdAt')}</dt>
            <dd>{formatDateTime(u.createdAt)}</dd>
          </div>
          <div>
            <dt>{t('common.updatedAt')}</dt>
            <dd>{formatDateTime(u.updatedAt)}</dd>
          </div>
        </dl>
      )}

      {!editing && !isSelf && (
        <div className="card stack-small">
          <h2 className="h3">{t('users.actions')}</h2>
          {confirming ? (
            <div className="confirm" role="group" aria-labelledby="confirm-text">
              <p id="confirm-text">
                {t(confirming === 'deactivate' ? 'users.confirmDeactivate' : confirming === 'activate' ? 'users.confirmActivate' : 'users.confirmReset', { name: u.displayName })}
              </p>
              <div className="form-actions">
                <button
                  type="button"
                  className={confirming === 'deactivate' ? 'button button-danger' : 'button button-primary'}
                  onClick={() => action.mutate(confirming)}
                  disabled={action.isPending}
                  data-testid="confirm-action"
                >
                  {t('common.confirm')}
                </button>
                <button type="button" className="button" onClick={() => setConfirming(null)}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <div className="form-actions">
              {u.isActive ? (
                <button type="button" className="button button-danger" onClick={() => ask('deactivate')} data-testid="deactivate-user">
                  {t('users.deactivate')}
                </button>
              ) : (
                <button type="button" className="button" onClick={() => ask('activate')} data-testid="activate-user">
                  {t('users.activate')}
                </button>
              )}
              <button type="button" className="button" onClick={() => ask('reset')} data-testid="reset-password">
                {t('users.resetPassword')}
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
