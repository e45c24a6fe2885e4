import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api, type User } from '../../app/api.ts';
import { useUser } from '../../app/session.ts';
import { Notice, OneTimeSecret, PageHeader } from '../../app/ui.tsx';
import { UserForm, scopeOf, userFormValues, type UserFormValues } from './user-form.tsx';
import { useUsersText } from './users-text.ts';

export function NewUserPage() {
  const t = useUsersText();
  const actor = useUser();
  const queryClient = useQueryClient();
  const [formKey, setFormKey] = useState(0);
  const [created, setCreated] = useState<{ user: User; temporaryPassword: string | null } | null>(null);
  const create = useMutation({
    mutationFn: (values: UserFormValues) =>
      api.post('/api/users', {
        body: {
          username: values.username.trim(),
          displayName: values.displayName,
          email: values.email.trim() || null,
          locale: values.locale,
          // An empty choice is sent as is, so the server reports it with the other fields.
          role: values.role as never,
          ...scopeOf(values, actor),
          password: values.password || undefined,
        },
      }),
    onSuccess: async (answer) => {
      setCreated(answer);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });

  return (
    <section className="narrow stack">
      <PageHeader title={t('users.new')} />
      {created ? (
        <div className="stack" data-testid="user-created">
          <Notice>{t('users.created', { name: created.user.displayName, username: created.user.username })}</Notice>
          {created.temporaryPassword && (
            <OneTimeSecret title={t('users.temporaryPassword')} secret={created.temporaryPassword} note={t('users.temporaryPasswordNote')} />
          )}
          <div className="form-actions">
            <Link to="/users/$userId" params={{ userId: created.user.id }} className="button button-primary" data-testid="open-created-user">
              {t('users.open')}
            </Link>
            <button
              type="button"
              className="button"
              onClick={() => {
                setCreated(null);
                create.reset();
                setFormKey((key) => key + 1);
              }}
            >
              {t('users.createAnother')}
            </button>
          </div>
        </div>
      ) : (
        <UserForm
          key={formKey}
          mode="create"
          initial={userFormValues()}
          pending={create.isPending}
          error={create.error}
          submitLabel={t('users.create')}
          onSubmit={(values) => create.mutate(values)}
        />
      )}
    </section>
  );
}
