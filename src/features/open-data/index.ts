export { OPEN_DATA_LICENCE, OPEN_DATA_VERSION } from './open-data.schemas.ts';
