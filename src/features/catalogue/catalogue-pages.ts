/**
 * Server-rendered pages of the public catalogue: no JavaScript, tiny (issue 6: ≤ 50 KB a product page),
 * Vietnamese first with English via ?lang=en. Validity is said in words and colour, never by colour alone.
 */
import { html, SafeHtml } from '../../public-site/html.ts';
import { layout, type Lang } from '../../public-site/layout.ts';
import { legalFormLabels } from '../producers/index.ts';
import { certificateStatusLabels, isInForce, type CertificateStatus } from '../certificates/index.ts';
import type { CatalogueSearch, ProductPage } from './browse-catalogue.ts';
import type { CatalogueFacets, FacetOption } from './catalogue-facets.ts';
import {
  communePath,
  formatCount,
  formatDate,
  producerPath,
  productPath,
  productSetName,
  provincePath,
} from './catalogue-query.ts';
import type { CatalogueItem, PublicProducer, Unit } from './catalogue.repository.ts';

// Added to the layout's inline CSS on catalogue pages only.
const styles = `<style>
.bar{background:#0b5d1e;padding:12px 16px}.bar form{max-width:960px;margin:0 auto}
.facets{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0 0}.facets label{display:flex;flex-direction:column;font-size:.8rem;color:#fff;flex:1 1 140px}
.facets label{min-width:0}.facets select{padding:8px;font-size:1rem;border-radius:6px;border:1px solid #ccc;width:100%}
.results{list-style:none;padding:0;margin:0}.results li{background:#fff;border:1px solid #e3e3dc;border-radius:8px;padding:12px;margin:0 0 10px}
.results h2{margin:0 0 4px;font-size:1.05rem}.meta{color:#444;font-size:.9rem;margin:2px 0}
.stars{color:#a86b00;letter-spacing:1px;white-space:nowrap}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:.8rem;font-weight:600;border:1px solid}
.s-valid{background:#e6f4ea;color:#0b5d1e}.s-expiring,.s-extended{background:#fff4d6;color:#6b4a00}
.s-expired,.s-revoked,.s-superseded{background:#fde8e8;color:#9b1c1c}
.alert{padding:12px 16px;border-radius:8px;border:2px solid;margin:0 0 16px;font-weight:600}
.box{background:#fff;border:1px solid #e3e3dc;border-radius:8px;padding:12px 16px;margin:0 0 16px}
.box dl{display:grid;grid-template-columns:minmax(90px,40%) 1fr;gap:4px 12px;margin:0}.box dt{color:#555}.box dd{margin:0;min-width:0;overflow-wrap:anywhere}
.results li,h1{overflow-wrap:anywhere}
.photos{display:flex;gap:8px;overflow-x:auto}.photos img{height:180px;width:auto;border-radius:8px;background:#eee}
.pager{display:flex;justify-content:space-between;align-items:center;gap:8px;margin:16px 0}.pager a{display:inline-block;padding:12px 0}
.counts{display:flex;gap:8px;flex-wrap:wrap;list-style:none;padding:0}.counts li{background:#fff;border:1px solid #e3e3dc;border-radius:8px;padding:8px 12px}
.sr{position:absolute;left:-9999px}h1{font-size:1.5rem;margin:8px 0}
</style>`;

