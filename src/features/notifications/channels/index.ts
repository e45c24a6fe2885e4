import type { ChannelName, NoticeChannel } from './channel.ts';
import { emailChannel } from './email-channel.ts';
import { esmsChannel } from './esms-channel.ts';
import { zaloZnsChannel } from './zalo-zns-channel.ts';

export { channelNames, type ChannelName, type NoticeChannel, type OutgoingMessage, type SendOutcome } from './channel.ts';
export { znsTemplateOf } from './zalo-zns-channel.ts';

/** The adapter of each channel (one provider each today: SMTP, Zalo ZNS, eSMS brandname SMS). */
export const channelAdapters: Record<ChannelName, NoticeChannel> = { email: emailChannel, zalo: zaloZnsChannel, sms: esmsChannel };
