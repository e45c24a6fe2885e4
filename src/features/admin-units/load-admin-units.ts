import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction, type Database } from '../../core/db/database.ts';
import type { Clock } from '../../core/clock/index.ts';
import * as repository from './admin-units.repository.ts';

const dataDir = fileURLToPath(new URL('../../../data/admin-units/', import.meta.url));

interface VersionFile {
  version: repository.AdminUnitVersion;
  units: Omit<repository.AdminUnit, 'versionId'>[];
}

interface MappingFile {
  fromVersion: string;
  toVersion: string;
  provinces: { oldCode: string; newCode: string }[];
  communes: { oldCode: string; newCode: string; part: boolean }[];
  /** Island districts with no communes that became a special zone (đặc khu) whole. */
  districts: { oldCode: string; newCode: string; part: boolean }[];
}

const readJson = async <T>(file: string): Promise<T> => JSON.parse(await readFile(dataDir + file, 'utf8')) as T;

/**
 * Loads the official unit lists shipped in data/admin-units (built by scripts/generate-admin-units.ts)
 * and the 2025 succession table. Idempotent: a version already present is left as it is.
 */
export async function loadAdminUnits(db: Database, clock: Clock): Promise<{ loaded: string[] }> {
  const loaded: string[] = [];
  // Each file is named after the version it holds, so a loaded version is skipped without reading it.
  for (const versionId of ['vn-pre-2025', 'vn-2025']) {
    if (await repository.findVersion(db.pool, versionId)) continue;
    const data = await readJson<VersionFile>(`${versionId}.json`);
    if (data.version.id !== versionId) throw new Error(`${versionId}.json holds version ${data.version.id}`);
    await withTransaction(db, async (tx) => {
      await repository.insertVersion(tx, data.version);
      await repository.insertUnits(tx, data.version.id, data.units);
      await recordAuditEvent(tx, {
        actor: { userId: null, label: 'system' },
        action: 'admin_units.version_loaded',
        entityType: 'admin_unit_version',
        entityId: data.version.id,
        after: { ...data.version, unitCount: data.units.length },
        occurredAt: clock.now(),
      });
    });
    loaded.push(data.version.id);
  }
  if (loaded.length > 0) {
    const mapping = await readJson<MappingFile>('mapping-2025.json');
    await withTransaction(db, async (tx) => {
      await repository.insertSuccessions(tx, mapping.fromVersion, mapping.toVersion, [
        ...mapping.provinces.map((p) => ({
          fromLevel: 'province' as const,
          fromCode: p.oldCode,
          toLevel: 'province' as const,
          toCode: p.newCode,
          isPartial: false,
        })),
        ...mapping.districts.map((d) => ({
          fromLevel: 'district' as const,
          fromCode: d.oldCode,
          toLevel: 'commune' as const,
          toCode: d.newCode,
          isPartial: d.part,
        })),
        ...mapping.communes.map((c) => ({
          fromLevel: 'commune' as const,
          fromCode: c.oldCode,
          toLevel: 'commune' as const,
          toCode: c.newCode,
          isPartial: c.part,
        })),
      ]);
    });
  }
  return { loaded };
}
