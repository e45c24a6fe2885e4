/** The texts of the province settings screen, Vietnamese first, English with every key (the type checks it). */
import { featureTexts } from '../../app/i18n.tsx';

const vi = {
  'settings.title': 'Cấu hình OCOP của tỉnh',
  'settings.intro': 'Chọn tỉnh để xem cấu hình.',
  'settings.forwardingTitle': 'Thời hạn xã chuyển phương án SXKD lên tỉnh',
  'settings.forwardingHint': 'Quy định trong kế hoạch OCOP của tỉnh (không phải quy định chung của Trung ương). Phương án đã tiếp nhận giữ thời hạn tính lúc tiếp nhận.',
  'settings.forwardingEnabled': 'Tỉnh quy định thời hạn chuyển phương án',
  'settings.days': 'Số ngày',
  'settings.dayKind': 'Cách tính',
  'settings.consequence': 'Khi xã chuyển quá hạn',
  'settings.updatedAt': 'Cập nhật lần cuối: {date}',
  'dayKind.calendar': 'Ngày theo lịch (ngày cuối rơi vào ngày nghỉ thì lùi sang ngày làm việc kế tiếp)',
  'dayKind.working': 'Ngày làm việc (trừ thứ Bảy, Chủ nhật, ngày lễ, Tết)',
};

const en: Record<keyof typeof vi, string> = {
  'settings.title': 'Province OCOP settings',
  'settings.intro': 'Choose a province.',
  'settings.forwardingTitle': 'Deadline for communes to forward business plans',
  'settings.forwardingHint': 'A rule of the province’s OCOP plan, not national law. Plans already received keep the deadline computed at receipt.',
  'settings.forwardingEnabled': 'The province sets a forwarding deadline',
  'settings.days': 'Days',
  'settings.dayKind': 'Counted in',
  'settings.consequence': 'When the commune is late',
  'settings.updatedAt': 'Last updated: {date}',
  'dayKind.calendar': 'Calendar days (a last day on a rest day moves to the next working day)',
  'dayKind.working': 'Working days (no weekends or public holidays)',
};

/** The feature's texts, and the shell's shared ones (common, roles, navigation). */
export const useSettingsText = featureTexts(vi, en);
export type SettingsText = ReturnType<typeof useSettingsText>;
