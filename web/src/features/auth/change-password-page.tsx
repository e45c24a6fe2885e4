import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { api } from '../../app/api.ts';
import { sessionQueryKey, useUser } from '../../app/session.ts';
import { ErrorSummary, Notice, TextField, useFormErrors } from '../../app/ui.tsx';
import { useAuthText } from './auth-text.ts';

export function ChangePasswordPage() {
  const t = useAuthText();
  const user = useUser();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: () => api.post('/api/auth/password', { body: { currentPassword, newPassword } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
      await router.invalidate();
      await router.navigate({ to: '/' });
    },
  });
  const errors = useFormErrors(change.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const different = newPassword !== confirm;
    setMismatch(different);
    if (!different) change.mutate();
  }

  return (
    <section className="narrow stack">
      <h1>{t('password.title')}</h1>
      {user.mustChangePassword && <Notice testId="must-change-password">{t('password.mustChange')}</Notice>}
      <form className="card form" onSubmit={submit} noValidate data-testid="password-form">
        <ErrorSummary errors={errors} shownFields={['currentPassword', 'newPassword']} />
        <TextField
          name="currentPassword"
          type="password"
          label={t('password.current')}
          value={currentPassword}
          onChange={setCurrentPassword}
          errors={errors?.fields.currentPassword}
          autoComplete="current-password"
          required
        />
        <TextField
          name="newPassword"
          type="password"
          label={t('password.new')}
          hint={t('password.rules')}
          value={newPassword}
          onChange={setNewPassword}
          errors={errors?.fields.newPassword}
          autoComplete="new-password"
          required
        />
        <TextField
          name="confirmPassword"
          type="password"
          label={t('password.confirm')}
          value={confirm}
          onChange={setConfirm}
          errors={mismatch ? [t('password.mismatch')] : undefined}
          autoComplete="new-password"
          required
        />
        <button type="submit" className="button button-primary" disabled={change.isPending} data-testid="password-submit">
          {t('password.submit')}
        </button>
      </form>
    </section>
  );
}
