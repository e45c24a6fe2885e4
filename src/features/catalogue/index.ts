export { registerCatalogueRoutes } from './catalogue.routes.ts';
export { searchCatalogue, catalogueFilterOf, findProductPage, type CatalogueQuery } from './browse-catalogue.ts';
export { parseSearchText, productPath, producerPath, slugOf } from './catalogue-query.ts';
