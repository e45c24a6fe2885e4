import { Link } from '@tanstack/react-router';
import { can } from '../../app/access.ts';
import type { Role, User } from '../../app/api.ts';
import { roleLabel, scopeLabel } from '../../app/labels.ts';
import { useUser } from '../../app/session.ts';
import { Badge } from '../../app/ui.tsx';
import { DashboardView } from './dashboard.tsx';
import { useHomeText, type HomeTextKey } from './home-text.ts';

interface Card {
  id: string;
  title: HomeTextKey;
  text: HomeTextKey;
  to: string;
  params?: Record<string, string>;
}

/** What the role can do today, in the order it most often needs it. */
function cardsFor(user: User): Card[] {
  const cards: Card[] = [];
  if (can(user, 'ownProducer') && user.producerId) {
    cards.push({ id: 'own-producer', title: 'home.card.ownProducer', text: 'home.card.ownProducer.text', to: '/producers/$producerId', params: { producerId: user.producerId } });
  }
  if (can(user, 'users')) {
    const text: HomeTextKey =
      user.role === 'province_office' ? 'home.card.users.text.province' : user.role === 'ministry_officer' ? 'home.card.users.text.ministry' : 'home.card.users.text';
    cards.push({ id: 'users', title: 'home.card.users', text, to: '/users' });
  }
  if (can(user, 'registerProducer')) cards.push({ id: 'register-producer', title: 'home.card.registerProducer', text: 'home.card.registerProducer.text', to: '/producers/new' });
  if (can(user, 'producers')) cards.push({ id: 'producers', title: 'home.card.producers', text: 'home.card.producers.text', to: '/producers' });
  if (can(user, 'selfAssessments')) {
    const text: HomeTextKey = can(user, 'writeSelfAssessment') ? 'home.card.selfAssessments.text' : 'home.card.selfAssessments.text.read';
    cards.push({ id: 'self-assessments', title: 'home.card.selfAssessments', text, to: '/self-assessments' });
  }
  if (can(user, 'ideas')) {
    const text: HomeTextKey = can(user, 'registerIdea') ? 'home.card.ideas.text' : 'home.card.ideas.text.read';
    cards.push({ id: 'ideas', title: 'home.card.ideas', text, to: '/ideas' });
  }
  if (can(user, 'businessPlans')) cards.push({ id: 'business-plans', title: 'home.card.plans', text: 'home.card.plans.text', to: '/business-plans' });
  if (can(user, 'planDeadlines')) cards.push({ id: 'plan-deadlines', title: 'home.card.due', text: 'home.card.due.text', to: '/business-plans/due' });
  if (can(user, 'provinceSettings')) cards.push({ id: 'province-settings', title: 'home.card.provinceSettings', text: 'home.card.provinceSettings.text', to: '/province-settings' });
  if (can(user, 'dossiers')) {
    const text: HomeTextKey = user.role === 'commune_officer' ? 'soon.checkDossiers' : 'soon.dossier';
    cards.push({ id: 'dossiers', title: 'nav.dossiers', text, to: '/dossiers' });
  }
  if (can(user, 'evaluations')) {
    const byRole: Partial<Record<Role, HomeTextKey>> = { council_member: 'soon.score', advisory_member: 'soon.verifyDossiers', ministry_officer: 'soon.fiveStar' };
    cards.push({ id: 'evaluations', title: 'nav.evaluations', text: byRole[user.role] ?? 'soon.organiseEvaluation', to: '/evaluations' });
  }
  if (can(user, 'certificates')) {
    cards.push({ id: 'certificates', title: 'nav.certificates', text: user.role === 'producer' ? 'soon.certificate' : 'soon.recognise', to: '/certificates' });
  }
  if (can(user, 'imports')) cards.push({ id: 'imports', title: 'home.card.imports', text: 'home.card.imports.text', to: '/imports/new' });
  if (can(user, 'programme')) {
    cards.push({ id: 'trainings', title: 'nav.trainings', text: 'soon.training', to: '/trainings' });
    cards.push({ id: 'annual-plans', title: 'nav.annualPlans', text: 'soon.annualPlan', to: '/annual-plans' });
    cards.push({ id: 'fairs', title: 'nav.fairs', text: 'home.card.fairs.text', to: '/fairs' });
    cards.push({ id: 'report', title: 'home.card.report', text: 'home.card.report.text', to: '/programme-report' });
  }
  if (can(user, 'audit')) cards.push({ id: 'audit', title: 'home.card.audit', text: 'home.card.audit.text', to: '/audit' });
  cards.push({ id: 'rule-sets', title: 'home.card.ruleSets', text: 'home.card.ruleSets.text', to: '/rule-sets' });
  cards.push({ id: 'old-address', title: 'home.card.oldAddress', text: 'home.card.oldAddress.text', to: '/old-address' });
  cards.push({ id: 'admin-units', title: 'home.card.adminUnits', text: 'home.card.adminUnits.text', to: '/admin-units' });
  return cards;
}

/** The OCOP cycle steps each role will own; built by later issues, shown honestly as not yet available. */
const comingSoon: Record<Role, HomeTextKey[]> = {
  producer: [],
  commune_officer: [],
  province_office: [],
  council_member: [],
  advisory_member: [],
  ministry_officer: ['soon.nationalReports'],
  system_admin: [],
};

export function HomePage() {
  const t = useHomeText();
  const user = useUser();
  return (
    <section className="stack">
      <div className="welcome welcome-home">
        <h1 data-testid="greeting">{t('home.greeting', { name: user.displayName })}</h1>
        <dl className="facts">
          <div>
            <dt>{t('home.role')}</dt>
            <dd data-testid="home-role">{roleLabel(t, user.role)}</dd>
          </div>
          <div>
            <dt>{t('home.scope')}</dt>
            <dd data-testid="home-scope">{scopeLabel(t, user)}</dd>
          </div>
        </dl>
        {user.isDemo && <p className="hint">{t('home.demo')}</p>}
      </div>

      <DashboardView />

      <h2>{t('home.now')}</h2>
      <ul className="cards" data-testid="home-cards">
        {cardsFor(user).map((card) => (
          <li key={card.id}>
            <Link to={card.to} params={card.params as never} search={{} as never} className="card card-link" data-testid={`home-card-${card.id}`}>
              <span className="card-title">{t(card.title)}</span>
              <span className="card-text">{t(card.text)}</span>
            </Link>
          </li>
        ))}
      </ul>

      {comingSoon[user.role].length > 0 && (
        <>
      <h2>{t('home.soon')}</h2>
      <p className="hint">{t('home.soon.text')}</p>
      <ul className="cards" data-testid="home-soon">
        {comingSoon[user.role].map((key) => (
          <li key={key}>
            <div className="card card-soon" aria-disabled="true" data-testid="soon-card">
              <span className="card-title">{t(key)}</span>
              <Badge tone="soon">{t('home.soon.badge')}</Badge>
            </div>
          </li>
        ))}
      </ul>
        </>
      )}
    </section>
  );
}