const t = {
  vi: {
    catalogue: 'Sản phẩm OCOP',
    searchTitle: (q: string) => (q ? `Tìm “${q}” — Sản phẩm OCOP` : 'Sản phẩm OCOP — tra cứu hạng sao'),
    searchDescription: 'Tra cứu sản phẩm OCOP theo tên, chủ thể, tỉnh, xã, hạng sao và hiệu lực giấy chứng nhận.',
    searchLabel: 'Tìm sản phẩm hoặc chủ thể',
    search: 'Tìm kiếm',
    filter: 'Lọc',
    province: 'Tỉnh, thành phố',
    commune: 'Xã, phường',
    star: 'Hạng sao',
    group: 'Ngành, nhóm, bộ sản phẩm',
    validity: 'Hiệu lực',
    sort: 'Sắp xếp',
    all: 'Tất cả',
    sorts: { relevance: 'Phù hợp nhất', stars: 'Hạng sao cao trước', name: 'Tên A–Z', newest: 'Mới công nhận' },
    found: (n: string) => `Tìm thấy ${n} sản phẩm`,
    none: 'Không tìm thấy sản phẩm nào.',
    noneFor: (q: string) => `Không tìm thấy sản phẩm nào cho “${q}”.`,
    withoutFilters: (n: string) => `Bỏ các bộ lọc: ${n} sản phẩm khớp từ khóa`,
    closeProducts: 'Sản phẩm OCOP có tên gần giống:',
    tryOther: 'Hãy thử tên sản phẩm, tên chủ thể hoặc địa danh khác.',
    producers: 'Chủ thể',
    products: (n: string) => `${n} sản phẩm`,
    stars: (n: number) => `${n} sao`,
    page: (p: string, n: string) => `Trang ${p}/${n}`,
    previous: '← Trang trước',
    next: 'Trang sau →',
    certificate: 'Giấy chứng nhận',
    certificateNumber: 'Số giấy chứng nhận',
    rank: 'Hạng',
    validUntil: 'Hiệu lực đến',
    status: 'Tình trạng',
    issuedOn: 'Ngày cấp',
    issuingBody: 'Cơ quan cấp',
    decision: 'Quyết định công nhận',
    verify: 'Kiểm tra giấy chứng nhận (mã QR)',
    producer: 'Chủ thể',
    place: 'Địa chỉ',
    formerly: 'Trước 01/07/2025 thuộc',
    onCertificate: 'Địa chỉ ghi trên giấy chứng nhận',
    story: 'Câu chuyện sản phẩm',
    productSet: 'Bộ sản phẩm',
    productCode: 'Mã sản phẩm',
    whereToBuy: 'Nơi mua',
    salesPoints: 'Điểm giới thiệu và bán sản phẩm OCOP',
    online: 'Mua trực tuyến',
    fairs: 'Hội chợ, triển lãm',
    noWhere: 'Chưa có thông tin nơi bán. Hãy liên hệ chủ thể.',
    map: 'Xem trên bản đồ',
    photos: 'Hình ảnh bao bì, nhãn',
    packaging: 'Bao bì',
    label: 'Nhãn',
    expiredAlert: (d: string) => `Giấy chứng nhận OCOP của sản phẩm này đã HẾT HIỆU LỰC từ ngày ${d}. Sản phẩm không còn được sử dụng hạng sao OCOP.`,
    revokedAlert: (d: string) => `Giấy chứng nhận OCOP của sản phẩm này đã BỊ THU HỒI ngày ${d}. Sản phẩm không còn được sử dụng hạng sao OCOP.`,
    expiringNote: (d: string) => `Giấy chứng nhận còn hiệu lực đến hết ngày ${d}.`,
    extendedNote: (d: string) => `Giấy chứng nhận hết hạn ngày ${d}; còn hiệu lực trong thời gian chờ kết quả đánh giá lại (tối đa 180 ngày).`,
    inForce: 'Sản phẩm OCOP còn hiệu lực theo hạng sao',
    total: 'Tổng',
    communes: 'Xã, phường có sản phẩm OCOP',
    legalForm: 'Loại hình',
    ocopStars: (n: number) => `Sản phẩm OCOP ${n} sao`,
  },
  en: {
    catalogue: 'OCOP products',
    searchTitle: (q: string) => (q ? `Search “${q}” — OCOP products` : 'OCOP products — look up star ratings'),
    searchDescription: 'Look up OCOP products by name, producer, province, commune, star rating and certificate validity.',
    searchLabel: 'Search products or producers',
    search: 'Search',
    filter: 'Filter',
    province: 'Province',
    commune: 'Commune',
    star: 'Stars',
    group: 'Sector, group, product set',
    validity: 'Validity',
    sort: 'Sort by',
    all: 'All',
    sorts: { relevance: 'Best match', stars: 'Most stars first', name: 'Name A–Z', newest: 'Newest recognition' },
    found: (n: string) => `${n} products found`,
    none: 'No products found.',
    noneFor: (q: string) => `No products found for “${q}”.`,
    withoutFilters: (n: string) => `Remove the filters: ${n} products match the words`,
    closeProducts: 'Recognised OCOP products with close names:',
    tryOther: 'Try another product name, producer or place.',
    producers: 'Producers',
    products: (n: string) => `${n} products`,
    stars: (n: number) => `${n} stars`,
    page: (p: string, n: string) => `Page ${p} of ${n}`,
    previous: '← Previous page',
    next: 'Next page →',
    certificate: 'Certificate',
    certificateNumber: 'Certificate number',
    rank: 'Rating',
    validUntil: 'Valid until',
    status: 'Status',
    issuedOn: 'Issued on',
    issuingBody: 'Issued by',
    decision: 'Recognition decision',
    verify: 'Verify the certificate (QR code)',
    producer: 'Producer',
    place: 'Location',
    formerly: 'Before 1 July 2025 part of',
    onCertificate: 'Address on the certificate',
    story: 'Product story',
    productSet: 'Product set',
    productCode: 'Product code',
    whereToBuy: 'Where to buy',
    salesPoints: 'OCOP sales points',
    online: 'Online shops',
    fairs: 'Fairs and exhibitions',
    noWhere: 'No sales information yet. Please contact the producer.',
    map: 'Show on a map',
    photos: 'Packaging and label',
    packaging: 'Packaging',
    label: 'Label',
    expiredAlert: (d: string) => `This product's OCOP certificate EXPIRED on ${d}. The product may no longer use its OCOP star rating.`,
    revokedAlert: (d: string) => `This product's OCOP certificate was REVOKED on ${d}. The product may no longer use its OCOP star rating.`,
    expiringNote: (d: string) => `The certificate is valid until the end of ${d}.`,
    extendedNote: (d: string) => `The certificate expired on ${d}; it stays valid while the re-evaluation result is pending (at most 180 days).`,
    inForce: 'OCOP products in force by star rating',
    total: 'Total',
    communes: 'Communes with OCOP products',
    legalForm: 'Legal form',
    ocopStars: (n: number) => `${n}-star OCOP product`,
  },
} as const;

