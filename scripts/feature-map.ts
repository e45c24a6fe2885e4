/**
 * `npx tsx scripts/feature-map.ts`: the measures of the feature boundary (docs/ARCHITECTURE.md) over the
 * server's production code (src/, tests left out): imports that reach into another feature's files,
 * import cycles between modules, route files that import a repository, files with SQL outside
 * repositories and core/, and files over 500 lines. tests/feature-boundaries.test.ts holds them at zero.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;
const SQL_STATEMENT = /\b(SELECT\b[\s\S]*?\bFROM\b|INSERT\s+INTO\b|UPDATE\s+[a-z_]+\s+SET\b|DELETE\s+FROM\b)/;

export interface Module {
  file: string; // relative to src/, forward slashes
  imports: string[]; // resolved, relative to src/
  lines: number;
  text: string;
}

function listSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return listSources(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : [];
  });
}

export function readModules(root: string): Module[] {
  const src = path.join(root, 'src');
  return listSources(src).map((full) => {
    const text = readFileSync(full, 'utf8');
    const imports: string[] = [];
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2]!;
      if (specifier.startsWith('.')) imports.push(path.relative(src, path.resolve(path.dirname(full), specifier)).split(path.sep).join('/'));
    }
    return { file: path.relative(src, full).split(path.sep).join('/'), imports, lines: text.split('\n').length, text };
  });
}

const featureOf = (file: string): string | null => /^features\/([^/]+)\//.exec(file)?.[1] ?? null;

/** Imports from outside a feature into one of its files other than index.ts (src/routes.ts mounts *.routes.ts). */
export function internalImports(modules: Module[]): string[] {
  return modules.flatMap((m) =>
    m.imports
      .filter((target) => {
        const feature = featureOf(target);
        if (!feature || feature === featureOf(m.file)) return false;
        if (m.file === 'routes.ts' && target.endsWith('.routes.ts')) return false;
        return target !== `features/${feature}/index.ts`;
      })
      .map((target) => `${m.file} → ${target}`),
  );
}

/** Every import cycle between modules (each reported once, as the files on it). */
export function importCycles(modules: Module[]): string[][] {
  const graph = new Map(modules.map((m) => [m.file, m.imports.filter((target) => target !== m.file)]));
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        const key = [...cycle].sort().join('|');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

export function routesImportingRepositories(modules: Module[]): string[] {
  return modules.filter((m) => m.file.endsWith('.routes.ts') && m.imports.some((target) => target.endsWith('.repository.ts'))).map((m) => m.file);
}

export function filesWithSqlOutsideRepositories(modules: Module[]): string[] {
  return modules.filter((m) => !m.file.startsWith('core/') && !m.file.endsWith('.repository.ts') && SQL_STATEMENT.test(m.text)).map((m) => m.file);
}

export function largeFiles(modules: Module[], over = 500): string[] {
  return modules.filter((m) => m.lines > over).map((m) => `${m.file} (${m.lines})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const modules = readModules(path.resolve(import.meta.dirname, '..'));
  const report = {
    'imports into another feature’s internals': internalImports(modules),
    'import cycles': importCycles(modules).map((cycle) => cycle.join(' → ')),
    'route files importing a repository': routesImportingRepositories(modules),
    'files with SQL outside repositories and core/': filesWithSqlOutsideRepositories(modules),
    'files over 500 lines': largeFiles(modules),
  };
  for (const [title, items] of Object.entries(report)) {
    console.log(`${title}: ${items.length}`);
    for (const item of items) console.log(`  ${item}`);
  }
}
