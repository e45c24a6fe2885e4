/**
 * The kinds of notice the programme sends, with who may opt out and the default wording per channel.
 * Every notice carries {{title}}, {{body}}, {{link}} (the page to open, as a full address) and
 * {{recipient}}; a kind adds the fields its sender fills in (`fields`). A province may reword a kind
 * (notice_templates); a template naming a field the kind does not have is refused when saved.
 */
export interface NoticeWording {
  subject: string;
  body: string;
  /** Short enough for one or two SMS; sent without diacritics unless the province chooses Unicode. */
  sms: string;
}

export interface NoticeKind {
  label: { vi: string; en: string };
  /** A deadline the law sets for officials: an official's account cannot opt out of it. */
  legalDeadline: boolean;
  fields: readonly string[];
  wording?: { vi: NoticeWording; en: NoticeWording };
}

export const COMMON_FIELDS = ['title', 'body', 'link', 'recipient'] as const;

const generic = {
  vi: { subject: '{{title}}', body: '{{body}}\n\nXem chi tiết: {{link}}', sms: 'OCOP: {{title}}. {{link}}' },
  en: { subject: '{{title}}', body: '{{body}}\n\nDetails: {{link}}', sms: 'OCOP: {{title}}. {{link}}' },
};

const certificateFields = ['product', 'number', 'expiresOn', 'closesOn'] as const;

