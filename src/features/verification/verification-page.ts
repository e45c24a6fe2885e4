/**
 * The public certificate verification page (the QR target) and its search form: server-rendered,
 * no JavaScript, a few kilobytes, readable on a cheap phone in the sun (status in words, colour and sign).
 */
import { html, SafeHtml } from '../../public-site/html.ts';
import { layout, type Lang } from '../../public-site/layout.ts';
import { productPath } from '../catalogue/index.ts';
import { certificateStatusLabels, revocationGroundLabels, type CertificateStatus } from '../certificates/index.ts';
import type { VerifiedCertificate } from './verification.repository.ts';

/** dd/MM/yyyy from 'YYYY-MM-DD'. */
export const formatDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

const withLang = (path: string, lang: Lang) => (lang === 'en' ? `${path}${path.includes('?') ? '&' : '?'}lang=en` : path);

// Contrast ≥ 7:1 on every badge (WCAG AAA), and a sign besides the colour for colour-blind readers.
const statusStyle: Record<CertificateStatus, { sign: string; className: string }> = {
  valid: { sign: '✓', className: 'ok' },
  expiring: { sign: '✓', className: 'warn' },
  extended: { sign: '✓', className: 'info' },
  expired: { sign: '✕', className: 'bad' },
  superseded: { sign: '↻', className: 'muted' },
  revoked: { sign: '✕', className: 'revoked' },
};

const styles = new SafeHtml(`<style>
.verify{max-width:640px}.status{border-radius:10px;padding:16px;margin:0 0 16px;border:2px solid}
.status p{margin:4px 0 0}.status .sign{font-size:1.6rem;line-height:1;margin-right:8px}
.status strong{font-size:1.25rem}
.ok{background:#e6f4ea;color:#0b4a18;border-color:#0b5d1e}.warn{background:#fff4d6;color:#4d3800;border-color:#8a6500}
.info{background:#e8f0fe;color:#173a73;border-color:#1a4fa0}.bad{background:#fde8e8;color:#7a1414;border-color:#a61b1b}
.muted{background:#eeeeea;color:#2b2b2b;border-color:#666}.revoked{background:#8a1414;color:#fff;border-color:#5c0d0d}
dl.facts{display:grid;grid-template-columns:minmax(120px,40%) 1fr;gap:6px 12px;margin:0 0 16px}
dl.facts dt{color:#444;font-weight:600}dl.facts dd{margin:0}.stars{color:#7a5200;letter-spacing:1px}
.count{color:#444;font-size:.95rem}form.lookup{display:flex;gap:8px;flex-wrap:wrap;margin:8px 0 16px}
form.lookup input{flex:1 1 220px;padding:12px;font-size:1rem;border:1px solid #767676;border-radius:6px}
form.lookup button{padding:12px 18px;font-size:1rem;border:0;border-radius:6px;background:#0b5d1e;color:#fff;font-weight:600}
</style>`);

