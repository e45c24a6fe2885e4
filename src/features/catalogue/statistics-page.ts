/**
 * The public statistics page (/thong-ke, issue 13 point 3): server-rendered, no JavaScript; bars drawn
 * with CSS beside the numbers they stand for (the numbers are the content, the bars are decoration);
 * every province and star opens the catalogue search with that facet, whose total is the figure shown.
 */
import { html, SafeHtml } from '../../public-site/html.ts';
import { layout, type Lang } from '../../public-site/layout.ts';
import { formatCount, formatDate } from './catalogue-query.ts';
import type { PublicStatistics } from './read-statistics.ts';

export const STATISTICS_PATH = '/thong-ke';

const styles = `<style>
table.st{width:100%;border-collapse:collapse;background:#fff;border:1px solid #e3e3dc;border-radius:8px;margin:0 0 8px}
.st th,.st td{padding:8px;text-align:left;border-bottom:1px solid #eee}.st td.n,.st th.n{text-align:right;white-space:nowrap}
.st td.b{width:40%}.b span{display:block;height:14px;background:#0b5d1e;border-radius:3px;min-width:2px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:8px;list-style:none;padding:0;margin:0}
.grid li{background:#fff;border:1px solid #e3e3dc;border-radius:8px;padding:8px 10px}
.grid .p{display:flex;justify-content:space-between;gap:6px;font-weight:600;padding:4px 0}.grid .p span{white-space:nowrap}
.grid .b{margin:4px 0}.grid .s a{display:inline-block;min-width:24px;padding:4px 2px;white-space:nowrap}
.grid .z{color:#444}.lead{font-size:1.05rem}.note{color:#555;font-size:.9rem}.stars{color:#a86b00}.sr{position:absolute;left:-9999px}
</style>`;

const t = {
  vi: {
    title: 'Thống kê sản phẩm OCOP — theo hạng sao, tỉnh, năm',
    description: 'Số sản phẩm OCOP được công nhận từ năm 2019: theo hạng sao, theo tỉnh, thành phố và theo năm công nhận.',
    heading: 'Thống kê sản phẩm OCOP',
    nation: 'cả nước',
    lead: (where: string, total: string, inForce: string, day: string) => `Đến ngày ${day}, ${where} có ${total} sản phẩm OCOP đã được công nhận từ năm 2019; ${inForce} sản phẩm còn hiệu lực.`,
    note: 'Mỗi sản phẩm được tính một lần, theo hạng sao của giấy chứng nhận gần nhất. Bấm vào một tỉnh hoặc hạng sao để xem danh sách sản phẩm.',
    byStar: 'Theo hạng sao',
    stars: 'Hạng sao',
    starLabel: (n: number) => `${n} sao`,
    products: 'Sản phẩm',
    inForce: 'Còn hiệu lực',
    bar: 'Tỷ lệ',
    byYear: 'Theo năm công nhận lần đầu (lũy kế từ năm 2019)',
    year: 'Năm',
    newInYear: 'Công nhận mới',
    cumulative: 'Lũy kế',
    before: 'Trước năm 2019',
    byProvince: 'Theo tỉnh, thành phố',
    byCommune: 'Theo xã, phường (có sản phẩm OCOP)',
    noCommune: 'Chưa có sản phẩm OCOP nào.',
    details: 'Thống kê',
    backToNation: '‹ Thống kê cả nước',
    productsWord: ' sản phẩm',
    catalogue: 'Tra cứu sản phẩm OCOP',
  },
  en: {
    title: 'OCOP product statistics — by stars, province and year',
    description: 'OCOP products recognised since 2019: by star rating, by province and by year of recognition.',
    heading: 'OCOP product statistics',
    nation: 'the whole country',
    lead: (where: string, total: string, inForce: string, day: string) => `As of ${day}, ${where} has ${total} OCOP products recognised since 2019; ${inForce} are in force.`,
    note: 'Each product counts once, by the stars of its latest certificate. Choose a province or a star rating to see the products.',
    byStar: 'By star rating',
    stars: 'Stars',
    starLabel: (n: number) => `${n} stars`,
    products: 'Products',
    inForce: 'In force',
    bar: 'Share',
    byYear: 'By year of first recognition (cumulative since 2019)',
    year: 'Year',
    newInYear: 'Newly recognised',
    cumulative: 'Cumulative',
    before: 'Before 2019',
    byProvince: 'By province',
    byCommune: 'By commune (with OCOP products)',
    noCommune: 'No OCOP products yet.',
    details: 'Statistics',
    backToNation: '‹ Nationwide statistics',
    productsWord: ' products',
    catalogue: 'Search OCOP products',
  },
} as const;

