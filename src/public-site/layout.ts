import { html, SafeHtml } from './html.ts';

export type Lang = 'vi' | 'en';

// Inline and tiny: the public pages must load on a cheap phone on 3G (issue 6: ≤ 50 KB a page).
const styles = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fafaf7}
a{color:#0b5d1e}header,main,footer{max-width:960px;margin:0 auto;padding:16px}
header{display:flex;justify-content:space-between;align-items:center;gap:8px;flex-wrap:wrap}
.brand{font-weight:700;font-size:1.15rem;text-decoration:none;color:#0b5d1e}
.hero{background:#0b5d1e;color:#fff;padding:32px 16px}.hero>div{max-width:960px;margin:0 auto}
.hero h1{margin:0 0 8px;font-size:1.6rem}.hero p{margin:0 0 16px}
form.search{display:flex;gap:8px;flex-wrap:wrap}form.search input{flex:1 1 220px;padding:12px;font-size:1rem;border:1px solid #ccc;border-radius:6px}
form.search button{padding:12px 18px;font-size:1rem;border:0;border-radius:6px;background:#f2b705;color:#1b1b1b;font-weight:600}
.steps{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:12px;padding:0;list-style:none}
.steps li{background:#fff;border:1px solid #e3e3dc;border-radius:8px;padding:12px}
footer{color:#555;font-size:.9rem}`;

// Canonical and alternate-language links must be absolute URLs (search engines; Lighthouse SEO), so they
// carry the public address of the site (config.publicBaseUrl), set once at start-up by registerPublicSite.
let publicBaseUrl = '';
export function setPublicBaseUrl(url: string): void {
  publicBaseUrl = url.replace(/\/+$/, '');
}

/** The same page in the other language: its path and whole query string, only `lang` changed. */
export function languageSwitchHref(path: string, query: URLSearchParams | undefined, lang: Lang): string {
  const params = new URLSearchParams(query);
  params.delete('lang');
  if (lang === 'en') params.set('lang', 'en');
  const text = params.toString();
  return `${path}${text ? `?${text}` : ''}`;
}

export function layout(options: {
  lang: Lang;
  title: string;
  description: string;
  path: string;
  body: SafeHtml;
  head?: SafeHtml;
  /** The page's query string (search words, filters, page…), kept by the language switch. */
  query?: URLSearchParams;
}): string {
  const { lang } = options;
  const other = lang === 'vi' ? { lang: 'en' as const, label: 'English' } : { lang: 'vi' as const, label: 'Tiếng Việt' };
  const page = html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${options.title}</title>
<meta name="description" content="${options.description}">
<link rel="canonical" href="${publicBaseUrl}${options.path}${lang === 'en' ? '?lang=en' : ''}">
<link rel="alternate" hreflang="${other.lang}" href="${publicBaseUrl}${options.path}${other.lang === 'en' ? '?lang=en' : ''}">
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%230b5d1e'/%3E%3C/svg%3E">
<style>${new SafeHtml(styles)}</style>
${options.head ?? ''}
</head>
<body>
<header>
  <a class="brand" href="/${lang === 'en' ? '?lang=en' : ''}">OCOP Hub</a>
  <nav>
    <a href="${languageSwitchHref(options.path, options.query, other.lang)}" hreflang="${other.lang}" lang="${other.lang}">${other.label}</a>
    · <a href="/admin/">${lang === 'vi' ? 'Dành cho cán bộ, chủ thể' : 'Back office'}</a>
  </nav>
</header>
${options.body}
<footer>${lang === 'vi' ? 'Chương trình Mỗi xã một sản phẩm (OCOP) — phần mềm nguồn mở OCOP Hub.' : 'One Commune One Product (OCOP) programme — open-source OCOP Hub.'}</footer>
</body>
</html>`;
  return page.value;
}
