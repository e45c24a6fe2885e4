/** What other features use from ideas (the pages themselves are loaded by the router). */
export { productSetLabel, registrationYears, useProductSets } from './ideas.queries.ts';
