import type { FieldIssue } from '../../core/errors.ts';
import type { ScoringError } from './scoring/index.ts';

/** Vietnamese wording of the scoring engine's errors, each naming its criterion (issue 3: "a clear error naming the criterion"). */
export function toFieldIssues(errors: ScoringError[], path = 'choices'): FieldIssue[] {
  return errors.map((error) => {
    const where = error.criterion ? `${path}.${error.criterion}` : path;
    const c = error.criterion;
    const message = (() => {
      switch (error.code) {
        case 'UNKNOWN_CRITERION':
          return `Tiêu chí ${c} không có trong phiếu đánh giá của bộ sản phẩm này.`;
        case 'NOT_A_LEAF_CRITERION':
          return `Tiêu chí ${c} có các tiêu chí con; hãy chọn phương án cho từng tiêu chí con.`;
        case 'UNKNOWN_OPTION':
          return `Phương án đã chọn không thuộc tiêu chí ${c}.`;
        case 'MISSING_CHOICE':
          return `Chưa chọn phương án cho tiêu chí ${c}.`;
        case 'WRONG_PRODUCT_SET':
          return 'Phiếu chấm không thuộc bộ sản phẩm này.';
        case 'WRONG_RULE_SET':
          return 'Phiếu đánh giá không thuộc bộ tiêu chí đã chọn.';
        case 'UNKNOWN_DISQUALIFICATION':
          return 'Lý do loại hồ sơ không có trong phiếu đánh giá.';
        case 'UNKNOWN_STOP_RULE':
          return 'Điều kiện dừng đánh giá không có trong phiếu đánh giá.';
        case 'INVALID_TARGET':
          return 'Hạng sao mục tiêu không hợp lệ.';
        default:
          return 'Dữ liệu chấm điểm không hợp lệ.';
      }
    })();
    return { path: where, message, messageEn: error.message };
  });
}
