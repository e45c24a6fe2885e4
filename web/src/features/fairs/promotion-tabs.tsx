/** The trade-promotion area: fairs, OCOP sales points, e-commerce listings. */
import { Link } from '@tanstack/react-router';
import { can } from '../../app/access.ts';
import { useUser } from '../../app/session.ts';
import type { ProgrammeText } from '../training/index.ts';

export function PromotionTabs({ text }: { text: ProgrammeText }) {
  const user = useUser();
  const officer = can(user, 'programme');
  return (
    <nav aria-label={text('promotion.areas')} className="promotion-tabs" data-testid="promotion-tabs">
      {officer && (
        <Link to="/fairs" search={{}} activeOptions={{ exact: true }} activeProps={{ 'aria-current': 'page' }}>
          {text('promotion.fairs')}
        </Link>
      )}
      {officer && (
        <Link to="/sales-points" activeProps={{ 'aria-current': 'page' }} data-testid="tab-sales-points">
          {text('promotion.salesPoints')}
        </Link>
      )}
      <Link to="/ecommerce-listings" activeProps={{ 'aria-current': 'page' }} data-testid="tab-listings">
        {text('promotion.listings')}
      </Link>
    </nav>
  );
}
