import { html } from './html.ts';
import { layout, type Lang } from './layout.ts';

const text = {
  vi: {
    title: 'OCOP Hub — Sản phẩm OCOP Việt Nam',
    description: 'Tra cứu sản phẩm OCOP, hạng sao và giấy chứng nhận của Chương trình Mỗi xã một sản phẩm.',
    heading: 'Chương trình Mỗi xã một sản phẩm (OCOP)',
    lead: 'Tra cứu sản phẩm OCOP và kiểm tra hạng sao, giấy chứng nhận còn hiệu lực.',
    searchLabel: 'Tìm sản phẩm hoặc chủ thể',
    placeholder: 'Ví dụ: gạo Séng Cù, ổi Hua Nà…',
    search: 'Tìm kiếm',
    cycle: 'Chu trình OCOP hằng năm',
    statistics: 'Thống kê sản phẩm OCOP theo hạng sao, tỉnh, năm',
    steps: [
      'Tuyên truyền, hướng dẫn',
      'Đăng ký ý tưởng sản phẩm',
      'Nhận phương án sản xuất kinh doanh',
      'Triển khai phương án',
      'Đánh giá và phân hạng sản phẩm',
      'Xúc tiến thương mại',
    ],
  },
  en: {
    title: 'OCOP Hub — Vietnam OCOP products',
    description: 'Look up OCOP products, their star rating and certificates.',
    heading: 'One Commune One Product (OCOP) programme',
    lead: 'Look up OCOP products and check that their star rating and certificate are valid.',
    searchLabel: 'Search products or producers',
    placeholder: 'e.g. Séng Cù rice, Hua Nà guava…',
    search: 'Search',
    cycle: 'The yearly OCOP cycle',
    statistics: 'OCOP product statistics by stars, province and year',
    steps: [
      'Outreach and guidance',
      'Product-idea registration',
      'Business plans',
      'Plan implementation',
      'Evaluation and star ranking',
      'Trade promotion',
    ],
  },
} as const;

export function renderHomePage(lang: Lang): string {
  const t = text[lang];
  return layout({
    lang,
    title: t.title,
    description: t.description,
    path: '/',
    body: html`<section class="hero"><div>
  <h1>${t.heading}</h1>
  <p>${t.lead}</p>
  <form class="search" action="/san-pham" method="get" role="search">
    <label for="q" style="position:absolute;left:-9999px">${t.searchLabel}</label>
    <input id="q" name="q" type="search" placeholder="${t.placeholder}" autocomplete="off">
    ${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
    <button type="submit">${t.search}</button>
  </form>
</div></section>
<main>
  <p><a href="/thong-ke${lang === 'en' ? '?lang=en' : ''}">${t.statistics}</a></p>
  <h2>${t.cycle}</h2>
  <ol class="steps">${t.steps.map((step, i) => html`<li><strong>${i + 1}.</strong> ${step}</li>`)}</ol>
</main>`,
  });
}
