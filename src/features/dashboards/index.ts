/** The dashboards feature's public surface: a read model over other rooms' surfaces; nothing else depends on it yet. */
export { readDashboard, FIRST_DASHBOARD_YEAR } from './read-dashboard.ts';
export type { Dashboard } from './dashboards.schemas.ts';
