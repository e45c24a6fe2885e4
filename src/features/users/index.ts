export { registerAuthRoutes } from './auth.routes.ts';
export { registerUserRoutes } from './users.routes.ts';
export { insertUser } from './users.repository.ts';