/** Producers' legal forms (db/migrations/0001: producers.legal_form; Vietnamese labels from the producers feature). */
const legalFormLabelsEn: Record<keyof typeof legalFormLabels, string> = {
  cooperative: 'Cooperative',
  cooperative_group: 'Cooperative group',
  enterprise: 'Small or medium-sized enterprise',
  farm: 'Farm',
  household: 'Household business',
  association: 'Association (community tourism operator)',
};

function legalFormLabel(legalForm: string, lang: Lang): string {
  if (!(legalForm in legalFormLabels)) return legalForm;
  const form = legalForm as keyof typeof legalFormLabels;
  return lang === 'en' ? legalFormLabelsEn[form] : legalFormLabels[form];
}

const platformNames: Record<string, string> = {
  shopee: 'Shopee', lazada: 'Lazada', tiktok_shop: 'TikTok Shop', tiki: 'Tiki', postmart: 'Postmart', voso: 'Voso', own_website: 'Website', other: 'Online',
};

const withLang = (path: string, lang: Lang) => (lang === 'en' ? `${path}${path.includes('?') ? '&' : '?'}lang=en` : path);

export const starText = (stars: number) => `${'★'.repeat(stars)}${'☆'.repeat(5 - stars)}`;

export function statusBadge(status: CertificateStatus, lang: Lang): SafeHtml {
  return html`<span class="badge s-${status}">${certificateStatusLabels[status][lang]}</span>`;
}

