export { registerAdminUnitRoutes } from './admin-units.routes.ts';
export { loadAdminUnits } from './load-admin-units.ts';
export { findUnit, findVersionInForce, type AdminUnit, type UnitWithContext } from './admin-units.repository.ts';
/** The unit list in force today (from 1 July 2025); records made now use its codes. */
export const CURRENT_UNITS_VERSION = 'vn-2025';
