import type { Sql } from '../../core/db/database.ts';
import { stripVietnameseDiacritics } from '../../core/text.ts';
import { listStockistsOfProduct } from '../fairs/index.ts';
import { findProducerContacts } from '../producers/index.ts';
import { findNoticeContacts, listActiveAccountIds, type AccountHolder } from '../users/index.ts';
import { channelNames, znsTemplateOf, type ChannelName } from './channels/index.ts';
import { normalizeEmail, normalizeVietnameseMobile } from './contact-address.ts';
import { defaultWording, kindOf, type NoticeWording } from './notice-kinds.ts';
import { renderTemplate } from './notice-templates.ts';
import * as repository from './notifications.repository.ts';
import type { ChannelRow, NewMessage, Subject } from './notifications.repository.ts';

/**
 * Notices (thông báo). A notice is written in the transaction of the act it reports: in the app for every
 * account that holds the recipient's place, and to the outbox for every channel a recipient can be reached
 * on (e-mail, Zalo, SMS), once per recipient and dedupe key, so a job that runs again does not notify twice.
 * Delivery runs later from the outbox (deliver-outbox.ts); the act that caused the notice never waits for it.
 */
export type Recipient =
  | AccountHolder
  | { userId: string }
  /** The active sales points that sell this product of the producer (told when its star lapses). */
  | { stockistsOf: { producerId: string; productName: string } };

export interface Notice {
  kind: string;
  title: string;
  body?: string;
  /** A back-office path, e.g. /admin/certificates/…, opened from the notice. */
  link?: string | null;
  dedupeKey: string;
  /** The kind's own fields for templates (notice-kinds.ts); a field named …Link holding a path becomes a full address. */
  fields?: Record<string, string>;
}

let publicBaseUrl = 'http://localhost:3000';
/** The address links in e-mails and SMS start with (config.publicBaseUrl), set once when the app is built. */
export function setNoticeLinkBase(url: string): void {
  publicBaseUrl = url.replace(/\/+$/, '');
}
const absolute = (path: string) => (path.startsWith('/') ? `${publicBaseUrl}${path}` : path);

interface Contact {
  subject: Subject;
  name: string;
  email: string | null;
  phone: string | null;
  locale: 'vi' | 'en';
  provinceCode: string | null;
  communeCode: string | null;
  producerId: string | null;
  /** An official's account: legal deadlines reach it whatever it chose. */
  official: boolean;
  notificationId: string | null;
}

async function accountIdsOf(sql: Sql, recipients: readonly Recipient[]): Promise<string[]> {
  const ids = new Set<string>();
  for (const recipient of recipients) {
    if ('stockistsOf' in recipient) continue;
    const holders = 'userId' in recipient ? [recipient.userId] : await listActiveAccountIds(sql, recipient);
    for (const id of holders) ids.add(id);
  }
  return [...ids];
}

async function contactsOf(sql: Sql, recipients: readonly Recipient[], userIds: readonly string[], notificationOf: Map<string, string>): Promise<Contact[]> {
  const contacts: Contact[] = (await findNoticeContacts(sql, userIds)).map((user) => ({
    subject: { kind: 'user', id: user.userId },
    name: user.displayName,
    email: user.email,
    phone: user.phone,
    locale: user.locale,
    provinceCode: user.provinceCode,
    communeCode: user.communeCode,
    producerId: user.producerId,
    official: user.role !== 'producer',
    notificationId: notificationOf.get(user.userId) ?? null,
  }));
  const producerIds = recipients.flatMap((recipient) => ('producerId' in recipient ? [recipient.producerId] : []));
  for (const producer of await findProducerContacts(sql, producerIds)) {
    contacts.push({ subject: { kind: 'producer', id: producer.producerId }, name: producer.name, email: producer.email, phone: producer.phone, locale: 'vi', provinceCode: producer.provinceCode, communeCode: producer.communeCode, producerId: producer.producerId, official: false, notificationId: null });
  }
  for (const recipient of recipients) {
    if (!('stockistsOf' in recipient)) continue;
    for (const point of await listStockistsOfProduct(sql, recipient.stockistsOf.producerId, recipient.stockistsOf.productName)) {
      contacts.push({ subject: { kind: 'sales_point', id: point.salesPointId }, name: point.name, email: point.email, phone: point.phone, locale: 'vi', provinceCode: point.provinceCode, communeCode: point.communeCode, producerId: recipient.stockistsOf.producerId, official: false, notificationId: null });
    }
  }
  return contacts;
}

