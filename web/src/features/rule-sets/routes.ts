/** The screens of this feature, mounted by app/router.tsx. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../app/root-route.tsx';
import { text } from '../../app/search-params.ts';

// Rule sets and criteria sheets are published law: no sign-in needed (issue 3).
const ruleSetsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rule-sets',
  component: lazyRouteComponent(() => import('./rule-sets-page.tsx'), 'RuleSetsPage'),
});

const compareRuleSetsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rule-sets/compare',
  validateSearch: (search: Record<string, unknown>): { left?: string | undefined; right?: string | undefined } => ({
    left: text(search.left),
    right: text(search.right),
  }),
  component: lazyRouteComponent(() => import('./compare-page.tsx'), 'CompareRuleSetsPage'),
});

const ruleSetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rule-sets/$ruleSetId',
  component: lazyRouteComponent(() => import('./rule-set-page.tsx'), 'RuleSetPage'),
});

const criteriaSheetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rule-sets/$ruleSetId/sheets/$productSet',
  component: lazyRouteComponent(() => import('./criteria-sheet-page.tsx'), 'CriteriaSheetPage'),
});

export const ruleSetsRoutes = [ruleSetsRoute, compareRuleSetsRoute, ruleSetRoute, criteriaSheetRoute] as const;
