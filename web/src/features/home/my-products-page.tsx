/**
 * "Sản phẩm của tôi": a producer's own products, each with its product set, star and certificate with
 * the days left, the dossier in progress, and what it can do next (the server decides which: file a
 * dossier, re-evaluate within the window, ask for a higher star, list it online…). Phone first.
 */
import './dashboard.css';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api, type Schemas } from '../../app/api.ts';
import { formatDate, formatNumber } from '../../app/i18n.tsx';
import { Badge, Empty, LoadError, Loading, PageHeader } from '../../app/ui.tsx';
import { statusTone } from '../certificates/index.ts';
import { useDossierText } from '../dossiers/index.ts';
import { appLink } from './app-link.ts';
import { useHomeText, type HomeTextKey } from './home-text.ts';

type Product = NonNullable<Schemas['Dashboard']['producer']>['products'][number];

function ProductCard({ product }: { product: Product }) {
  const text = useHomeText();
  const dossierText = useDossierText();
  const certificate = product.certificate;
  return (
    <li className="card my-product" data-testid="my-product">
      <h2 className="h3">{product.name}</h2>
      <p className="hint">{text('myProducts.set', { set: product.productSetNumber })}</p>
      <p>
        {product.stars ? <span aria-label={text('myProducts.stars', { stars: product.stars })}>{'★'.repeat(product.stars)} </span> : null}
        {certificate ? (
          <>
            <Badge tone={statusTone(certificate.status)}>{text(`certificate.${certificate.status}` as HomeTextKey)}</Badge>{' '}
            <span data-testid="my-product-expiry">
              {certificate.daysToExpiry >= 0
                ? text('dashboard.daysLeft', { days: formatNumber(certificate.daysToExpiry), day: formatDate(certificate.expiresOn) })
                : text('dashboard.expiredOn', { day: formatDate(certificate.expiresOn) })}
            </span>
          </>
        ) : (
          text('dashboard.noCertificate')
        )}
      </p>
      {product.dossier && <p data-testid="my-product-dossier">{text('myProducts.dossier', { status: dossierText(`status.${product.dossier.status}` as never) })}</p>}
      <ul className="my-product-actions">
        {product.actions.map((action, index) => {
          const target = appLink(action.link);
          return (
            <li key={action.kind}>
              <Link to={target.to} search={target.search as never} className={index === 0 ? 'button button-primary' : 'button'} data-testid={`action-${action.kind}`}>
                {action.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </li>
  );
}

export function MyProductsPage() {
  const text = useHomeText();
  const year = new Date().getFullYear();
  const dashboard = useQuery({ queryKey: ['dashboard', year], queryFn: () => api.get('/api/dashboard', { query: { year } }) });
  return (
    <section className="stack">
      <PageHeader title={text('myProducts.title')}>
        <p className="lead">{text('myProducts.intro')}</p>
      </PageHeader>
      {dashboard.isPending ? (
        <Loading />
      ) : dashboard.isError ? (
        <LoadError error={dashboard.error} retry={() => void dashboard.refetch()} />
      ) : !dashboard.data.producer || dashboard.data.producer.products.length === 0 ? (
        <Empty>{text('dashboard.products.none')}</Empty>
      ) : (
        <ul className="my-products" data-testid="my-products">
          {dashboard.data.producer.products.map((product) => (
            <ProductCard key={product.productId} product={product} />
          ))}
        </ul>
      )}
    </section>
  );
}
