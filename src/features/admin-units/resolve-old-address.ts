import type { Sql } from '../../core/db/database.ts';
import * as repository from './admin-units.repository.ts';
import type { OldAddressAnswer } from './admin-units.schemas.ts';

const MAX_MATCHES = 5;

/**
 * "What is this old address today": finds units of an earlier version by name (e.g. "huyện Than Uyên,
 * tỉnh Lai Châu") and tells which current units their communes became (Nghị quyết 202/2025/QH15 and
 * the resolutions merging communes from 1 July 2025).
 */
export async function resolveOldAddress(sql: Sql, input: { q: string; fromVersion: string }): Promise<OldAddressAnswer> {
  const { items } = await repository.listUnits(sql, {
    versionId: input.fromVersion,
    text: input.q,
    limit: MAX_MATCHES,
    offset: 0,
  });
  const matches = [];
  for (const unit of items) {
    const successions = await repository.listSuccessions(sql, input.fromVersion, unit.level, unit.code);
    const current = new Map<string, OldAddressAnswer['matches'][number]['currentUnits'][number]>();
    for (const s of successions) {
      if (!s.toCode) continue;
      const known = current.get(s.toCode);
      // A new commune counts as wholly inside only if no piece of it came from "a part of" a commune.
      if (known) known.isPartial = known.isPartial && s.isPartial;
      else
        current.set(s.toCode, {
          code: s.toCode,
          fullName: s.toName ?? '',
          provinceCode: s.toProvinceCode ?? '',
          provinceName: s.toProvinceName ?? '',
          isPartial: s.isPartial,
        });
    }
    const unmapped = successions.filter((s) => !s.toCode).map((s) => ({ code: s.fromCode, fullName: s.fromName }));
    matches.push({ unit, successions, currentUnits: [...current.values()], unmapped });
  }
  return { query: input.q, matches };
}
