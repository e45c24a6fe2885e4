/**
 * One word for one thing in what people read (issue 19): the advisory team is "Tổ tư vấn" (QĐ 26/2026
 * Đ.7.3.b) in every screen text, role name and demo account, never also "Tổ giúp việc".
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '..');
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

test('the advisory team has one name in every text people read', () => {
  const places = [...filesUnder(path.join(root, 'web/src')), ...filesUnder(path.join(root, 'src'))];
  const found = places.filter((file) => readFileSync(file, 'utf8').includes('Tổ giúp việc')).map((file) => path.relative(root, file));
  assert.deepEqual(found, []);
});
