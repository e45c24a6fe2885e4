/** A message's channel and status as words and a coloured badge (the outbox and "sent to me"). */
import type { Schemas } from '../../app/api.ts';
import { formatDateTime } from '../../app/i18n.tsx';
import { Badge } from '../../app/ui.tsx';
import { useNoticesText } from './notices-text.ts';
import './notices.css';

export type OutboxMessage = Schemas['OutboxMessage'];

const tones: Record<OutboxMessage['status'], 'neutral' | 'good' | 'bad' | 'soon'> = {
  queued: 'soon',
  sending: 'soon',
  sent: 'good',
  failed: 'bad',
  uncertain: 'bad',
  held: 'neutral',
  undeliverable: 'bad',
};

export function MessageStatus({ message }: { message: OutboxMessage }) {
  const text = useNoticesText();
  return (
    <>
      <Badge tone={tones[message.status]}>{text(`status.${message.status}`)}</Badge>
      {message.statusReason && <span className="hint notices-block">{message.statusReason}</span>}
      {message.sentAt && <span className="hint notices-block">{formatDateTime(message.sentAt)}</span>}
    </>
  );
}