/** The channel that serves a province: its own settings when it has them (even switched off), else the global ones. */
function channelFor(channels: readonly ChannelRow[], provinceCode: string | null, channel: ChannelName): ChannelRow | null {
  const own = provinceCode ? channels.find((row) => row.provinceCode === provinceCode && row.channel === channel) : undefined;
  const chosen = own ?? channels.find((row) => row.provinceCode === null && row.channel === channel);
  return chosen?.enabled ? chosen : null;
}

const channelLabels: Record<ChannelName, string> = { email: 'e-mail', zalo: 'Zalo', sms: 'SMS' };

/** Writes the notice for every recipient; returns how many new in-app notices were written. */
export async function notify(sql: Sql, recipients: readonly Recipient[], notice: Notice, now: Date): Promise<number> {
  const userIds = await accountIdsOf(sql, recipients);
  const written = userIds.length ? await repository.insertNotices(sql, userIds, { kind: notice.kind, title: notice.title, body: notice.body ?? '', link: notice.link ?? null, dedupeKey: notice.dedupeKey }, now) : [];
  const contacts = await contactsOf(sql, recipients, userIds, new Map(written.map((row) => [row.userId, row.id])));
  if (contacts.length === 0) return written.length;

  const kind = kindOf(notice.kind);
  const provinces = [...new Set(contacts.map((contact) => contact.provinceCode).filter((code): code is string => code !== null))];
  // One after another: `sql` is the caller's transaction, one connection.
  const preferences = await repository.findPreferences(sql, contacts.map((contact) => contact.subject));
  const channels = await repository.findChannelsFor(sql, provinces);
  const templates = await repository.findTemplates(sql, provinces, notice.kind);
  const fields = Object.fromEntries(Object.entries(notice.fields ?? {}).map(([name, value]) => [name, name.endsWith('Link') ? absolute(value) : value]));
  const seen = new Set<string>();
  const messages: NewMessage[] = [];
  for (const contact of contacts) {
    const preference = preferences.get(`${contact.subject.kind}:${contact.subject.id}`) ?? { channels: [...channelNames], optedOutKinds: [] };
    if (preference.optedOutKinds.includes(notice.kind) && !(kind.legalDeadline && contact.official)) continue;
    const override = templates.find((row) => row.provinceCode === contact.provinceCode && row.locale === contact.locale);
    const wording: NoticeWording = override ?? defaultWording(notice.kind, contact.locale);
    const values = { ...fields, title: notice.title, body: notice.body ?? '', link: notice.link ? absolute(notice.link) : publicBaseUrl, recipient: contact.name };
    for (const channel of channelNames) {
      if (!preference.channels.includes(channel)) continue;
      const raw = channel === 'email' ? contact.email : contact.phone;
      if (!raw) continue;
      const checked = channel === 'email' ? normalizeEmail(raw) : normalizeVietnameseMobile(raw);
      const address = checked.ok ? checked.value : raw;
      // The producer's account and its record often share a number: one message per address and channel.
      if (seen.has(`${channel}:${address}`)) continue;
      seen.add(`${channel}:${address}`);
      const config = channelFor(channels, contact.provinceCode, channel);
      const sms = renderTemplate(wording.sms, values);
      let status: NewMessage['status'] = 'queued';
      let reason: string | null = null;
      if (!checked.ok) [status, reason] = ['undeliverable', checked.reason];
      else if (!config) [status, reason] = ['held', `Chưa cấu hình kênh ${channelLabels[channel]}: thông báo chỉ hiện trong ứng dụng.`];
      else if (channel === 'zalo' && !znsTemplateOf(config.settings, notice.kind)) [status, reason] = ['held', 'Chưa có mẫu ZNS được Zalo duyệt cho loại thông báo này.'];
      messages.push({
        notificationId: contact.notificationId,
        kind: notice.kind,
        dedupeKey: notice.dedupeKey,
        provinceCode: contact.provinceCode,
        subject: contact.subject,
        recipientName: contact.name,
        producerId: contact.producerId,
        communeCode: contact.communeCode,
        channel,
        channelId: config?.id ?? null,
        address,
        locale: contact.locale,
        subjectLine: renderTemplate(wording.subject, values),
        body: renderTemplate(wording.body, values),
        sms: config?.settings.unicode === true ? sms : stripVietnameseDiacritics(sms),
        params: values,
        link: values.link,
        status,
        statusReason: reason,
      });
    }
  }
  await repository.insertMessages(sql, messages, now);
  return written.length;
}