function starsOf(stars: number, lang: Lang): SafeHtml {
  return html`<span class="stars" aria-hidden="true">${starText(stars)}</span> <span>${t[lang].stars(stars)}</span>`;
}

function resultItem(item: CatalogueItem, lang: Lang): SafeHtml {
  const place = [item.communeName, item.provinceName].filter(Boolean).join(', ');
  return html`<li>
  <h2><a href="${withLang(productPath(item), lang)}">${item.name}</a></h2>
  <p class="meta">${starsOf(item.stars, lang)} · ${statusBadge(item.status, lang)}</p>
  <p class="meta">${item.producerName}${place ? ` — ${place}` : ''}</p>
</li>`;
}

function pager(search: CatalogueSearch, lang: Lang, pathOf: (page: number) => string): SafeHtml | '' {
  if (search.pageCount <= 1) return '';
  const l = t[lang];
  return html`<nav class="pager" aria-label="${l.page(String(search.page), String(search.pageCount))}">
  <span>${search.page > 1 ? html`<a href="${pathOf(search.page - 1)}" rel="prev">${l.previous}</a>` : ''}</span>
  <span>${l.page(formatCount(search.page, lang), formatCount(search.pageCount, lang))}</span>
  <span>${search.page < search.pageCount ? html`<a href="${pathOf(search.page + 1)}" rel="next">${l.next}</a>` : ''}</span>
</nav>`;
}

function option(value: string, label: string, selected: boolean): SafeHtml {
  return html`<option value="${value}"${new SafeHtml(selected ? ' selected' : '')}>${label}</option>`;
}

export interface SearchPageData {
  search: CatalogueSearch;
  facets: CatalogueFacets;
}

/** The query string of a search on a given page (paging links, the language switch). */
function searchParams(query: CatalogueSearch['query'], lang: Lang, page: number): URLSearchParams {
  const params = new URLSearchParams();
  const entries: Array<[string, unknown]> = [
    ['q', query.q], ['province', query.province], ['commune', query.commune], ['producer', query.producer], ['stars', query.stars], ['group', query.group],
    ['validity', query.validity], ['sort', query.sort],
  ];
  for (const [key, value] of entries) if (value !== undefined && value !== '') params.set(key, String(value));
  if (page > 1) params.set('page', String(page));
  if (lang === 'en') params.set('lang', 'en');
  return params;
}

/** The address of a search, with one change (for paging links). */
export function searchPath(query: CatalogueSearch['query'], lang: Lang, page: number): string {
  const text = searchParams(query, lang, page).toString();
  return `/san-pham${text ? `?${text}` : ''}`;
}

/** The query string of a producer, province or commune page (its page of results), for the language switch. */
const scopeQuery = (search: CatalogueSearch) => (search.page > 1 ? new URLSearchParams({ page: String(search.page) }) : undefined);

const facetOption = (o: FacetOption, lang: Lang) =>
  option(o.value, `${'\u00a0'.repeat((o.depth ?? 0) * 3)}${lang === 'vi' ? o.label : o.labelEn} (${formatCount(o.count, lang)})`, o.selected);

/**
 * Nothing found. The search already ignores diacritics and tolerates typos, so it never asks to type
 * without them: it offers to drop the filters when the words alone find products, else the
 * recognised products whose names come closest.
 */
function noResults(data: SearchPageData, lang: Lang): SafeHtml {
  const l = t[lang];
  const { search } = data;
  const query = search.query;
  const filtered = Boolean(query.province || query.commune || query.stars || query.group || query.validity);
  return html`<section data-testid="no-results"><p>${query.q ? l.noneFor(query.q) : l.none}</p>
  ${filtered && query.q && search.textMatches > 0
    ? html`<p><a href="${searchPath({ q: query.q, producer: query.producer, page: 1 }, lang, 1)}">${l.withoutFilters(formatCount(search.textMatches, lang))}</a></p>`
    : ''}
  ${search.closeProducts.length > 0
    ? html`<p>${l.closeProducts}</p><ul class="results" data-testid="close-products">${search.closeProducts.map((p) =>
        html`<li><a href="${withLang(productPath(p), lang)}">${p.name}</a> <span class="meta">— ${l.stars(p.stars)}${p.provinceName ? html` · ${p.provinceName}` : ''} · ${certificateStatusLabels[p.status][lang]}</span></li>`)}</ul>`
    : !filtered ? html`<p>${l.tryOther}</p>` : ''}
</section>`;
}

