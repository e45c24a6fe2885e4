/**
 * The feature boundary of DESIGN.md, held by `npm run check` (ESLint, eslint-rules/boundaries.js) and
 * measured by scripts/feature-map.ts. The fixtures below are code that breaks each rule, linted with the
 * project's own configuration as if it stood at the given path: each must be refused, its lawful twin not.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ESLint } from 'eslint';
import {
  filesWithSqlOutsideRepositories,
  importCycles,
  internalImports,
  readModules,
  routesImportingRepositories,
} from '../scripts/feature-map.ts';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((message) => message.ruleId ?? message.message);
}

describe('the feature boundary is enforced by npm run check', () => {
  test('another feature is reached through its index.ts only', async () => {
    assert.deepEqual(await ruleIds('src/features/catalogue/fixture.ts', "export { findProducer } from '../producers/producers.repository.ts';\n"), ['ocop/feature-surface']);
    assert.deepEqual(await ruleIds('src/features/catalogue/fixture.ts', "import { findProducer } from '../producers/producers.repository.ts';\nexport const f = findProducer;\n"), ['ocop/feature-surface']);
    assert.deepEqual(await ruleIds('src/features/catalogue/fixture.ts', "export const load = () => import('../products/products.repository.ts');\n"), ['ocop/feature-surface']);
    assert.deepEqual(await ruleIds('src/public-site/fixture.ts', "export { productPath } from '../features/catalogue/catalogue-query.ts';\n"), ['ocop/feature-surface']);
    assert.deepEqual(await ruleIds('src/features/catalogue/fixture.ts', "export { findProducer } from '../producers/index.ts';\n"), []);
    assert.deepEqual(await ruleIds('src/features/catalogue/fixture.ts', "export { searchCatalogue } from './browse-catalogue.ts';\n"), []);
    // src/routes.ts mounts the routes of every feature; nothing else reaches a routes file.
    assert.deepEqual(await ruleIds('src/routes.ts', "export { registerDossierRoutes } from './features/dossiers/dossiers.routes.ts';\n"), []);
    assert.deepEqual(await ruleIds('src/server.ts', "export { registerDossierRoutes } from './features/dossiers/dossiers.routes.ts';\n"), ['ocop/feature-surface']);
  });

  test('core/ depends on no feature', async () => {
    assert.deepEqual(await ruleIds('src/core/http/fixture.ts', "export { findProducer } from '../../features/producers/index.ts';\n"), ['ocop/feature-surface']);
  });

  test('a route file calls use cases, not its repository', async () => {
    assert.deepEqual(await ruleIds('src/features/producers/producers.routes.ts', "import * as repository from './producers.repository.ts';\nexport const r = repository;\n"), ['ocop/routes-without-repositories']);
    assert.deepEqual(await ruleIds('src/features/producers/producers.routes.ts', "export { listProducers } from './list-producers.ts';\n"), []);
  });

  test('SQL is written in repositories (and core/) only', async () => {
    const sql = 'export const q = (id: string) => [`SELECT id, name FROM producers WHERE id = $1`, id];\n';
    assert.deepEqual(await ruleIds('src/features/producers/merge-producer.ts', sql), ['ocop/sql-in-repositories']);
    assert.deepEqual(await ruleIds('src/features/producers/x.ts', "export const q = 'DELETE FROM producers';\n"), ['ocop/sql-in-repositories']);
    assert.deepEqual(await ruleIds('src/features/producers/x.ts', "export const q = 'UPDATE producers SET name = $1';\n"), ['ocop/sql-in-repositories']);
    assert.deepEqual(await ruleIds('src/features/producers/producers.repository.ts', sql), []);
    assert.deepEqual(await ruleIds('src/core/db/x.ts', sql), []);
    // Prose that happens to hold the words is not SQL.
    assert.deepEqual(await ruleIds('src/features/producers/x.ts', "export const m = 'Select the producer from the list, then update its record.';\n"), []);
  });
});

describe('the code keeps to it', () => {
  const modules = readModules(root);
  test('no feature imports another feature’s internals', () => assert.deepEqual(internalImports(modules), []));
  test('no import cycle between modules', () => assert.deepEqual(importCycles(modules), []));
  test('no route file imports a repository', () => assert.deepEqual(routesImportingRepositories(modules), []));
  test('no SQL outside repositories and core/', () => assert.deepEqual(filesWithSqlOutsideRepositories(modules), []));
});
