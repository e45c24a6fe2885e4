/**
 * The frame of every screen: a header with the menu (only what the role may use), the language
 * switch and the account; the screen itself in <main>. On a phone the menu folds behind a button.
 */
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouter, useRouterState, type ErrorComponentProps } from '@tanstack/react-router';
import { can } from './access.ts';
import type { User } from './api.ts';
import { useI18n } from './i18n.tsx';
import type { MessageKey } from './app-text.ts';
import { signOut, useSession } from './session.ts';
import { LoadError } from './ui.tsx';
import { NotificationsBell } from '../features/notifications/notifications-bell.tsx';

interface NavItem {
  to: string;
  params?: Record<string, string>;
  label: MessageKey;
  testId: string;
  exact?: boolean;
}

export function navItemsFor(user: User | null): NavItem[] {
  const items: NavItem[] = [];
  if (user) items.push({ to: '/', label: 'nav.home', testId: 'nav-home', exact: true });
  if (can(user, 'users')) items.push({ to: '/users', label: 'nav.users', testId: 'nav-users' });
  if (can(user, 'producers')) items.push({ to: '/producers', label: 'nav.producers', testId: 'nav-producers' });
  if (user && can(user, 'ownProducer') && user.producerId) {
    items.push({ to: '/producers/$producerId', params: { producerId: user.producerId }, label: 'nav.ownProducer', testId: 'nav-own-producer' });
  }
  if (can(user, 'ideas')) items.push({ to: '/ideas', label: 'nav.ideas', testId: 'nav-ideas' });
  if (can(user, 'businessPlans')) items.push({ to: '/business-plans', label: 'nav.plans', testId: 'nav-plans', exact: true });
  if (can(user, 'planDeadlines')) items.push({ to: '/business-plans/due', label: 'nav.due', testId: 'nav-due' });
  if (can(user, 'provinceSettings')) items.push({ to: '/province-settings', label: 'nav.provinceSettings', testId: 'nav-province-settings' });
  if (can(user, 'selfAssessments')) items.push({ to: '/self-assessments', label: 'nav.selfAssessments', testId: 'nav-self-assessments' });
  if (can(user, 'dossiers')) items.push({ to: '/dossiers', label: 'nav.dossiers', testId: 'nav-dossiers' });
  if (can(user, 'evaluations')) items.push({ to: '/evaluations', label: 'nav.evaluations', testId: 'nav-evaluations' });
  if (can(user, 'certificates')) items.push({ to: '/certificates', label: 'nav.certificates', testId: 'nav-certificates' });
  if (can(user, 'imports')) items.push({ to: '/imports', label: 'nav.imports', testId: 'nav-imports' });
  if (can(user, 'noticeChannels')) items.push({ to: '/outbox', label: 'nav.outbox', testId: 'nav-outbox' });
  if (can(user, 'noticeReach')) items.push({ to: '/unreachable-producers', label: 'nav.unreachable', testId: 'nav-unreachable' });
  if (can(user, 'programme')) {
    items.push({ to: '/trainings', label: 'nav.trainings', testId: 'nav-trainings' });
    items.push({ to: '/annual-plans', label: 'nav.annualPlans', testId: 'nav-annual-plans' });
    items.push({ to: '/fairs', label: 'nav.fairs', testId: 'nav-fairs' });
  } else if (can(user, 'listings')) {
    items.push({ to: '/ecommerce-listings', label: 'nav.listings', testId: 'nav-listings' });
  }
  items.push({ to: '/rule-sets', label: 'nav.ruleSets', testId: 'nav-rule-sets' });
  items.push({ to: '/admin-units', label: 'nav.adminUnits', testId: 'nav-admin-units' });
  items.push({ to: '/old-address', label: 'nav.oldAddress', testId: 'nav-old-address' });
  if (can(user, 'audit')) items.push({ to: '/audit', label: 'nav.audit', testId: 'nav-audit' });
  return items;
}

export function LanguageSwitch() {
  const { locale, setLocale } = useI18n();
  const next = locale === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      className="button button-ghost lang-switch"
      data-testid="lang-switch"
      lang={next}
      aria-label={next === 'en' ? 'Switch to English' : 'Chuyển sang tiếng Việt'}
      onClick={() => setLocale(next)}
    >
      {next === 'en' ? 'English' : 'Tiếng Việt'}
    </button>
  );
}

export function Layout() {
  const { t } = useI18n();
  const session = useSession();
  const user = session?.user ?? null;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const [menuOpen, setMenuOpen] = useState(false);
  const firstPath = useRef(pathname);
  useEffect(() => {
    setMenuOpen(false);
    // After a navigation, screen-reader and keyboard users start at the new screen's content.
    if (pathname !== firstPath.current) {
      firstPath.current = '';
      document.getElementById('main')?.focus({ preventScroll: true });
    }
  }, [pathname]);

  async function logout() {
    await signOut(queryClient).catch(() => {});
    await navigate({ to: '/login', search: { redirect: undefined } });
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <div className="topbar-row">
          <Link to={user ? '/' : '/admin-units'} className="brand" data-testid="brand">
            <span className="brand-mark" aria-hidden="true">
              ★
            </span>
            OCOP Hub
          </Link>
          <div className="topbar-tools">
            {user && <NotificationsBell />}
            <LanguageSwitch />
            <button
              type="button"
              className="button button-ghost menu-toggle"
              aria-expanded={menuOpen}
              aria-controls="main-nav"
              onClick={() => setMenuOpen((open) => !open)}
              data-testid="menu-toggle"
            >
              {t('nav.menu')}
            </button>
          </div>
        </div>
        <nav id="main-nav" className={menuOpen ? 'nav nav-open' : 'nav'} aria-label={t('nav.label')} data-testid="main-nav">
          <ul>
            {navItemsFor(user).map((item) => (
              <li key={item.testId}>
                <Link
                  to={item.to}
                  params={item.params as never}
                  search={{} as never}
                  activeOptions={{ exact: item.exact ?? false, includeSearch: false }}
                  activeProps={{ 'aria-current': 'page', className: 'active' }}
                  data-testid={item.testId}
                >
                  {t(item.label)}
                </Link>
              </li>
            ))}
          </ul>
          <div className="nav-account">
            {user ? (
              <>
                <span className="account-name" data-testid="account-name">
                  {user.displayName}
                </span>
                <Link to="/my-notices" className="nav-link-small" data-testid="nav-my-notices">
                  {t('nav.myNotices')}
                </Link>
                <Link to="/password" className="nav-link-small">
                  {t('nav.password')}
                </Link>
                <button type="button" className="button button-ghost" onClick={logout} data-testid="logout">
                  {t('nav.logout')}
                </button>
              </>
            ) : (
              <Link to="/login" search={{ redirect: undefined }} className="button" data-testid="nav-login">
                {t('nav.login')}
              </Link>
            )}
          </div>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="footer">
        <p>{t('footer.text')}</p>
      </footer>
    </div>
  );
}

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section className="stack">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </section>
  );
}

export function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const { t } = useI18n();
  return (
    <section className="stack">
      <h1>{t('error.title')}</h1>
      <LoadError
        error={error}
        retry={() => {
          reset();
          void router.invalidate();
        }}
      />
    </section>
  );
}
