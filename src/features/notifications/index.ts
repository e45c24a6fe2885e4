export { notify, type Notice, type Recipient } from './notify.ts';
