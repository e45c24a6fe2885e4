/** The small page a participant reaches by scanning the session's QR code: no login, no JavaScript. */
import { html, SafeHtml } from '../../public-site/html.ts';
import type { CheckInState } from './training.repository.ts';
import type { CheckInResult } from './training.schemas.ts';

const styles = `*{box-sizing:border-box}body{margin:0;font:17px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fafaf7}
main{max-width:480px;margin:0 auto;padding:20px 16px}h1{font-size:1.3rem;color:#0b5d1e;margin:0 0 4px}
label{display:block;font-weight:600;margin:16px 0 6px}input{width:100%;padding:12px;font-size:1.1rem;border:1px solid #999;border-radius:6px}
button{margin-top:12px;width:100%;padding:14px;font-size:1.1rem;border:0;border-radius:6px;background:#0b5d1e;color:#fff;font-weight:600}
.error{background:#fdecea;border-left:4px solid #b3261e;padding:10px 12px;margin:12px 0}.ok{background:#e8f5e9;border-left:4px solid #0b5d1e;padding:10px 12px;margin:12px 0}`;

const formatDate = (iso: string) => iso.split('-').reverse().join('/');

function page(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${title}</title><style>${new SafeHtml(styles)}</style></head>
<body><main>${body}</main></body>
</html>`.value;
}

export function renderCheckInForm(token: string, session: CheckInState | null, options: { error?: string; phone?: string } = {}): string {
  if (!session) return renderCheckInMessage('Mã điểm danh không đúng', 'Mã QR này không đúng hoặc đã được thay bằng mã mới. Hãy quét lại mã đang chiếu tại lớp.');
  if (session.closedAt) return renderCheckInMessage('Đã đóng điểm danh', 'Buổi học này đã đóng điểm danh. Vui lòng báo ban tổ chức.');
  return page(
    'Điểm danh buổi học',
    html`<h1>Điểm danh buổi học</h1>
<p><strong>${session.trainingTitle}</strong><br>${session.sessionTitle} · ${formatDate(session.heldOn)}<br>${session.organiserName}</p>
${options.error ? html`<p class="error" role="alert" data-testid="check-in-error">${options.error}</p>` : ''}
<form method="post" action="/check-in/${token}">
<label for="phone">Số điện thoại bạn đã đăng ký với lớp</label>
<input id="phone" name="phone" type="tel" inputmode="tel" autocomplete="tel" required value="${options.phone ?? ''}">
<button type="submit">Tôi có mặt</button>
</form>`,
  );
}

export function renderCheckInMessage(title: string, message: string): string {
  return page(title, html`<h1>${title}</h1><p class="error" role="alert" data-testid="check-in-error">${message}</p>`);
}

export function renderCheckedIn(result: CheckInResult): string {
  return page(
    'Đã điểm danh',
    html`<h1>Đã điểm danh</h1>
<p class="ok" role="status" data-testid="check-in-ok">${result.alreadyCheckedIn ? 'Bạn đã điểm danh buổi này rồi' : 'Điểm danh thành công'}: <strong>${result.names.join(', ')}</strong>.</p>
<p>${result.trainingTitle}<br>${result.sessionTitle} · ${formatDate(result.heldOn)}</p>`,
  );
}