export function renderSearchPage(data: SearchPageData, lang: Lang): string {
  const l = t[lang];
  const { search } = data;
  const query = search.query;
  const { facets } = data;
  const body = html`<div class="bar"><form action="/san-pham" method="get" role="search">
  <div class="search" style="display:flex;gap:8px;flex-wrap:wrap">
    <label for="q" class="sr">${l.searchLabel}</label>
    <input id="q" name="q" type="search" value="${query.q ?? ''}" placeholder="${l.searchLabel}" autocomplete="off" enterkeyhint="search" style="flex:1 1 220px;padding:12px;font-size:1rem;border:1px solid #ccc;border-radius:6px">
    <button type="submit" style="padding:12px 18px;font-size:1rem;border:0;border-radius:6px;background:#f2b705;font-weight:600">${l.search}</button>
  </div>
  <div class="facets" data-testid="facets">
    <label>${l.province}<select name="province"><option value="">${l.all}</option>${facets.province.map((o) => facetOption(o, lang))}</select></label>
    ${facets.commune.length > 0
      ? html`<label>${l.commune}<select name="commune"><option value="">${l.all}</option>${facets.commune.map((o) => facetOption(o, lang))}</select></label>`
      : ''}
    <label>${l.star}<select name="stars"><option value="">${l.all}</option>${facets.stars.map((o) => facetOption(o, lang))}</select></label>
    <label>${l.group}<select name="group"><option value="">${l.all}</option>${facets.group.map((o) => facetOption(o, lang))}</select></label>
    <label>${l.validity}<select name="validity"><option value="">${l.all}</option>${facets.validity.map((o) => facetOption(o, lang))}</select></label>
    <label>${l.sort}<select name="sort">${(['relevance', 'stars', 'name', 'newest'] as const).map((s) =>
      option(s, l.sorts[s], (query.sort ?? (query.q ? 'relevance' : 'stars')) === s))}</select></label>
    ${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
    ${query.producer ? html`<input type="hidden" name="producer" value="${query.producer}">` : ''}
    <button type="submit" style="align-self:flex-end;padding:8px 14px;border-radius:6px;border:0;background:#fff;font-weight:600">${l.filter}</button>
  </div>
</form></div>
<main>
  <h1>${search.total > 0 ? l.found(formatCount(search.total, lang)) : l.catalogue}</h1>
  ${search.producers.length > 0
    ? html`<section aria-label="${l.producers}"><p class="meta"><strong>${l.producers}:</strong></p><ul class="results">${search.producers.map((p) =>
        html`<li><a href="${withLang(producerPath(p), lang)}">${p.name}</a> <span class="meta">— ${p.provinceName ?? ''} · ${l.products(formatCount(p.productCount, lang))}</span></li>`)}</ul></section>`
    : ''}
  ${search.total === 0 ? noResults(data, lang) : html`<ul class="results" data-testid="results">${search.items.map((item) => resultItem(item, lang))}</ul>`}
  ${pager(search, lang, (page) => searchPath(query, lang, page))}
</main>`;
  return layout({ lang, title: l.searchTitle(query.q ?? ''), description: l.searchDescription, path: '/san-pham', body, head: new SafeHtml(styles), query: searchParams(query, lang, search.page) });
}

const jsonLd = (value: unknown) => new SafeHtml(`<script type="application/ld+json">${JSON.stringify(value).replace(/</g, '\\u003c')}</script>`);

