/**
 * One small interface per way of reaching a person (docs/decisions/014). An adapter turns a message
 * into the provider's request and the provider's answer into one of five outcomes; delivery
 * (deliver-outbox.ts) owns retries, rate limits and the record. A province plugs in the provider it has
 * a contract with by adding an adapter here and naming it in channels/index.ts.
 */
export type ChannelName = 'email' | 'zalo' | 'sms';
export const channelNames: readonly ChannelName[] = ['email', 'zalo', 'sms'];

export interface OutgoingMessage {
  /** The same on every attempt: the provider's idempotency key where it has one (eSMS RequestId), the e-mail's Message-ID. */
  idempotencyKey: string;
  kind: string;
  /** +84… for Zalo and SMS, an e-mail address for e-mail. */
  address: string;
  recipientName: string;
  subject: string;
  body: string;
  sms: string;
  /** The notice's fields (ZNS template_data). */
  params: Readonly<Record<string, string>>;
}

export type SendOutcome =
  | { outcome: 'sent'; providerMessageId: string | null; answer: string }
  /** Not sent, worth trying again later (a 5xx, a quota, a connection refused). */
  | { outcome: 'retry'; answer: string }
  /** Will not succeed by trying again until someone changes the settings (wrong credentials, unknown sender). */
  | { outcome: 'failed'; answer: string }
  /** The provider refused the address. */
  | { outcome: 'undeliverable'; answer: string }
  /** The request may have reached the provider (a timeout after sending, no idempotency key): not sent again by itself. */
  | { outcome: 'uncertain'; answer: string };

export interface ChannelSettings {
  /** What may be shown back (host, sender, brandname, template ids). */
  settings: Record<string, unknown>;
  /** The password, token or API secret, unsealed just for the send. */
  secret: string | null;
}

export interface NoticeChannel {
  channel: ChannelName;
  /** The provider drops a repeated request with the same key, so a send whose answer was lost may be repeated. */
  idempotent: boolean;
  send(message: OutgoingMessage, settings: ChannelSettings): Promise<SendOutcome>;
  /** A copy for one delivery run, keeping its own connections (pooled SMTP), closed by its release(). */
  session?(): NoticeChannel;
  release?(): void;
}

/** How long a provider may take to answer (settings.timeoutMs, 1–60 s; 10 s by default). */
export function timeoutOf(settings: Record<string, unknown>): number {
  const value = Number(settings.timeoutMs ?? 10_000);
  return Number.isFinite(value) ? Math.min(60_000, Math.max(200, value)) : 10_000;
}

/** POSTs JSON with a timeout and maps transport failures to outcomes (shared by the HTTP adapters). */
export async function postJson(
  url: string,
  headers: Record<string, string>,
  body: unknown,
  idempotent: boolean,
  timeoutMs: number,
): Promise<{ status: number; json: unknown; text: string } | SendOutcome> {
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: response.status, json, text: text.slice(0, 500) };
  } catch (error) {
    const name = (error as Error).name;
    const code = ((error as { cause?: { code?: string } }).cause?.code ?? '') as string;
    if (name === 'TimeoutError' || name === 'AbortError') {
      return idempotent ? { outcome: 'retry', answer: `timeout after ${timeoutMs} ms` } : { outcome: 'uncertain', answer: `timeout after ${timeoutMs} ms: the provider may have sent it` };
    }
    // Refused or unreachable: nothing reached the provider.
    return { outcome: 'retry', answer: `${code || name}: ${(error as Error).message}` };
  }
}

export function stringSetting(settings: Record<string, unknown>, name: string, fallback = ''): string {
  const value = settings[name];
  return typeof value === 'string' ? value : fallback;
}