export const noticeKinds: Record<string, NoticeKind> = {
  // Sent by users/sign-in.ts to the account's owner and the administrators (issue 16, decision 018).
  'account.sign_in_failures': {
    label: { vi: 'Nhiều lần đăng nhập sai vào tài khoản', en: 'Many failed sign-ins on an account' },
    legalDeadline: false,
    fields: ['username', 'failures', 'ip'],
    wording: {
      vi: { subject: '{{title}}', body: '{{body}}\n\nXem chi tiết: {{link}}', sms: 'OCOP: {{failures}} lan dang nhap sai vao tai khoan {{username}}. Neu khong phai ban, hay doi mat khau.' },
      en: { subject: '{{title}}', body: '{{body}}\n\nDetails: {{link}}', sms: 'OCOP: {{failures}} failed sign-ins on account {{username}}. If it was not you, change your password.' },
    },
  },
  'certificate.re_evaluation_window_opens': {
    label: { vi: 'Mở thời hạn nộp hồ sơ đánh giá lại', en: 'Re-evaluation window opens' },
    legalDeadline: false,
    fields: certificateFields,
    wording: {
      vi: {
        subject: 'Đến hạn nộp hồ sơ đánh giá lại: {{product}}',
        body: 'Giấy chứng nhận OCOP {{number}} của sản phẩm “{{product}}” hết hạn ngày {{expiresOn}}. Hồ sơ đánh giá lại nộp đến hết ngày {{closesOn}}.\n\nXem chi tiết: {{link}}',
        sms: 'OCOP: GCN {{number}} ({{product}}) het han {{expiresOn}}. Nop ho so danh gia lai truoc {{closesOn}}. {{link}}',
      },
      en: {
        subject: 'Re-evaluation due: {{product}}',
        body: 'OCOP certificate {{number}} of “{{product}}” expires on {{expiresOn}}. File the re-evaluation dossier by {{closesOn}}.\n\nDetails: {{link}}',
        sms: 'OCOP: certificate {{number}} ({{product}}) expires {{expiresOn}}. File re-evaluation by {{closesOn}}. {{link}}',
      },
    },
  },
  'certificate.re_evaluation_window_closes': {
    label: { vi: 'Sắp hết thời hạn nộp hồ sơ đánh giá lại', en: 'Re-evaluation window closes soon' },
    legalDeadline: false,
    fields: certificateFields,
    wording: {
      vi: {
        subject: 'Còn ít ngày để nộp hồ sơ đánh giá lại: {{product}}',
        body: 'Hạn cuối nộp hồ sơ đánh giá lại giấy chứng nhận {{number}} (“{{product}}”) là ngày {{closesOn}}; giấy chứng nhận hết hạn ngày {{expiresOn}}.\n\nXem chi tiết: {{link}}',
        sms: 'OCOP: han cuoi nop ho so danh gia lai GCN {{number}} ({{product}}) la {{closesOn}}. {{link}}',
      },
      en: {
        subject: 'Re-evaluation window closes soon: {{product}}',
        body: 'The last day to file the re-evaluation of certificate {{number}} (“{{product}}”) is {{closesOn}}; it expires on {{expiresOn}}.\n\nDetails: {{link}}',
        sms: 'OCOP: last day to file re-evaluation of {{number}} ({{product}}) is {{closesOn}}. {{link}}',
      },
    },
  },
  'certificate.expired': {
    label: { vi: 'Giấy chứng nhận hết hạn', en: 'Certificate expired' },
    legalDeadline: false,
    fields: certificateFields,
    wording: {
      vi: { subject: '{{title}}', body: '{{body}}\n\nXem chi tiết: {{link}}', sms: 'OCOP: GCN {{number}} ({{product}}) het han ngay {{expiresOn}}. {{link}}' },
      en: { subject: '{{title}}', body: '{{body}}\n\nDetails: {{link}}', sms: 'OCOP: certificate {{number}} ({{product}}) expired on {{expiresOn}}. {{link}}' },
    },
  },
  'certificate.revoked': { label: { vi: 'Thu hồi giấy chứng nhận', en: 'Certificate revoked' }, legalDeadline: false, fields: ['product', 'number'], wording: generic },
  'certificate.stockist_lapsed': {
    label: { vi: 'Báo điểm bán: sản phẩm hết hạn hoặc bị thu hồi sao OCOP', en: 'Stockists: a product’s OCOP star lapsed' },
    legalDeadline: false,
    fields: ['product', 'number', 'status', 'verifyLink'],
    wording: {
      vi: {
        subject: 'Sản phẩm “{{product}}” không còn được dùng sao OCOP',
        body: 'Giấy chứng nhận OCOP {{number}} của sản phẩm “{{product}}” mà cơ sở đang bán {{status}}. Sản phẩm không còn được giới thiệu là sản phẩm OCOP cho đến khi được công nhận lại.\n\nKiểm tra: {{verifyLink}}',
        sms: 'OCOP: GCN {{number}} cua "{{product}}" {{status}}. Kiem tra: {{verifyLink}}',
      },
      en: {
        subject: '“{{product}}” may no longer carry its OCOP star',
        body: 'OCOP certificate {{number}} of “{{product}}”, which you sell, {{status}}. It may not be presented as an OCOP product until recognised again.\n\nCheck: {{verifyLink}}',
        sms: 'OCOP: certificate {{number}} of "{{product}}" {{status}}. Check: {{verifyLink}}',
      },
    },
  },
  'dossier.submitted': { label: { vi: 'Hồ sơ mới nộp hoặc đã bổ sung', en: 'Dossier submitted or supplemented' }, legalDeadline: false, fields: ['product'], wording: generic },
  'dossier.returned_for_supplement': {
    label: { vi: 'Hồ sơ cần bổ sung', en: 'Dossier returned for supplement' },
    legalDeadline: false,
    fields: ['product', 'reasons'],
    wording: {
      vi: { subject: 'Hồ sơ “{{product}}” cần bổ sung', body: 'Xã đề nghị bổ sung hồ sơ sản phẩm “{{product}}”:\n{{reasons}}\n\nXem và bổ sung: {{link}}', sms: 'OCOP: ho so "{{product}}" can bo sung. Xem: {{link}}' },
      en: { subject: 'Dossier “{{product}}” needs supplements', body: 'The commune asks for supplements to the dossier of “{{product}}”:\n{{reasons}}\n\nOpen: {{link}}', sms: 'OCOP: dossier "{{product}}" needs supplements. {{link}}' },
    },
  },
  'dossier.due_soon': { label: { vi: 'Hồ sơ sắp đến hạn kiểm tra', en: 'Dossiers due within 3 working days' }, legalDeadline: true, fields: ['count', 'dueOn'], wording: generic },
  'dossier.overdue': { label: { vi: 'Hồ sơ quá hạn kiểm tra', en: 'Dossiers overdue' }, legalDeadline: true, fields: ['count'], wording: generic },
  'evaluation.result': { label: { vi: 'Kết quả đánh giá, phân hạng', en: 'Result of an evaluation' }, legalDeadline: false, fields: [], wording: generic },
  'evaluation.scoring_opened': { label: { vi: 'Mời chấm điểm', en: 'Scoring opened' }, legalDeadline: true, fields: [], wording: generic },
  'evaluation.rescore': { label: { vi: 'Yêu cầu chấm lại', en: 'Re-score ordered' }, legalDeadline: true, fields: [], wording: generic },
  'evaluation.appointed': { label: { vi: 'Được cử vào hội đồng, tổ tư vấn', en: 'Appointed to a council or advisory team' }, legalDeadline: false, fields: [], wording: generic },
  'evaluation.entry_deadline': { label: { vi: 'Hạn xử lý hồ sơ của kỳ đánh giá', en: 'Round deadlines' }, legalDeadline: true, fields: [], wording: generic },
  'evaluation.proposed_to_central': { label: { vi: 'Đề nghị đánh giá 5 sao', en: '5★ proposals' }, legalDeadline: true, fields: [], wording: generic },
  'inspection.planned': { label: { vi: 'Kế hoạch kiểm tra sau công nhận', en: 'Inspection planned' }, legalDeadline: false, fields: [], wording: generic },
  'inspection.recorded': { label: { vi: 'Kết quả kiểm tra sau công nhận', en: 'Inspection recorded' }, legalDeadline: false, fields: [], wording: generic },
};

export function kindOf(kind: string): NoticeKind {
  return noticeKinds[kind] ?? { label: { vi: kind, en: kind }, legalDeadline: false, fields: [], wording: generic };
}

export function defaultWording(kind: string, locale: 'vi' | 'en'): NoticeWording {
  return (kindOf(kind).wording ?? generic)[locale];
}
