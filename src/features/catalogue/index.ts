export { searchCatalogue, catalogueFilterOf, findProductPage, type CatalogueQuery } from './browse-catalogue.ts';
export { parseSearchText, productPath, producerPath, slugOf } from './catalogue-query.ts';
