/**
 * Brandname SMS through eSMS.vn (customer-care messages, SmsType 2): POST
 * {baseUrl}/MainService.svc/json/SendMultipleMessage_V4_post_json/ with ApiKey, SecretKey, Brandname,
 * Phone, Content, IsUnicode and RequestId — eSMS refuses a second request with the same RequestId
 * (CodeResult 124), which makes a repeated send safe. Codes from eSMS's table of error codes.
 */
import { postJson, stringSetting, timeoutOf, type NoticeChannel } from './channel.ts';

const undeliverableCodes = new Set(['99', '108', '177']);
const failedCodes = new Set(['101', '102', '104', '140', '146', '300']);

export const esmsChannel: NoticeChannel = {
  channel: 'sms',
  idempotent: true,
  async send(message, { settings, secret }) {
    const baseUrl = stringSetting(settings, 'baseUrl', 'https://rest.esms.vn').replace(/\/+$/, '');
    const unicode = settings.unicode === true;
    const result = await postJson(
      `${baseUrl}/MainService.svc/json/SendMultipleMessage_V4_post_json/`,
      {},
      {
        ApiKey: stringSetting(settings, 'apiKey'),
        SecretKey: secret ?? '',
        Brandname: stringSetting(settings, 'brandname'),
        SmsType: '2',
        Phone: `0${message.address.slice(3)}`,
        Content: message.sms,
        IsUnicode: unicode ? '1' : '0',
        Sandbox: settings.sandbox === true ? '1' : '0',
        RequestId: message.idempotencyKey,
      },
      true,
      timeoutOf(settings),
    );
    if ('outcome' in result) return result;
    if (result.status >= 500 || result.status === 429) return { outcome: 'retry', answer: `HTTP ${result.status}: ${result.text}` };
    const answer = (result.json ?? {}) as { CodeResult?: string; SMSID?: string; ErrorMessage?: string };
    const code = String(answer.CodeResult ?? '');
    const text = `${code} ${answer.ErrorMessage ?? ''}`.trim() || `HTTP ${result.status}`;
    if (code === '100') return { outcome: 'sent', providerMessageId: answer.SMSID ?? null, answer: text };
    // The same RequestId was accepted before (the answer to an earlier attempt was lost): it went out once.
    if (code === '124') return { outcome: 'sent', providerMessageId: answer.SMSID ?? null, answer: `${text} (đã gửi ở lần trước)` };
    if (undeliverableCodes.has(code)) return { outcome: 'undeliverable', answer: text };
    if (failedCodes.has(code)) return { outcome: 'failed', answer: text };
    // 103 (balance), anything unknown: later, then failed after the last attempt.
    return { outcome: 'retry', answer: text };
  },
};
