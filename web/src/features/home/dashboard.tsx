import './dashboard.css';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { api, type Schemas } from '../../app/api.ts';
import { formatDate, formatNumber, useI18n } from '../../app/i18n.tsx';
import { Badge, Empty, LoadError, Loading, SelectField } from '../../app/ui.tsx';
import { statusTone } from '../certificates/index.ts';
import { useDossierText } from '../dossiers/index.ts';
import { reportYearOptions } from '../training/index.ts';
import { appLink } from './app-link.ts';
import { useHomeText, type HomeTextKey } from './home-text.ts';

type Dashboard = Schemas['Dashboard'];
type WaitingItem = Schemas['DashboardWaitingItem'];
type Figures = Schemas['DashboardFigures'];
type HomeText = ReturnType<typeof useHomeText>;

/** A server link ("/admin/certificates?status=valid") as a router link. */
function ServerLink({ link, className, children, ...rest }: { link: string; className?: string; children: ReactNode; 'data-testid'?: string; 'data-figure'?: string }) {
  const target = appLink(link);
  return (
    <Link to={target.to} search={target.search as never} className={className} {...rest}>
      {children}
    </Link>
  );
}

const percent = (value: number | null) => (value === null ? '—' : `${formatNumber(Math.round(value * 10) / 10)}%`);

/** The role's home: what waits (overdue first), the key figures of the year, a producer's own products and dossiers. */
export function DashboardView() {
  const text = useHomeText();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const dashboard = useQuery({ queryKey: ['dashboard', year], queryFn: () => api.get('/api/dashboard', { query: { year } }) });
  if (dashboard.isPending) return <Loading />;
  if (dashboard.isError) return <LoadError error={dashboard.error} retry={() => void dashboard.refetch()} />;
  const data = dashboard.data;
  return (
    <div className="dashboard" data-testid="dashboard">
      <Waiting items={data.waiting} text={text} />
      <section className="dashboard-panel" data-testid="dashboard-figures" aria-labelledby="dashboard-figures-title">
        <div className="dashboard-panel-head">
          <div>
            <h2 id="dashboard-figures-title" className="h3">
              {text('dashboard.figures')}
            </h2>
            <p className="hint">{text('dashboard.asOf', { day: formatDate(data.asOf) })}</p>
          </div>
          <div className="dashboard-year">
            <SelectField name="dashboard-year" label={text('dashboard.year')} value={String(year)} options={reportYearOptions()} onChange={(value) => setYear(Number(value))} required />
          </div>
        </div>
        <FigureCards figures={data.figures} text={text} />
      </section>
      {data.producer && <ProducerOverview producer={data.producer} text={text} />}
    </div>
  );
}