/** The catalogue search with facets chosen, e.g. /san-pham?province=12&stars=4. */
export function facetPath(facets: { province?: string; commune?: string; stars?: number }, lang: Lang): string {
  const params = new URLSearchParams();
  if (facets.province) params.set('province', facets.province);
  if (facets.commune) params.set('commune', facets.commune);
  if (facets.stars) params.set('stars', String(facets.stars));
  if (lang === 'en') params.set('lang', 'en');
  return `/san-pham?${params.toString()}`;
}

/** A bar of `value` out of `max`, hidden from screen readers (the number beside it says it). */
const bar = (value: number, max: number) => html`<div class="b" aria-hidden="true"><span style="width:${max > 0 ? Math.round((value / max) * 1000) / 10 : 0}%"></span></div>`;

export function renderStatisticsPage(data: PublicStatistics, lang: Lang): string {
  const l = t[lang];
  const n = (value: number) => formatCount(value, lang);
  const maxStar = Math.max(0, ...data.byStar.map((row) => row.products));
  const maxYear = Math.max(0, ...data.byYear.years.map((row) => row.cumulative));
  const maxUnit = Math.max(0, ...data.units.map((row) => row.products));
  const province = data.province;
  const scope = province ? { province: province.code } : {};
  // A province's units are its communes: their facet is the commune within the province.
  const unitFacets = (code: string) => (province ? { province: province.code, commune: code } : { province: code });
  const statisticsOf = (code: string) => `${STATISTICS_PATH}/${code}${lang === 'en' ? '?lang=en' : ''}`;
  const body = html`<main>
${province ? html`<p><a href="${STATISTICS_PATH}${lang === 'en' ? '?lang=en' : ''}">${l.backToNation}</a></p>` : ''}
<h1>${l.heading}${province ? html` — ${province.fullName}` : ''}</h1>
<p class="lead">${l.lead(province ? province.fullName : l.nation, n(data.total), n(data.inForce), formatDate(data.day))}</p>
<p class="note">${l.note} <a href="${facetPath(scope, lang).replace(/\?$/, '')}">${l.catalogue}</a></p>
<h2>${l.byStar}</h2>
<table class="st"><thead><tr><th scope="col">${l.stars}</th><th scope="col" class="n">${l.products}</th><th scope="col" class="n">${l.inForce}</th><th scope="col">${l.bar}</th></tr></thead><tbody>
${data.byStar.map((row) => html`<tr><th scope="row"><a href="${facetPath({ ...scope, stars: row.stars }, lang)}"><span class="stars" aria-hidden="true">${'★'.repeat(row.stars)}</span> ${l.starLabel(row.stars)}</a></th><td class="n">${n(row.products)}</td><td class="n">${n(row.inForce)}</td><td class="b">${bar(row.products, maxStar)}</td></tr>`)}
</tbody></table>
<h2>${l.byYear}</h2>
<table class="st"><thead><tr><th scope="col">${l.year}</th><th scope="col" class="n">${l.newInYear}</th><th scope="col" class="n">${l.cumulative}</th><th scope="col">${l.bar}</th></tr></thead><tbody>
${data.byYear.before > 0 ? html`<tr><th scope="row">${l.before}</th><td class="n">${n(data.byYear.before)}</td><td class="n">${n(data.byYear.before)}</td><td class="b">${bar(data.byYear.before, maxYear)}</td></tr>` : ''}
${data.byYear.years.map((row) => html`<tr><th scope="row">${row.year}</th><td class="n">${n(row.products)}</td><td class="n">${n(row.cumulative)}</td><td class="b">${bar(row.cumulative, maxYear)}</td></tr>`)}
</tbody></table>
<h2>${province ? l.byCommune : l.byProvince}</h2>
${data.units.length === 0 ? html`<p>${l.noCommune}</p>` : ''}
<ul class="grid">
${data.units.map((u) => html`<li${new SafeHtml(u.products === 0 ? ' class="z"' : '')}><a class="p" href="${facetPath(unitFacets(u.code), lang)}">${u.name} <span>${n(u.products)}<span class="sr">${l.productsWord}</span></span></a>${bar(u.products, maxUnit)}<div class="s">${([3, 4, 5] as const).map((stars, i) => {
  const count = [u.stars3, u.stars4, u.stars5][i]!;
  return html`${i > 0 ? ' · ' : ''}<a href="${facetPath({ ...unitFacets(u.code), stars }, lang)}"><span class="sr">${u.name}, </span>${stars}★ ${n(count)}</a>`;
})}${province ? '' : html` · <a href="${statisticsOf(u.code)}">${l.details}<span class="sr"> ${u.name}</span></a>`}</div></li>`)}
</ul>
</main>`;
  return layout({
    lang,
    title: province ? `${l.heading} — ${province.fullName}` : l.title,
    description: l.description,
    path: province ? `${STATISTICS_PATH}/${province.code}` : STATISTICS_PATH,
    body,
    head: new SafeHtml(styles),
  });
}
