export { notify, setNoticeLinkBase, type Notice, type Recipient } from './notify.ts';
export { deliverOutbox, type DeliveryReport } from './deliver-outbox.ts';
export { countOutbox, type OutboxCounts } from './read-outbox.ts';
