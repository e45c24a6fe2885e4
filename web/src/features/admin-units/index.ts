/** What other features use from administrative units (the pages themselves are loaded by the router). */
export { CommunePicker, ProvincePicker } from './unit-pickers.tsx';
export { CURRENT_VERSION, useCommunes, useProvinces } from './admin-units.queries.ts';
