/** The texts of the audit log screen, Vietnamese first, English with every key (the type checks it). */
import { featureTexts } from '../../app/i18n.tsx';

const vi = {
  'common.filter': 'Lọc',
  'audit.title': 'Nhật ký kiểm toán',
  'audit.intro': 'Mọi thay đổi dữ liệu được ghi lại, nối với nhau bằng chuỗi băm để phát hiện sửa đổi trái phép.',
  'audit.verify': 'Kiểm tra toàn vẹn',
  'audit.verifying': 'Đang kiểm tra…',
  'audit.verified': 'Nhật ký toàn vẹn: đã kiểm tra {count} sự kiện, không có sai lệch.',
  'audit.broken': 'Nhật ký bị sai lệch từ sự kiện #{seq}.',
  'audit.reason.content': 'Nội dung sự kiện đã bị thay đổi sau khi ghi.',
  'audit.reason.link': 'Liên kết chuỗi băm bị đứt (sự kiện bị xóa hoặc chèn).',
  'audit.entityType': 'Loại đối tượng',
  'audit.entityId': 'Mã đối tượng',
  'audit.action': 'Hành động',
  'audit.time': 'Thời điểm',
  'audit.actor': 'Người thực hiện',
  'audit.entity': 'Đối tượng',
  'audit.changes': 'Xem thay đổi',
  'audit.hide': 'Ẩn',
  'audit.none': 'Không có sự kiện nào.',
  'audit.more': 'Xem thêm',
  'audit.field': 'Trường',
  'audit.before': 'Trước',
  'audit.after': 'Sau',
  'audit.changed': 'đã thay đổi',
  'audit.noData': 'Sự kiện không kèm dữ liệu.',
  'audit.hash': 'Mã băm',
  'audit.request': 'Mã yêu cầu',
};

const en: Record<keyof typeof vi, string> = {
  'common.filter': 'Filter',
  'audit.title': 'Audit log',
  'audit.intro': 'Every data change is recorded and chained by hashes, so tampering can be detected.',
  'audit.verify': 'Verify integrity',
  'audit.verifying': 'Verifying…',
  'audit.verified': 'The log is intact: {count} events checked, no discrepancy.',
  'audit.broken': 'The log is broken from event #{seq}.',
  'audit.reason.content': 'The content of the event was changed after it was written.',
  'audit.reason.link': 'The hash chain is broken (an event was deleted or inserted).',
  'audit.entityType': 'Entity type',
  'audit.entityId': 'Entity id',
  'audit.action': 'Action',
  'audit.time': 'Time',
  'audit.actor': 'Actor',
  'audit.entity': 'Entity',
  'audit.changes': 'Show changes',
  'audit.hide': 'Hide',
  'audit.none': 'No events.',
  'audit.more': 'Load more',
  'audit.field': 'Field',
  'audit.before': 'Before',
  'audit.after': 'After',
  'audit.changed': 'changed',
  'audit.noData': 'The event carries no data.',
  'audit.hash': 'Hash',
  'audit.request': 'Request id',
};

/** The feature's texts, and the shell's shared ones (common, roles, navigation). */
export const useAuditText = featureTexts(vi, en);
export type AuditText = ReturnType<typeof useAuditText>;
