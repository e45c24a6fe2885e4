export { listUnitFairsOfYear } from './fairs.repository.ts';
export { fairScopeLabels } from './fairs.schemas.ts';
export type { Fair } from './fairs.schemas.ts';
export { findImportedSalesPointBlockers, listKnownSalesPoints, recordImportedSalesPoint, removeImportedSalesPoints, type ImportedSalesPoint } from './import-sales-points.ts';
export { listStockistsOfProduct, type Stockist } from './fairs.repository.ts';
