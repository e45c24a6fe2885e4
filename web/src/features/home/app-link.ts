/**
 * The server's links (dashboard items, report drill-downs) as router targets: "/admin/certificates?star=4"
 * becomes { to: '/certificates', search: { star: '4' } }, which each route's validateSearch reads back.
 * An API path (/api/certificates …, a drill-down) maps to the back-office list of the same name.
 */
export interface AppLink {
  to: string;
  search: Record<string, string>;
}

export function appLink(link: string, query: Record<string, string> = {}): AppLink {
  const [rawPath = '/', rawSearch = ''] = link.split('?');
  let to = rawPath.replace(/^\/admin(?=\/|$)/, '').replace(/^\/api(?=\/)/, '') || '/';
  // A few API lists live under another back-office path.
  if (to === '/dossiers/on-time-rate') to = '/dossiers';
  if (to === '/evaluation-rounds') to = '/evaluations';
  return { to, search: { ...Object.fromEntries(new URLSearchParams(rawSearch)), ...query } };
}
