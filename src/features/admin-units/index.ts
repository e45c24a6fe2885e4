export { registerAdminUnitRoutes } from './admin-units.routes.ts';
export { loadAdminUnits } from './load-admin-units.ts';
export { findUnit, findVersionInForce, type AdminUnit, type UnitWithContext } from './admin-units.repository.ts';
export const CURRENT_UNITS_VERSION = 'vn-2025';