const mapLink = (query: string) => `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;

export function renderProductPage(data: ProductPage, lang: Lang, origin: string): string {
  const l = t[lang];
  const { product, whereToBuy } = data;
  const path = productPath(product);
  const place = [product.communeName, product.provinceName].filter(Boolean).join(', ');
  const inForce = isInForce(product.status);
  const photoUrl = (id: string) => `/anh/${id}`;
  const setName = productSetName(product.productSetNumber);
  const alert =
    product.status === 'revoked'
      ? html`<div class="alert s-revoked" role="alert">${l.revokedAlert(formatDate(product.revokedOn ?? product.expiresOn))}</div>`
      : product.status === 'expired'
        ? html`<div class="alert s-expired" role="alert">${l.expiredAlert(formatDate(product.expiresOn))}</div>`
        : product.status === 'extended'
          ? html`<div class="alert s-extended">${l.extendedNote(formatDate(product.expiresOn))}</div>`
          : product.status === 'expiring'
            ? html`<div class="alert s-expiring">${l.expiringNote(formatDate(product.expiresOn))}</div>`
            : '';
  const description = `${product.name}: ${l.ocopStars(product.stars)} (${certificateStatusLabels[product.status][lang]}), ${product.producerName}${place ? `, ${place}` : ''}.`;
  const head = html`${new SafeHtml(styles)}