const text = {
  vi: {
    title: (number: string) => `Xác minh giấy chứng nhận OCOP ${number}`,
    description: 'Kiểm tra trực tiếp hiệu lực giấy chứng nhận sản phẩm OCOP.',
    heading: 'Xác minh giấy chứng nhận OCOP',
    asOf: (day: string) => `Trạng thái tại ngày ${day}`,
    expiring: (date: string) => `Hết hạn ngày ${date}; chủ thể cần đề nghị đánh giá lại.`,
    extended: (date: string) => `Đã hết hạn ngày ${date}; chủ thể đã nộp hồ sơ đánh giá lại nên giấy chứng nhận còn hiệu lực đến khi có kết quả, tối đa 180 ngày (QĐ 26/2026/QĐ-TTg Điều 12).`,
    expired: (date: string) => `Giấy chứng nhận hết hiệu lực từ sau ngày ${date}. Sản phẩm không được sử dụng hạng sao OCOP này.`,
    superseded: (date: string) => `Từ ngày ${date} giấy chứng nhận này được thay bằng giấy chứng nhận mới của cùng sản phẩm.`,
    revoked: (date: string, decision: string) => `Bị thu hồi theo quyết định số ${decision} ngày ${date}.`,
    revokedNoDecision: (date: string) => `Bị thu hồi từ ngày ${date}.`,
    ground: 'Căn cứ thu hồi (QĐ 26/2026/QĐ-TTg Điều 8)',
    product: 'Sản phẩm',
    productCode: 'Mã sản phẩm',
    producer: 'Chủ thể',
    place: 'Địa bàn',
    stars: 'Hạng sao',
    starsText: (n: number) => `${n} sao`,
    number: 'Số giấy chứng nhận',
    issuedOn: 'Ngày cấp',
    expiresOn: 'Có hiệu lực đến',
    issuingBody: 'Cơ quan cấp',
    decision: 'Quyết định công nhận',
    gtin: 'Mã GTIN',
    productPage: 'Xem trang sản phẩm',
    count: (n: string) => `Giấy chứng nhận này đã được xác minh ${n} lần.`,
    qr: 'Tải mã QR của giấy chứng nhận (SVG, để in)',
    searchHeading: 'Tra cứu theo số giấy chứng nhận',
    searchLabel: 'Số giấy chứng nhận',
    placeholder: 'Ví dụ: OCOP-12-2026-0001',
    search: 'Tra cứu',
    searchLead: 'Nhập số in trên giấy chứng nhận OCOP để xem trạng thái hiệu lực hiện tại.',
    notFoundTitle: 'Không tìm thấy giấy chứng nhận',
    notFound: 'Không có giấy chứng nhận OCOP nào ứng với mã này. Hãy kiểm tra lại số giấy chứng nhận hoặc quét lại mã QR. Một giấy chứng nhận không tra được ở đây có thể là giả.',
    notFoundNumber: (number: string) => `Không có giấy chứng nhận OCOP nào mang số “${number}”.`,
  },
  en: {
    title: (number: string) => `Verify OCOP certificate ${number}`,
    description: 'Check the live validity of an OCOP product certificate.',
    heading: 'OCOP certificate verification',
    asOf: (day: string) => `Status on ${day}`,
    expiring: (date: string) => `Expires on ${date}; the producer needs to apply for re-evaluation.`,
    extended: (date: string) => `Expired on ${date}; a re-evaluation has been filed, so the certificate stays valid until the result, at most 180 days (Decision 26/2026/QĐ-TTg Art. 12).`,
    expired: (date: string) => `The certificate expired after ${date}. The product may not use this OCOP star rating.`,
    superseded: (date: string) => `Since ${date} this certificate has been replaced by a newer certificate for the same product.`,
    revoked: (date: string, decision: string) => `Revoked by decision no. ${decision} of ${date}.`,
    revokedNoDecision: (date: string) => `Revoked since ${date}.`,
    ground: 'Ground for revocation (Decision 26/2026/QĐ-TTg Art. 8)',
    product: 'Product',
    productCode: 'Product code',
    producer: 'Producer',
    place: 'Location',
    stars: 'Star rating',
    starsText: (n: number) => `${n} stars`,
    number: 'Certificate number',
    issuedOn: 'Issued on',
    expiresOn: 'Valid until',
    issuingBody: 'Issuing body',
    decision: 'Recognition decision',
    gtin: 'GTIN',
    productPage: 'See the product page',
    count: (n: string) => `This certificate has been verified ${n} times.`,
    qr: 'Download the certificate’s QR code (SVG, for printing)',
    searchHeading: 'Look up by certificate number',
    searchLabel: 'Certificate number',
    placeholder: 'e.g. OCOP-12-2026-0001',
    search: 'Look up',
    searchLead: 'Enter the number printed on the OCOP certificate to see whether it is valid today.',
    notFoundTitle: 'Certificate not found',
    notFound: 'No OCOP certificate matches this code. Check the certificate number or scan the QR code again. A certificate that cannot be found here may be forged.',
    notFoundNumber: (number: string) => `No OCOP certificate has the number “${number}”.`,
  },
} as const;

function statusExplanation(certificate: VerifiedCertificate, lang: Lang): SafeHtml | string {
  const t = text[lang];
  switch (certificate.status) {
    case 'valid':
      return '';
    case 'expiring':
      return t.expiring(formatDate(certificate.expiresOn));
    case 'extended':
      return t.extended(formatDate(certificate.expiresOn));
    case 'expired':
      return t.expired(formatDate(certificate.expiresOn));
    case 'superseded':
      return t.superseded(formatDate(certificate.supersededOn ?? certificate.expiresOn));
    case 'revoked': {
      const revocation = certificate.revocation;
      if (!revocation) return t.revokedNoDecision(formatDate(certificate.revokedOn ?? certificate.expiresOn));
      return html`${t.revoked(formatDate(revocation.decidedOn), revocation.decisionNumber)}<br>${t.ground}: <strong>${revocationGroundLabels[revocation.ground][lang]}</strong>`;
    }
  }
}

