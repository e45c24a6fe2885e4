export { loadAdminUnits } from './load-admin-units.ts';
export { findUnit, findVersionInForce, type AdminUnit, type UnitWithContext } from './admin-units.repository.ts';
export { CURRENT_UNITS_VERSION } from './current-version.ts';
export { resolveUnit, type ResolvedUnit } from './resolve-unit.ts';
export { createPlaceResolver, splitUnitType, PRE_2025_UNITS_VERSION, type PlaceCandidate, type PlaceQuery, type PlaceResolution } from './resolve-old-place.ts';
export { checkUnitInScope } from './check-unit-in-scope.ts';
