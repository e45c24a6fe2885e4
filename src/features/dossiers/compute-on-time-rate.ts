import type { Actor } from '../../core/auth/actor.ts';
import { addDays, localDateParts, startOfLocalDate, toLocalDate, type LocalDate } from '../../core/clock/index.ts';
import { forbidden, invalidInput } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { canReadOnTimeRate, dossierVisibility } from './dossiers.policy.ts';
import * as repository from './dossiers.repository.ts';
import type { OnTimeRate } from './dossiers.schemas.ts';

const rate = (onTime: number, forwarded: number) => (forwarded === 0 ? null : Math.round((onTime / forwarded) * 10_000) / 10_000);

/**
 * The on-time processing rate local portals publish ("99,85% hồ sơ giải quyết đúng hạn"): of the dossiers
 * the commune forwarded to the province in the period (Vietnamese calendar days, both ends included), the
 * share forwarded by their due_at. Per commune and in total. The unit defaults to the caller's own.
 */
export async function computeOnTimeRate(
  ctx: AppContext,
  actor: Actor,
  query: { province?: string; commune?: string; from?: LocalDate; to?: LocalDate },
): Promise<OnTimeRate> {
  const visibility = dossierVisibility(actor);
  const provinceCode = query.province ?? (actor.role === 'commune_officer' || actor.role === 'province_office' ? actor.provinceCode : null);
  const communeCode = query.commune ?? (actor.role === 'commune_officer' ? actor.communeCode : null);
  if (!visibility || !canReadOnTimeRate(actor, { provinceCode, communeCode })) throw forbidden();

  const today = toLocalDate(ctx.clock.now());
  const from = query.from ?? `${localDateParts(today).year}-01-01`;
  const to = query.to ?? today;
  if (to < from) throw invalidInput([{ path: 'querystring.to', message: 'Ngày kết thúc không được trước ngày bắt đầu.', messageEn: '"to" is before "from".' }]);

  const units = await repository.countForwardedOnTime(ctx.db.pool, visibility, {
    provinceCode: provinceCode ?? undefined,
    communeCode: communeCode ?? undefined,
    from: startOfLocalDate(from),
    until: startOfLocalDate(addDays(to, 1)),
  });
  const forwarded = units.reduce((sum, u) => sum + u.forwarded, 0);
  const onTime = units.reduce((sum, u) => sum + u.onTime, 0);
  return {
    from,
    to,
    total: { forwarded, onTime, late: forwarded - onTime, rate: rate(onTime, forwarded) },
    units: units.map((u) => ({ ...u, late: u.forwarded - u.onTime, rate: rate(u.onTime, u.forwarded) })),
  };
}
