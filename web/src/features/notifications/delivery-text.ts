/**
 * The words for a message's channel and status: shared by the notice screens and the bell in the
 * header (kept apart so the back office's first load carries only these few).
 */
import { featureTexts } from '../../app/i18n.tsx';

export const deliveryVi = {
  'channel.email': 'E-mail',
  'channel.zalo': 'Zalo',
  'channel.sms': 'SMS',
  'status.queued': 'Đang chờ gửi',
  'status.sending': 'Đang gửi',
  'status.sent': 'Đã gửi',
  'status.failed': 'Thất bại',
  'status.uncertain': 'Chưa rõ kết quả',
  'status.held': 'Chưa có kênh gửi',
  'status.undeliverable': 'Không gửi được',
};

export const deliveryEn: Record<keyof typeof deliveryVi, string> = {
  'channel.email': 'E-mail',
  'channel.zalo': 'Zalo',
  'channel.sms': 'SMS',
  'status.queued': 'Queued',
  'status.sending': 'Sending',
  'status.sent': 'Sent',
  'status.failed': 'Failed',
  'status.uncertain': 'Uncertain',
  'status.held': 'No channel',
  'status.undeliverable': 'Undeliverable',
};

export const useDeliveryText = featureTexts(deliveryVi, deliveryEn);
