/**
 * A process that commits a large import and can be killed mid-way (imports' kill -9 test): it prints
 * "started" when the commit's transaction is under way and "committed" if it ever finishes.
 */
import pg from 'pg';
import { systemClock } from '../../src/core/clock/index.ts';
import type { Database } from '../../src/core/db/database.ts';
import { commitImport } from '../../src/features/imports/commit-import.ts';
import { importRow } from './imports.ts';
import { createUserRecord } from './test-app.ts';

const [tag = 'kill', rowCount = '3000'] = process.argv.slice(2);
const url = process.env.TEST_DATABASE_URL!;
const pool = new pg.Pool({ connectionString: url, max: 2 });
const db: Database = { mode: 'postgres', pool, url, close: () => pool.end() };
const user = await createUserRecord(db, { role: 'province_office', provinceCode: '12' });
const rows = Array.from({ length: Number(rowCount) }, (_, i) => importRow(i + 2, { producer: { name: `HTX ${tag} ${i}` }, certificate: { certificateNumber: `${tag}-${i}` } }));
const actor = { userId: user.id, username: user.username, displayName: 'Văn phòng OCOP tỉnh', role: 'province_office' as const, provinceCode: '12', communeCode: null, producerId: null, locale: 'vi' as const };
setTimeout(() => console.log('started'), 300);
await commitImport(db, systemClock, actor, { provinceCode: '12', file: { kind: 'provincial_list', fileName: `${tag}.xlsx`, bytes: Buffer.from(tag), mapping: {} }, rows, choices: {} });
console.log('committed');
await pool.end();
