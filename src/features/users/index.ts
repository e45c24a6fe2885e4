export { registerAuthRoutes } from './auth.routes.ts';
export { registerUserRoutes } from './users.routes.ts';
export { hasDemoUsers, insertUser, moveUsersToProducer } from './users.repository.ts';
