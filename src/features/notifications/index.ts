export { registerNotificationRoutes } from './notifications.routes.ts';
export { notify, type Notice, type Recipient } from './notify.ts';
