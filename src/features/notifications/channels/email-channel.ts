/**
 * E-mail through the province's SMTP server with nodemailer: implicit TLS (port 465) or STARTTLS
 * (required when `requireTls`), authentication, From and Reply-To per province. The Message-ID is the
 * outbox row's idempotency key, so a copy the reader's client sees twice is one message.
 * SMTP has no idempotency: an answer lost after the server took the message is reported uncertain.
 * Within one delivery run the messages of a channel share a pooled connection (a new connection per
 * message costs ~100 ms even on 127.0.0.1, more with TLS: bench/notices.ts); release() closes them.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { stringSetting, timeoutOf, type NoticeChannel } from './channel.ts';

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
}

/** One delivery run's pooled connections, one pool per SMTP settings. */
function transportsOfRun() {
  const pools = new Map<string, Transporter>();
  return {
    get(settings: Record<string, unknown>, secret: string | null): Transporter {
      const key = JSON.stringify([settings, secret]);
      let transport = pools.get(key);
      if (!transport) {
        const username = stringSetting(settings, 'username');
        transport = nodemailer.createTransport({
          pool: true,
          maxConnections: 2,
          maxMessages: 100,
          host: stringSetting(settings, 'host'),
          port: Number(settings.port ?? 587),
          secure: settings.secure === true,
          requireTLS: settings.requireTls === true,
          ...(username ? { auth: { user: username, pass: secret ?? '' } } : {}),
          connectionTimeout: timeoutOf(settings),
          greetingTimeout: timeoutOf(settings),
          socketTimeout: 2 * timeoutOf(settings),
          tls: settings.allowSelfSigned === true ? { rejectUnauthorized: false } : undefined,
        });
        pools.set(key, transport);
      }
      return transport;
    },
    close() {
      for (const transport of pools.values()) transport.close();
      pools.clear();
    },
  };
}

function createEmailChannel(): NoticeChannel {
  const transports = transportsOfRun();
  return {
    channel: 'email',
    idempotent: false,
    session: createEmailChannel,
    release: () => transports.close(),
    async send(message, { settings, secret }) {
      const transport = transports.get(settings, secret);
      const from = stringSetting(settings, 'from');
      const fromName = stringSetting(settings, 'fromName');
      const replyTo = stringSetting(settings, 'replyTo');
      try {
        const info = await transport.sendMail({
          from: fromName ? { name: fromName, address: from } : from,
          ...(replyTo ? { replyTo } : {}),
          to: { name: message.recipientName, address: message.address },
          subject: message.subject,
          text: message.body,
          messageId: `<${message.idempotencyKey}@ocop-hub>`,
          headers: { 'X-OCOP-Notice': message.kind },
        });
        if ((info.rejected ?? []).length > 0) return { outcome: 'undeliverable', answer: String(info.response ?? 'rejected') };
        return { outcome: 'sent', providerMessageId: info.messageId ?? null, answer: String(info.response ?? '') };
      } catch (error) {
        const smtp = error as SmtpError;
        const answer = `${smtp.code ?? ''} ${smtp.responseCode ?? ''} ${smtp.response ?? smtp.message}`.trim();
        if (smtp.code === 'EENVELOPE' || (smtp.responseCode && [550, 551, 553, 501].includes(smtp.responseCode) && smtp.command !== 'DATA')) return { outcome: 'undeliverable', answer };
        if (smtp.code === 'EAUTH' || smtp.responseCode === 535) return { outcome: 'failed', answer };
        // A timeout after the message was handed over (the final "." of DATA) may have delivered it.
        if (smtp.code === 'ETIMEDOUT' && smtp.command === 'DATA') return { outcome: 'uncertain', answer };
        return { outcome: 'retry', answer };
      }
    },
  };
}

export const emailChannel: NoticeChannel = createEmailChannel();
