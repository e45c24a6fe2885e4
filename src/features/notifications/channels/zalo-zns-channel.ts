/**
 * Zalo Notification Service (ZNS): template messages from a province's Official Account to a phone
 * number's Zalo account. POST {baseUrl}/message/template with the header access_token and
 * { phone: "84…", template_id, template_data, tracking_id }; the answer is { error: 0, data: { msg_id } }
 * or a negative error code. A template must be approved by Zalo first, so each kind of notice is sent
 * with the template id the province mapped to it (settings.templates); a kind without one stays in-app.
 * ZNS has no idempotency key (tracking_id is for reconciling only): a lost answer leaves it uncertain.
 */
import { postJson, stringSetting, timeoutOf, type NoticeChannel } from './channel.ts';

// -108 phone invalid, -118 no Zalo account, -119 account cannot receive, -137 user blocked the OA.
const undeliverableCodes = new Set([-108, -118, -119, -137]);
// -124 access token invalid, -131 template not approved, -1xx template/OA problems a person must fix.
const failedCodes = new Set([-124, -131, -132, -133, -134, -135, -139]);

/** The ZNS template id mapped to this kind, or null. */
export function znsTemplateOf(settings: Record<string, unknown>, kind: string): string | null {
  const templates = settings.templates;
  if (!templates || typeof templates !== 'object') return null;
  const id = (templates as Record<string, unknown>)[kind];
  return typeof id === 'string' && id ? id : null;
}

export const zaloZnsChannel: NoticeChannel = {
  channel: 'zalo',
  idempotent: false,
  async send(message, { settings, secret }) {
    const templateId = znsTemplateOf(settings, message.kind);
    if (!templateId) return { outcome: 'failed', answer: 'Chưa có mẫu ZNS được duyệt cho loại thông báo này.' };
    const baseUrl = stringSetting(settings, 'baseUrl', 'https://business.openapi.zalo.me').replace(/\/+$/, '');
    // ZNS limits each parameter's length; 200 characters is the largest limit (product names, addresses).
    const templateData = Object.fromEntries(Object.entries(message.params).map(([key, value]) => [key, value.slice(0, 200)]));
    const result = await postJson(
      `${baseUrl}/message/template`,
      { access_token: secret ?? '' },
      { phone: message.address.slice(1), template_id: templateId, template_data: templateData, tracking_id: message.idempotencyKey },
      false,
      timeoutOf(settings),
    );
    if ('outcome' in result) return result;
    if (result.status >= 500 || result.status === 429) return { outcome: 'retry', answer: `HTTP ${result.status}: ${result.text}` };
    const answer = (result.json ?? {}) as { error?: number; message?: string; data?: { msg_id?: string } };
    const code = Number(answer.error);
    const text = `${answer.error ?? '?'} ${answer.message ?? ''}`.trim();
    if (code === 0) return { outcome: 'sent', providerMessageId: answer.data?.msg_id ?? null, answer: text };
    if (undeliverableCodes.has(code)) return { outcome: 'undeliverable', answer: text };
    if (failedCodes.has(code)) return { outcome: 'failed', answer: text };
    // Daily quota, rate limits, anything unknown: later.
    return { outcome: 'retry', answer: text || `HTTP ${result.status}` };
  },
};
