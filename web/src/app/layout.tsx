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

export interface NavGroup {
  id: 'producers' | 'ideas' | 'dossiers' | 'certificates' | 'programme' | 'reports' | 'settings';
  label: MessageKey;
  items: NavItem[];
}

/**
 * The menu, grouped by the steps of the OCOP cycle (issue 19): only what the role may use, a group
 * only when it holds something. The home link stands before the groups.
 */
export function navGroupsFor(user: User | null): NavGroup[] {
  const groups: NavGroup[] = [
    { id: 'producers', label: 'nav.group.producers', items: [] },
    { id: 'ideas', label: 'nav.group.ideas', items: [] },
    { id: 'dossiers', label: 'nav.group.dossiers', items: [] },
    { id: 'certificates', label: 'nav.group.certificates', items: [] },
    { id: 'programme', label: 'nav.group.programme', items: [] },
    { id: 'reports', label: 'nav.group.reports', items: [] },
    { id: 'settings', label: 'nav.group.settings', items: [] },
  ];
  const add = (id: NavGroup['id'], item: NavItem) => groups.find((group) => group.id === id)!.items.push(item);
  if (can(user, 'producers')) add('producers', { to: '/producers', label: 'nav.producers', testId: 'nav-producers' });
  if (user && can(user, 'ownProducer') && user.producerId) {
    add('producers', { to: '/my-products', label: 'nav.myProducts', testId: 'nav-my-products' });
    add('producers', { to: '/producers/$producerId', params: { producerId: user.producerId }, label: 'nav.ownProducer', testId: 'nav-own-producer' });
  }
  if (can(user, 'noticeReach')) add('producers', { to: '/unreachable-producers', label: 'nav.unreachable', testId: 'nav-unreachable' });
  if (can(user, 'ideas')) add('ideas', { to: '/ideas', label: 'nav.ideas', testId: 'nav-ideas' });
  if (can(user, 'businessPlans')) add('ideas', { to: '/business-plans', label: 'nav.plans', testId: 'nav-plans', exact: true });
  if (can(user, 'planDeadlines')) add('ideas', { to: '/business-plans/due', label: 'nav.due', testId: 'nav-due' });
  if (can(user, 'selfAssessments')) add('dossiers', { to: '/self-assessments', label: 'nav.selfAssessments', testId: 'nav-self-assessments' });
  if (can(user, 'dossiers')) add('dossiers', { to: '/dossiers', label: 'nav.dossiers', testId: 'nav-dossiers' });
  if (can(user, 'evaluations')) add('dossiers', { to: '/evaluations', label: 'nav.evaluations', testId: 'nav-evaluations' });
  if (can(user, 'certificates')) add('certificates', { to: '/certificates', label: 'nav.certificates', testId: 'nav-certificates' });
  if (can(user, 'programme')) {
    add('programme', { to: '/trainings', label: 'nav.trainings', testId: 'nav-trainings' });
    add('programme', { to: '/annual-plans', label: 'nav.annualPlans', testId: 'nav-annual-plans' });
    add('programme', { to: '/fairs', label: 'nav.fairs', testId: 'nav-fairs' });
    add('reports', { to: '/programme-report', label: 'nav.programmeReport', testId: 'nav-programme-report' });
  } else if (can(user, 'listings')) {
    add('programme', { to: '/ecommerce-listings', label: 'nav.listings', testId: 'nav-listings' });
  }
  if (can(user, 'users')) add('settings', { to: '/users', label: 'nav.users', testId: 'nav-users' });
  if (can(user, 'imports')) add('settings', { to: '/imports', label: 'nav.imports', testId: 'nav-imports' });
  if (can(user, 'provinceSettings')) add('settings', { to: '/province-settings', label: 'nav.provinceSettings', testId: 'nav-province-settings' });
  if (can(user, 'noticeChannels')) add('settings', { to: '/outbox', label: 'nav.outbox', testId: 'nav-outbox' });
  add('settings', { to: '/rule-sets', label: 'nav.ruleSets', testId: 'nav-rule-sets' });
  add('settings', { to: '/admin-units', label: 'nav.adminUnits', testId: 'nav-admin-units' });
  add('settings', { to: '/old-address', label: 'nav.oldAddress', testId: 'nav-old-address' });
  if (can(user, 'audit')) add('settings', { to: '/audit', label: 'nav.audit', testId: 'nav-audit' });
  return groups.filter((group) => group.items.length > 0);
}

/** Every entry of the menu, in order (the home first). */
export function navItemsFor(user: User | null): NavItem[] {
  return [...(user ? [{ to: '/', label: 'nav.home' as const, testId: 'nav-home', exact: true }] : []), ...navGroupsFor(user).flatMap((group) => group.items)];
}

function isCurrent(pathname: string, item: NavItem): boolean {
  const path = item.params ? Object.entries(item.params).reduce((to, [name, value]) => to.replace(`$${name}`, value), item.to) : item.to;
  return item.exact ? pathname === path : pathname === path || pathname.startsWith(`${path}/`);
}

function NavLink({ item }: { item: NavItem }) {
  const { t } = useI18n();
  return (
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
  );
}

/**
 * The groups of the menu. From 1024 px wide each group is a button that opens its entries below it
 * (one open at a time; Escape or a click elsewhere closes it; the group of the current screen is
 * marked); narrower, behind the menu button, every group is listed with its entries.
 */
function NavGroups({ user, pathname }: { user: User | null; pathname: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<NavGroup['id'] | null>(null);
  const menu = useRef<HTMLUListElement>(null);
  useEffect(() => setOpen(null), [pathname]);
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return;
        document.getElementById(`nav-group-${open}`)?.focus();
        setOpen(null);
      } else if (!menu.current?.contains(event.target as Node)) setOpen(null);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  const groups = navGroupsFor(user);
  return (
    <ul className="nav-groups" ref={menu}>
      {user && (
        <li className="nav-home">
          <NavLink item={{ to: '/', label: 'nav.home', testId: 'nav-home', exact: true }} />
        </li>
      )}
      {groups.map((group) => {
        const current = group.items.some((item) => isCurrent(pathname, item));
        return (
          <li key={group.id} className={`nav-group${open === group.id ? ' nav-group-open' : ''}${current ? ' nav-group-current' : ''}`} data-testid={`nav-group-${group.id}`}>
            <button
              type="button"
              id={`nav-group-${group.id}`}
              className="nav-group-toggle"
              aria-expanded={open === group.id}
              aria-controls={`nav-group-items-${group.id}`}
              onClick={() => setOpen(open === group.id ? null : group.id)}
              data-testid={`nav-group-toggle-${group.id}`}
            >
              {/* The full name from 1366 px; a short one on a tablet, so the groups stay on one row. */}
              <span className="nav-label-long">{t(group.label)}</span>
              <span className="nav-label-short">{t(`${group.label}.short` as MessageKey)}</span>
              {current && <span className="visually-hidden"> ({t('nav.current')})</span>}
            </button>
            <span className="nav-group-title" aria-hidden="true">
              {t(group.label)}
            </span>
            <ul id={`nav-group-items-${group.id}`} className="nav-group-items">
              {group.items.map((item) => (
                <li key={item.testId}>
                  <NavLink item={item} />
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
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
          <NavGroups user={user} pathname={pathname} />
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