function lookupForm(lang: Lang, value = ''): SafeHtml {
  const t = text[lang];
  return html`<form class="lookup" action="/xac-minh" method="get" role="search">
  <label for="so" style="position:absolute;left:-9999px">${t.searchLabel}</label>
  <input id="so" name="so" type="search" value="${value}" placeholder="${t.placeholder}" autocomplete="off" autocapitalize="characters" spellcheck="false">
  ${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
  <button type="submit">${t.search}</button>
</form>`;
}

// The QR code is a link to its SVG, not an <img>: drawing it cost about 0.5 s of main-thread time on
// Lighthouse's throttled phone (performance 84 → 100), and the person reading the page has just scanned it.
export function renderVerificationPage(certificate: VerifiedCertificate, options: { lang: Lang; today: string; verificationCount: number }): string {
  const { lang } = options;
  const t = text[lang];
  const style = statusStyle[certificate.status];
  const explanation = statusExplanation(certificate, lang);
  const place = [certificate.communeName, certificate.provinceName].filter(Boolean).join(', ');
  const path = `/xac-minh/${encodeURIComponent(certificate.publicToken)}`;
  return layout({
    lang,
    title: t.title(certificate.number),
    description: `${t.description} ${certificate.productName} — ${certificate.number}`,
    path,
    head: styles,
    body: html`<main class="verify">
  <h1>${t.heading}</h1>
  <section class="status ${style.className}" aria-live="polite" data-status="${certificate.status}">
    <span class="sign" aria-hidden="true">${style.sign}</span><strong>${certificateStatusLabels[certificate.status][lang]}</strong>
    <p>${t.asOf(formatDate(options.today))}</p>
    ${explanation ? html`<p>${explanation}</p>` : ''}
  </section>
  <dl class="facts">
    <dt>${t.product}</dt><dd>${certificate.productName}</dd>
    ${certificate.productCode ? html`<dt>${t.productCode}</dt><dd>${certificate.productCode}</dd>` : ''}
    <dt>${t.producer}</dt><dd>${certificate.producerName}</dd>
    ${place ? html`<dt>${t.place}</dt><dd>${place}</dd>` : ''}
    <dt>${t.stars}</dt><dd><span class="stars" aria-hidden="true">${'★'.repeat(certificate.stars)}</span> ${t.starsText(certificate.stars)}</dd>
    <dt>${t.number}</dt><dd>${certificate.number}</dd>
    <dt>${t.issuedOn}</dt><dd>${formatDate(certificate.issuedOn)}</dd>
    <dt>${t.expiresOn}</dt><dd>${formatDate(certificate.expiresOn)}</dd>
    <dt>${t.issuingBody}</dt><dd>${certificate.issuingBody}</dd>
    <dt>${t.decision}</dt><dd>${certificate.decisionNumber}</dd>
    ${certificate.gtin ? html`<dt>${t.gtin}</dt><dd>${certificate.gtin}</dd>` : ''}
  </dl>
  <p><a href="${withLang(productPath({ id: certificate.productId, name: certificate.productName }), lang)}">${t.productPage}</a></p>
  <p class="count">${t.count(options.verificationCount.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'))}</p>
  <p><a href="${path}/qr.svg" download="${`ocop-${certificate.number}.svg`}">${t.qr}</a></p>
  <h2>${t.searchHeading}</h2>
  ${lookupForm(lang)}
</main>`,
  });
}

export function renderLookupPage(lang: Lang, options: { number?: string; notFound?: boolean } = {}): string {
  const t = text[lang];
  return layout({
    lang,
    title: options.notFound ? t.notFoundTitle : t.searchHeading,
    description: t.searchLead,
    path: '/xac-minh',
    body: html`<main class="verify">
  <h1>${options.notFound ? t.notFoundTitle : t.searchHeading}</h1>
  ${options.notFound && options.number ? html`<p class="status bad" role="alert">${t.notFoundNumber(options.number)}</p>` : html`<p>${t.searchLead}</p>`}
  ${lookupForm(lang, options.number ?? '')}
</main>`,
    head: styles,
  });
}

export function renderUnknownCertificatePage(lang: Lang): string {
  const t = text[lang];
  return layout({
    lang,
    title: t.notFoundTitle,
    description: t.searchLead,
    path: '/xac-minh',
    head: html`<meta name="robots" content="noindex">${styles}`,
    body: html`<main class="verify">
  <h1>${t.notFoundTitle}</h1>
  <p class="status bad" role="alert">${t.notFound}</p>
  <h2>${t.searchHeading}</h2>
  ${lookupForm(lang)}
</main>`,
  });
}