<meta property="og:type" content="product">
<meta property="og:title" content="${product.name}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${origin}${withLang(path, lang)}">
<meta property="og:locale" content="${lang === 'vi' ? 'vi_VN' : 'en_GB'}">
<meta property="og:site_name" content="OCOP Hub">
${data.photos[0] ? html`<meta property="og:image" content="${origin}${photoUrl(data.photos[0].id)}">` : ''}
${jsonLd({
  '@context': 'https://schema.org',
  '@type': 'Product',
  name: product.name,
  url: `${origin}${path}`,
  description: product.story?.slice(0, 300) || description,
  ...(data.photos.length > 0 ? { image: data.photos.map((photo) => `${origin}${photoUrl(photo.id)}`) } : {}),
  ...(product.productCode ? { sku: product.productCode } : {}),
  ...(product.gtin ? { gtin: product.gtin } : {}),
  ...(setName ? { category: setName } : {}),
  brand: { '@type': 'Brand', name: product.producerName },
  manufacturer: {
    '@type': 'Organization',
    name: product.producerName,
    url: `${origin}${producerPath({ id: product.producerId, name: product.producerName })}`,
    address: { '@type': 'PostalAddress', addressLocality: product.communeName ?? undefined, addressRegion: product.provinceName ?? undefined, addressCountry: 'VN' },
  },
  ...(inForce ? { award: `OCOP ${product.stars} sao (${product.certificateNumber})` } : {}),
})}`;
  const body = html`<main>
  ${alert}
  <p class="meta"><a href="${withLang('/san-pham', lang)}">${l.catalogue}</a>${product.provinceName ? html` › <a href="${withLang(provincePath(product.provinceCode), lang)}">${product.provinceName}</a>` : ''}</p>
  <h1>${product.name}</h1>
  <p>${starsOf(product.stars, lang)} · ${statusBadge(product.status, lang)}</p>
  ${data.photos.length > 0
    ? html`<div class="photos" aria-label="${l.photos}">${data.photos.map((photo, index) =>
        html`<img src="${photoUrl(photo.id)}" alt="${photo.kind === 'packaging' ? l.packaging : l.label}: ${product.name}" height="180"${new SafeHtml(index > 0 ? ' loading="lazy"' : '')}>`)}</div>`
    : ''}
  <section class="box" aria-labelledby="cert"><h2 id="cert" style="margin-top:0">${l.certificate}</h2><dl>
    <dt>${l.rank}</dt><dd>${l.ocopStars(product.stars)}</dd>
    <dt>${l.certificateNumber}</dt><dd>${product.certificateNumber}</dd>
    <dt>${l.status}</dt><dd>${statusBadge(product.status, lang)}</dd>
    <dt>${l.issuedOn}</dt><dd>${formatDate(product.issuedOn)}</dd>
    <dt>${l.validUntil}</dt><dd>${formatDate(product.expiresOn)}</dd>
    <dt>${l.issuingBody}</dt><dd>${product.issuingBody}</dd>
    <dt>${l.decision}</dt><dd>${product.decisionNumber}</dd>
  </dl><p><a href="${withLang(`/xac-minh/${product.publicToken}`, lang)}">${l.verify}</a></p></section>
  <section class="box"><dl>
    <dt>${l.producer}</dt><dd><a href="${withLang(producerPath({ id: product.producerId, name: product.producerName }), lang)}">${product.producerName}</a></dd>
    <dt>${l.place}</dt><dd>${product.communeName ? html`<a href="${withLang(communePath(product.communeCode), lang)}">${product.communeName}</a>, ` : ''}${product.provinceName ? html`<a href="${withLang(provincePath(product.provinceCode), lang)}">${product.provinceName}</a>` : ''}
      · <a href="${mapLink(`${product.communeName ?? ''}, ${product.provinceName ?? ''}, Việt Nam`)}" rel="noopener">${l.map}</a></dd>
    ${data.formerUnits.length > 0 ? html`<dt>${l.formerly}</dt><dd>${data.formerUnits.join('; ')}</dd>` : ''}
    ${data.certificatePlace ? html`<dt>${l.onCertificate}</dt><dd>${data.certificatePlace}</dd>` : ''}
    ${setName ? html`<dt>${l.productSet}</dt><dd>${product.productSetNumber}. ${setName}</dd>` : ''}
    ${product.productCode ? html`<dt>${l.productCode}</dt><dd>${product.productCode}</dd>` : ''}
  </dl></section>
  ${product.story ? html`<section><h2>${l.story}</h2>${product.story.slice(0, 6000).split(/\n{2,}/).map((p) => html`<p>${p}</p>`)}</section>` : ''}
  <section><h2>${l.whereToBuy}</h2>
  ${whereToBuy.salesPoints.length + whereToBuy.listings.length + whereToBuy.fairs.length === 0 ? html`<p>${l.noWhere}</p>` : ''}
  ${whereToBuy.salesPoints.length > 0
    ? html`<h3>${l.salesPoints}</h3><ul>${whereToBuy.salesPoints.map((s) => {
        const address = [s.streetAddress, s.communeName, s.provinceName].filter(Boolean).join(', ');
        return html`<li><strong>${s.name}</strong> — ${address}${s.phone ? html` · <a href="tel:${s.phone}">${s.phone}</a>` : ''} · <a href="${mapLink(address)}" rel="noopener">${l.map}</a></li>`;
      })}</ul>`
    : ''}
  ${whereToBuy.listings.length > 0
    ? html`<h3>${l.online}</h3><ul>${whereToBuy.listings.map((s) => html`<li><a href="${s.url}" rel="nofollow noopener">${platformNames[s.platform] ?? s.platform}</a></li>`)}</ul>`
    : ''}
  ${whereToBuy.fairs.length > 0
    ? html`<h3>${l.fairs}</h3><ul>${whereToBuy.fairs.map((f) => html`<li>${f.name} — ${f.place}, ${formatDate(f.startsOn)}–${formatDate(f.endsOn)}</li>`)}</ul>`
    : ''}
  </section>
