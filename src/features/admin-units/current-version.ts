/** The unit list in force today (from 1 July 2025); records made now use its codes. */
export const CURRENT_UNITS_VERSION = 'vn-2025';
