export { registerOpenDataRoutes, OPEN_DATA_API_LIMIT, OPEN_DATA_BULK_LIMIT } from './open-data.routes.ts';
export { OPEN_DATA_LICENCE, OPEN_DATA_VERSION } from './open-data.schemas.ts';
