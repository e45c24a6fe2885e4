import type { Config } from '../../core/config.ts';
import type { Sql } from '../../core/db/database.ts';
import { AppError } from '../../core/errors.ts';
import * as repository from './dossiers.repository.ts';

const size = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024).toLocaleString('vi-VN')} KB`
    : `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

/**
 * Issue 16 finding 9: a dossier and all the dossiers of a producer hold at most so many bytes of files
 * (distinct contents). Checked after the new rows are written, in their transaction, against the usage
 * measured before them: past a quota the whole upload is refused (the transaction rolls back, the staged
 * files are dropped). A change that adds nothing new (the same content again) is never refused, so
 * lowering a quota does not lock a dossier that is already above it.
 */
export async function checkFileQuotas(
  tx: Sql,
  dossier: { id: string; producerId: string },
  earlier: { dossierBytes: number; producerBytes: number },
  config: Pick<Config, 'dossierFilesQuotaBytes' | 'producerFilesQuotaBytes'>,
): Promise<void> {
  const usage = await repository.measureFileUsage(tx, dossier.id, dossier.producerId);
  if (usage.dossierBytes > config.dossierFilesQuotaBytes && usage.dossierBytes > earlier.dossierBytes) {
    const before = earlier.dossierBytes;
    const added = usage.dossierBytes - before;
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Hồ sơ đã có ${size(before)} tệp; thêm ${size(added)} nữa sẽ vượt hạn mức ${size(config.dossierFilesQuotaBytes)} của một hồ sơ. Chưa lưu tệp nào. Hãy bỏ bớt tệp không cần hoặc giảm kích thước ảnh, bản chụp rồi gửi lại.`,
      { reason: 'dossier_quota', usedBytes: before, addedBytes: added, quotaBytes: config.dossierFilesQuotaBytes },
      `The dossier holds ${before} bytes; ${added} more would pass its quota of ${config.dossierFilesQuotaBytes} bytes. Nothing was saved.`,
    );
  }
  if (usage.producerBytes > config.producerFilesQuotaBytes && usage.producerBytes > earlier.producerBytes) {
    const before = earlier.producerBytes;
    const added = usage.producerBytes - before;
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Các hồ sơ của chủ thể đã có ${size(before)} tệp; thêm ${size(added)} nữa sẽ vượt hạn mức ${size(config.producerFilesQuotaBytes)} của một chủ thể. Chưa lưu tệp nào. Hãy bỏ tệp không còn cần ở các hồ sơ cũ đang soạn, hoặc liên hệ cán bộ OCOP của tỉnh.`,
      { reason: 'producer_quota', usedBytes: before, addedBytes: added, quotaBytes: config.producerFilesQuotaBytes },
      `The producer's dossiers hold ${before} bytes; ${added} more would pass the producer's quota of ${config.producerFilesQuotaBytes} bytes. Nothing was saved.`,
    );
  }
}
