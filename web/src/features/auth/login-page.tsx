import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi, useRouter } from '@tanstack/react-router';
import { safeRedirect } from '../../app/search-params.ts';
import { signIn } from '../../app/session.ts';
import { ErrorSummary, TextField, useFormErrors } from '../../app/ui.tsx';
import { useAuthText } from './auth-text.ts';

const route = getRouteApi('/login');

export function LoginPage() {
  const t = useAuthText();
  const search = route.useSearch();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => signIn(queryClient, username.trim(), password),
    onSuccess: async (session) => {
      await router.invalidate();
      if (session.user.mustChangePassword) await router.navigate({ to: '/password' });
      else await router.navigate({ href: safeRedirect(search.redirect) });
    },
  });
  const errors = useFormErrors(login.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    login.mutate();
  }

  return (
    <section className="narrow stack">
      <h1>{t('login.title')}</h1>
      <p className="lead">{t('login.intro')}</p>
      <form className="card form" onSubmit={submit} noValidate data-testid="login-form">
        <ErrorSummary errors={errors} shownFields={['username', 'password']} />
        <TextField
          name="username"
          label={t('login.username')}
          value={username}
          onChange={setUsername}
          errors={errors?.fields.username}
          autoComplete="username"
          required
        />
        <TextField
          name="password"
          type="password"
          label={t('login.password')}
          value={password}
          onChange={setPassword}
          errors={errors?.fields.password}
          autoComplete="current-password"
          required
        />
        <button type="submit" className="button button-primary button-block" disabled={login.isPending} data-testid="login-submit">
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <div className="card">
        <h2 className="h3">{t('login.publicTitle')}</h2>
        <ul className="link-list">
          <li>
            <Link to="/old-address">{t('nav.oldAddress')}</Link>
          </li>
          <li>
            <Link to="/admin-units">{t('nav.adminUnits')}</Link>
          </li>
          <li>
            <Link to="/rule-sets">{t('ruleSets.title')}</Link>
          </li>
        </ul>
      </div>
    </section>
  );
}
