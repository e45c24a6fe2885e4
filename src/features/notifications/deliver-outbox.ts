/**
 * Delivery from the outbox (docs/decisions/014). Safe with several app processes on one database:
 *  1. a message is claimed in a short transaction that marks it 'sending', counts the attempt and sets a
 *     lease; the channel's row is locked while claiming, so its per-minute budget holds across processes;
 *  2. the provider is called outside any transaction (a slow provider holds no lock and blocks no request);
 *  3. the answer is recorded only by the attempt that claimed the row.
 * A process that dies between 2 and 3 leaves the row 'sending' with a lease that runs out: the next run
 * resends it with the same idempotency key when the provider honours one (eSMS RequestId), and otherwise
 * marks it 'uncertain' for a person to decide — never a second copy by itself.
 */
import { openSecret } from '../../core/secrets.ts';
import { withTransaction } from '../../core/db/database.ts';
import type { AppContext } from '../../core/http/types.ts';
import { channelAdapters, type NoticeChannel, type SendOutcome } from './channels/index.ts';
import * as repository from './notifications.repository.ts';
import type { ChannelRow, ClaimedMessage, Outcome } from './notifications.repository.ts';

export const MAX_SEND_ATTEMPTS = 5;
/** How long a claimed message may stay 'sending' before it is taken for a dead process's. */
export const SEND_LEASE_MS = 2 * 60_000;
const BATCH = 50;

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
  undeliverable: number;
  uncertain: number;
  recovered: number;
}

export interface DeliveryOptions {
  /** At most this many messages in one run. */
  limit?: number;
  /** Called after the provider answered and before the answer is recorded (tests kill the process here). */
  afterSend?: (message: ClaimedMessage) => void | Promise<void>;
  adapters?: Partial<Record<ClaimedMessage['channel'], NoticeChannel>>;
  /** Only the channels these provinces configured themselves (a province that runs its own sender). */
  provinceCodes?: readonly string[];
  /** Once aborted (shutdown), the messages already claimed are sent and recorded, and no more are claimed. */
  signal?: AbortSignal;
}

/** 1, 4, 9, 16 minutes after attempts 1–4; the fifth failure is final. */
export function retryDelayMs(attempts: number): number {
  return attempts * attempts * 60_000;
}

function outcomeToRecord(result: SendOutcome, attempts: number, now: Date): Outcome {
  switch (result.outcome) {
    case 'sent':
      return { status: 'sent', reason: null, providerMessageId: result.providerMessageId, answer: result.answer, sentAt: now };
    case 'retry':
      return attempts >= MAX_SEND_ATTEMPTS
        ? { status: 'failed', reason: `Không gửi được sau ${attempts} lần thử.`, answer: result.answer }
        : { status: 'queued', reason: `Lần ${attempts} chưa gửi được, sẽ thử lại.`, answer: result.answer, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
    case 'failed':
      return { status: 'failed', reason: 'Nhà cung cấp từ chối (kiểm tra cấu hình kênh).', answer: result.answer };
    case 'undeliverable':
      return { status: 'undeliverable', reason: 'Nhà cung cấp từ chối địa chỉ người nhận.', answer: result.answer };
    case 'uncertain':
      return { status: 'uncertain', reason: 'Không rõ đã gửi hay chưa: cần người quyết định gửi lại.', answer: result.answer };
  }
}

async function recoverDeadSends(ctx: AppContext, adapters: Record<string, NoticeChannel>): Promise<number> {
  const now = ctx.clock.now();
  return withTransaction(ctx.db, async (tx) => {
    const rows = await repository.lockExpiredSending(tx, now);
    for (const row of rows) {
      const outcome: Outcome = adapters[row.channel]!.idempotent
        ? row.attempts >= MAX_SEND_ATTEMPTS
          ? { status: 'failed', reason: `Không gửi được sau ${row.attempts} lần thử.` }
          : { status: 'queued', reason: 'Lần gửi trước bị gián đoạn; gửi lại với cùng mã chống trùng.', nextAttemptAt: now }
        : { status: 'uncertain', reason: 'Lần gửi bị gián đoạn trước khi ghi nhận kết quả: có thể đã gửi. Cần người quyết định gửi lại.' };
      await repository.recordOutcome(tx, row.id, null, outcome, now);
    }
    return rows.length;
  });
}

async function claim(ctx: AppContext, channelId: string, room: number): Promise<{ channel: ChannelRow; messages: ClaimedMessage[] } | null> {
  const now = ctx.clock.now();
  return withTransaction(ctx.db, async (tx) => {
    const channel = await repository.findChannel(tx, channelId, { forUpdate: true });
    if (!channel || !channel.enabled) return null;
    const used = await repository.countAttemptsSince(tx, channelId, new Date(now.getTime() - 60_000));
    const budget = Math.min(room, BATCH, channel.perMinute - used);
    if (budget <= 0) return null;
    const messages = await repository.claimMessages(tx, channelId, now, budget, new Date(now.getTime() + SEND_LEASE_MS));
    return messages.length ? { channel, messages } : null;
  });
}

/** Sends what is due, within each channel's budget; returns what became of it. */
export async function deliverOutbox(ctx: AppContext, options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const chosen = { ...channelAdapters, ...options.adapters };
  const adapters = Object.fromEntries(Object.entries(chosen).map(([name, adapter]) => [name, adapter.session?.() ?? adapter])) as typeof chosen;
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, undeliverable: 0, uncertain: 0, recovered: 0 };
  report.recovered = await recoverDeadSends(ctx, adapters);
  try {
    await deliverDue(ctx, adapters, options, report);
  } finally {
    for (const adapter of Object.values(adapters)) adapter.release?.();
  }
  return report;
}

async function deliverDue(ctx: AppContext, adapters: Record<ClaimedMessage['channel'], NoticeChannel>, options: DeliveryOptions, report: DeliveryReport): Promise<void> {
  let room = options.limit ?? 1000;
  const channelIds = await repository.listChannelsWithDueMessages(ctx.db.pool, ctx.clock.now(), options.provinceCodes ?? null);
  for (const channelId of channelIds) {
    while (room > 0 && !options.signal?.aborted) {
      const claimed = await claim(ctx, channelId, room);
      if (!claimed) break;
      room -= claimed.messages.length;
      const secret = claimed.channel.sealedSecret ? await openSecret(ctx.db.pool, claimed.channel.sealedSecret) : null;
      const adapter = adapters[claimed.channel.channel];
      for (const message of claimed.messages) {
        let result: SendOutcome;
        try {
          result = await adapter.send(
            { idempotencyKey: message.idempotencyKey, kind: message.kind, address: message.address, recipientName: message.recipientName, subject: message.subject, body: message.body, sms: message.sms, params: message.params },
            { settings: claimed.channel.settings, secret },
          );
        } catch (error) {
          result = adapter.idempotent ? { outcome: 'retry', answer: (error as Error).message } : { outcome: 'uncertain', answer: (error as Error).message };
        }
        await options.afterSend?.(message);
        const now = ctx.clock.now();
        const outcome = outcomeToRecord(result, message.attempts, now);
        await repository.recordOutcome(ctx.db.pool, message.id, message.attempts, outcome, now);
        if (outcome.status === 'sent') report.sent++;
        else if (outcome.status === 'queued') report.retried++;
        else if (outcome.status === 'failed') report.failed++;
        else if (outcome.status === 'undeliverable') report.undeliverable++;
        else report.uncertain++;
      }
    }
  }
}
