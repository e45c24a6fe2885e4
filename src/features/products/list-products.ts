import type { Actor } from '../../core/auth/actor.ts';
import { forbidden } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { productVisibility } from './products.policy.ts';
import * as repository from './products.repository.ts';
import type { Product } from './products.schemas.ts';

/** The products in the actor's scope (a producer: its own, to file an upgrade or re-evaluation). */
export async function listProducts(ctx: AppContext, actor: Actor, filter: { producerId?: string }): Promise<Product[]> {
  const visibility = productVisibility(actor);
  if (!visibility) throw forbidden();
  return repository.listProducts(ctx.db.pool, visibility, filter);
}
