// Canonical URLs: one article reached by several addresses (tracking parameters, a fragment, a
// trailing slash, upper-case host) is one article.

/** Query parameters that track the reader, not the page. */
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid|at_medium|at_campaign|amp)$/i;

/** The canonical form of an http(s) URL; null when the string is not one. */
export function canonicalUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  for (const name of [...u.searchParams.keys()]) if (TRACKING.test(name)) u.searchParams.delete(name);
  u.search = u.searchParams.toString() ? `?${u.searchParams.toString()}` : '';
  if (u.pathname.length > 1 && u.pathname.endsWith('/')) u.pathname = u.pathname.replace(/\/+$/, '');
  // http and https serve the same article; the host is case-insensitive (URL lower-cases it).
  return `https://${u.host.replace(/^www\./, '')}${u.pathname}${u.search}`;
}