function Waiting({ items, text }: { items: WaitingItem[]; text: HomeText }) {
  const { locale } = useI18n();
  // The server sorts overdue first, then by due day; kept stable here in case.
  const sorted = [...items].sort((a, b) => Number(b.overdue) - Number(a.overdue));
  return (
    <section className="dashboard-panel" data-testid="dashboard-waiting" aria-labelledby="dashboard-waiting-title">
      <h2 id="dashboard-waiting-title" className="h3">
        {text('dashboard.waiting')}
      </h2>
      {sorted.length === 0 ? (
        <Empty>{text('dashboard.waiting.none')}</Empty>
      ) : (
        <ul className="waiting-list">
          {sorted.map((item, index) => (
            <li key={`${item.kind}-${item.id ?? index}`}>
              <ServerLink
                link={item.link}
                className={item.overdue ? 'waiting-item waiting-overdue' : 'waiting-item'}
                data-testid="waiting-item"
                {...{ 'data-kind': item.kind, 'data-overdue': String(item.overdue) }}
              >
                <span className="waiting-title">
                  {locale === 'en' ? text(`waiting.${item.kind}` as HomeTextKey) : item.title}
                  {item.count !== null && <span className="waiting-count">{formatNumber(item.count)}</span>}
                </span>
                <span className="waiting-due">
                  {item.overdue && <Badge tone="bad">{text('dashboard.overdue')}</Badge>}
                  {item.dueAt && <span>{text('dashboard.due', { day: formatDate(item.dueAt) })}</span>}
                </span>
              </ServerLink>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface Card {
  id: string;
  label: HomeTextKey;
  value: string;
  note?: string;
  link: string;
}

function figureCards(figures: Figures, text: HomeText): Card[] {
  const cards: Card[] = [];
  const stars = figures.productsByStar;
  if (stars) {
    cards.push({ id: 'stars-3', label: 'figure.stars3', value: formatNumber(stars.three.value), link: stars.three.link });
    cards.push({ id: 'stars-4', label: 'figure.stars4', value: formatNumber(stars.four.value), link: stars.four.link });
    cards.push({ id: 'stars-5', label: 'figure.stars5', value: formatNumber(stars.five.value), link: stars.five.link });
  }
  const certificates = figures.certificates;
  if (certificates) {
    cards.push({ id: 'certificates-expiring', label: 'figure.expiring', value: formatNumber(certificates.expiring.value), link: certificates.expiring.link });
    cards.push({ id: 'certificates-expired', label: 'figure.expired', value: formatNumber(certificates.expired.value), link: certificates.expired.link });
    cards.push({ id: 'certificates-revoked', label: 'figure.revoked', value: formatNumber(certificates.revoked.value), link: certificates.revoked.link });
  }
  const rate = figures.reEvaluationRate;
  if (rate) {
    cards.push({ id: 're-evaluation-rate', label: 'figure.reEvaluationRate', value: percent(rate.percent), note: text('figure.ofTotal', { part: formatNumber(rate.numerator), total: formatNumber(rate.denominator) }), link: rate.link });
  }
  const onTime = figures.dossiersOnTime;
  if (onTime) {
    cards.push({ id: 'dossiers-on-time', label: 'figure.onTime', value: percent(onTime.percent), note: text('figure.ofTotal', { part: formatNumber(onTime.numerator), total: formatNumber(onTime.denominator) }), link: onTime.link });
  }
  const funnel = figures.funnel;
  if (funnel) {
    cards.push({ id: 'funnel-ideas', label: 'figure.ideas', value: formatNumber(funnel.ideas.value), link: funnel.ideas.link });
    cards.push({ id: 'funnel-business-plans', label: 'figure.businessPlans', value: formatNumber(funnel.businessPlans.value), link: funnel.businessPlans.link });
    cards.push({ id: 'funnel-dossiers', label: 'figure.dossiers', value: formatNumber(funnel.dossiers.value), link: funnel.dossiers.link });
    cards.push({ id: 'funnel-recognised', label: 'figure.recognised', value: formatNumber(funnel.recognised.value), link: funnel.recognised.link });
  }
  const training = figures.training;
  if (training) {
    cards.push({ id: 'training', label: 'figure.training', value: percent(training.percent), note: text('figure.ofTotal', { part: formatNumber(training.trained), total: formatNumber(training.producers) }), link: training.link });
  }
  for (const plan of figures.plans ?? []) {
    const done = plan.indicators.filter((indicator) => indicator.status === 'achieved').length;
    cards.push({ id: `plan-${plan.id}`, label: 'figure.plan', value: `${formatNumber(done)}/${formatNumber(plan.indicators.length)}`, note: plan.title, link: plan.link });
  }
  return cards;
}

function FigureCards({ figures, text }: { figures: Figures; text: HomeText }) {
  const cards = figureCards(figures, text);
  if (cards.length === 0) return <Empty>{text('dashboard.figures.none')}</Empty>;
  return (
    <ul className="figure-cards">
      {cards.map((card) => (
        <li key={card.id}>
          <ServerLink link={card.link} className="figure-card" data-testid="figure-card" data-figure={card.id}>
            <span className="figure-value">{card.value}</span>
            <span className="figure-label">{text(card.label)}</span>
            {card.note && <span className="figure-note">{card.note}</span>}
          </ServerLink>
        </li>
      ))}
    </ul>
  );
}

function ProducerOverview({ producer, text }: { producer: NonNullable<Dashboard['producer']>; text: HomeText }) {
  const dossierText = useDossierText();
  return (
    <section className="dashboard-panel dashboard-wide producer-products" data-testid="producer-products" aria-labelledby="producer-products-title">
      <h2 id="producer-products-title" className="h3">
        {text('dashboard.products')}
      </h2>
      {producer.products.length === 0 ? (
        <Empty>{text('dashboard.products.none')}</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table table-compact">
            <thead>
              <tr>
                <th scope="col">{text('dashboard.product')}</th>
                <th scope="col">{text('dashboard.stars')}</th>
                <th scope="col">{text('dashboard.certificate')}</th>
                <th scope="col">{text('dashboard.expiry')}</th>
              </tr>
            </thead>
            <tbody>
              {producer.products.map((product) => (
                <tr key={product.productId} data-testid="producer-product">
                  <td>
                    <ServerLink link={product.link}>{product.name}</ServerLink>
                  </td>
                  <td>{product.stars ? `${'★'.repeat(product.stars)}` : '—'}</td>
                  <td>
                    {product.certificate ? (
                      <>
                        {product.certificate.number}{' '}
                        <Badge tone={statusTone(product.certificate.status)}>{text(`certificate.${product.certificate.status}` as HomeTextKey)}</Badge>
                      </>
                    ) : (
                      text('dashboard.noCertificate')
                    )}
                  </td>
                  <td data-testid="days-to-expiry">
                    {product.certificate
                      ? product.certificate.daysToExpiry >= 0
                        ? text('dashboard.daysLeft', { days: formatNumber(product.certificate.daysToExpiry), day: formatDate(product.certificate.expiresOn) })
                        : text('dashboard.expiredOn', { day: formatDate(product.certificate.expiresOn) })
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 className="h4">{text('dashboard.dossiers')}</h3>
      {producer.dossiers.length === 0 ? (
        <Empty>{text('dashboard.dossiers.none')}</Empty>
      ) : (
        <ul className="plain-list" data-testid="producer-dossiers">
          {producer.dossiers.map((dossier) => (
            <li key={dossier.id}>
              <ServerLink link={dossier.link}>{dossier.productName}</ServerLink> · {dossierText(`status.${dossier.status}` as never)}
              {dossier.dueAt && ` · ${text('dashboard.due', { day: formatDate(dossier.dueAt) })}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