</main>`;
  return layout({ lang, title: `${product.name} — ${l.ocopStars(product.stars)}`, description, path, body, head });
}

function starCountList(counts: Record<string, number>, lang: Lang): SafeHtml {
  const l = t[lang];
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return html`<h2>${l.inForce}</h2><ul class="counts" data-testid="star-counts">${[5, 4, 3].map((s) =>
    html`<li><span class="stars" aria-hidden="true">${starText(s)}</span> ${l.stars(s)}: <strong>${formatCount(counts[s] ?? 0, lang)}</strong></li>`)}
  <li>${l.total}: <strong>${formatCount(total, lang)}</strong></li></ul>`;
}

function scopeBody(heading: SafeHtml, starCounts: Record<string, number>, search: CatalogueSearch, lang: Lang, path: string, extra: SafeHtml | '' = ''): SafeHtml {
  return html`<main>${heading}${starCountList(starCounts, lang)}${extra}
  <h2>${t[lang].products(formatCount(search.total, lang))}</h2>
  <ul class="results" data-testid="results">${search.items.map((item) => resultItem(item, lang))}</ul>
  ${pager(search, lang, (page) => withLang(page > 1 ? `${path}?page=${page}` : path, lang))}</main>`;
}

export function renderProducerPage(data: { producer: PublicProducer; starCounts: Record<string, number>; search: CatalogueSearch }, lang: Lang): string {
  const l = t[lang];
  const { producer } = data;
  const path = producerPath(producer);
  const place = [producer.communeName, producer.provinceName].filter(Boolean).join(', ');
  const heading = html`<p class="meta"><a href="${withLang('/san-pham', lang)}">${l.catalogue}</a></p><h1>${producer.name}</h1>
  <section class="box"><dl>
    <dt>${l.legalForm}</dt><dd>${legalFormLabel(producer.legalForm, lang)}</dd>
    <dt>${l.place}</dt><dd>${producer.address ? `${producer.address} — ` : ''}${producer.communeName ? html`<a href="${withLang(communePath(producer.communeCode), lang)}">${producer.communeName}</a>, ` : ''}${producer.provinceName ? html`<a href="${withLang(provincePath(producer.provinceCode), lang)}">${producer.provinceName}</a>` : ''}
      · <a href="${mapLink(`${place}, Việt Nam`)}" rel="noopener">${l.map}</a></dd>
  </dl></section>`;
  return layout({
    lang,
    title: `${producer.name} — ${l.catalogue}`,
    description: `${producer.name}${place ? `, ${place}` : ''}: ${l.products(formatCount(data.search.total, lang))} OCOP.`,
    path,
    body: scopeBody(heading, data.starCounts, data.search, lang, path),
    head: new SafeHtml(styles),
    query: scopeQuery(data.search),
  });
}

export function renderUnitPage(
  data: { unit: Unit; level: 'province' | 'commune'; province: Unit | null; communes: Array<Unit & { productCount: number }>; formerUnits: string[]; starCounts: Record<string, number>; search: CatalogueSearch },
  lang: Lang,
): string {
  const l = t[lang];
  const path = data.level === 'province' ? provincePath(data.unit.code) : communePath(data.unit.code);
  const heading = html`<p class="meta"><a href="${withLang('/san-pham', lang)}">${l.catalogue}</a>${data.province ? html` › <a href="${withLang(provincePath(data.province.code), lang)}">${data.province.name}</a>` : ''}</p>
  <h1>${l.catalogue} — ${data.unit.fullName}</h1>
  ${data.formerUnits.length > 0 ? html`<p class="meta">${l.formerly}: ${data.formerUnits.join('; ')}</p>` : ''}
  <p><a href="${mapLink(`${data.unit.fullName}${data.province ? `, ${data.province.fullName}` : ''}, Việt Nam`)}" rel="noopener">${l.map}</a></p>`;
  const communes =
    data.communes.length > 0
      ? html`<h2>${l.communes}</h2><ul class="counts">${data.communes.map((c) =>
          html`<li><a href="${withLang(communePath(c.code), lang)}">${c.name}</a> (${formatCount(c.productCount, lang)})</li>`)}</ul>`
      : '';
  return layout({
    lang,
    title: `${l.catalogue} — ${data.unit.fullName}`,
    description: `${l.catalogue} — ${data.unit.fullName}: ${l.products(formatCount(data.search.total, lang))}.`,
    path,
    body: scopeBody(heading, data.starCounts, data.search, lang, path, communes),
    head: new SafeHtml(styles),
    query: scopeQuery(data.search),
  });
}
