/**
 * The project's own lint rules for the layout of DESIGN.md (decision 012):
 *  - feature-surface: code outside a feature reaches it only through its index.ts (src/routes.ts, the one
 *    place that mounts routes, reaches its *.routes.ts files); core/ reaches no feature at all;
 *  - routes-without-repositories: a *.routes.ts file never imports a repository (routes call use cases);
 *  - sql-in-repositories: SQL statements are written only in *.repository.ts files and in core/.
 * Paths are worked out from the importing file's name alone, so the rules need no type information.
 */
import path from 'node:path';

const SRC = `${path.sep}src${path.sep}`;

/** The part of a path after …/src/, with forward slashes, or null outside src/. */
function srcRelative(file) {
  const at = file.lastIndexOf(SRC);
  return at === -1 ? null : file.slice(at + SRC.length).split(path.sep).join('/');
}

/** 'features/<name>/…' → '<name>', else null. */
function featureOf(relative) {
  const match = /^features\/([^/]+)\//.exec(relative);
  return match ? match[1] : null;
}

function importSources(node) {
  if (node.source && typeof node.source.value === 'string') return [node.source];
  return [];
}

function onImports(context, check) {
  const visit = (node) => {
    for (const source of importSources(node)) {
      if (!source.value.startsWith('.')) continue;
      const from = context.filename;
      const target = path.resolve(path.dirname(from), source.value);
      check(source, srcRelative(from), srcRelative(target));
    }
  };
  return {
    ImportDeclaration: visit,
    ExportNamedDeclaration: visit,
    ExportAllDeclaration: visit,
    ImportExpression: (node) => {
      if (node.source.type === 'Literal') visit({ source: node.source });
    },
  };
}

const featureSurface = {
  meta: {
    type: 'problem',
    docs: { description: "Other features are reached only through their index.ts; core/ imports no feature." },
    messages: {
      internal: "'{{target}}' is inside the '{{feature}}' feature: import '{{surface}}' instead (export what you need there).",
      core: "core/ must not depend on a feature ('{{target}}'): move the OCOP-specific part into the feature.",
    },
    schema: [],
  },
  create(context) {
    return onImports(context, (source, from, target) => {
      if (from === null || target === null) return;
      const targetFeature = featureOf(target);
      if (targetFeature === null) return;
      if (from.startsWith('core/')) {
        context.report({ node: source, messageId: 'core', data: { target } });
        return;
      }
      if (featureOf(from) === targetFeature) return;
      const surface = `features/${targetFeature}/index.ts`;
      if (target === surface) return;
      if (from === 'routes.ts' && target.endsWith('.routes.ts')) return;
      context.report({ node: source, messageId: 'internal', data: { target, feature: targetFeature, surface } });
    });
  },
};

const routesWithoutRepositories = {
  meta: {
    type: 'problem',
    docs: { description: 'Routes call use cases, never a repository.' },
    messages: { repository: "A route file must not import '{{target}}': call a use case (list-…, read-…, a domain verb) that does." },
    schema: [],
  },
  create(context) {
    if (!context.filename.endsWith('.routes.ts')) return {};
    return onImports(context, (source, _from, target) => {
      if (target !== null && target.endsWith('.repository.ts')) context.report({ node: source, messageId: 'repository', data: { target } });
    });
  },
};

/** A statement's opening words, in capitals as the project writes SQL; prose ("select a file") never matches. */
const SQL_STATEMENT = /\b(SELECT\b[\s\S]*\bFROM\b|INSERT\s+INTO\b|UPDATE\s+[a-z_]+\s+SET\b|DELETE\s+FROM\b|CREATE\s+(TABLE|INDEX)\b|ALTER\s+TABLE\b|TRUNCATE\b)/;

const sqlInRepositories = {
  meta: {
    type: 'problem',
    docs: { description: 'SQL lives in *.repository.ts files (and core/).' },
    messages: { sql: 'SQL outside a repository: move this statement into the feature\'s *.repository.ts and call it from there.' },
    schema: [],
  },
  create(context) {
    const relative = srcRelative(context.filename);
    if (relative === null || relative.startsWith('core/') || context.filename.endsWith('.repository.ts')) return {};
    const check = (node, text) => {
      if (SQL_STATEMENT.test(text)) context.report({ node, messageId: 'sql' });
    };
    return {
      Literal: (node) => {
        if (typeof node.value === 'string') check(node, node.value);
      },
      TemplateLiteral: (node) => check(node, node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join(' ')),
    };
  },
};

export default {
  meta: { name: 'ocop-boundaries' },
  rules: {
    'feature-surface': featureSurface,
    'routes-without-repositories': routesWithoutRepositories,
    'sql-in-repositories': sqlInRepositories,
  },
};
