import { createHash } from 'node:crypto';

/**
 * One resource shared many times should collect all its ratings, however each person pasted the
 * link. These rules fold the variations that never change what the page is (scheme, www, default
 * ports, tracking tags, stray slashes) and keep everything that might (path case, other query
 * parameters, hosts). Folding too much would merge different resources, which is worse than
 * leaving two copies of one.
 */

/** Added by mail, ad and social tools to say where a click came from; never part of the resource. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'yclid',
  'ref_src',
  'ref_url',
]);

/** `si` is a share tag only on these hosts; elsewhere it may well be content (a search, an id). */
const SHARE_ID_HOSTS = new Set(['youtube.com', 'youtu.be', 'open.spotify.com']);

/** Canonical http(s) link, or null when the text is not one we would ever open for a learner. */
export function normalizeLink(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // A password in a shared link is a leak, not a resource: refuse rather than store it.
  if (url.username !== '' || url.password !== '') return null;

  let host = canonicalHost(url.hostname);
  if (host === '') return null;
  // http and https are one resource, so 80 and 443 are both "no port" once the scheme is folded.
  const port = url.port === '80' || url.port === '443' ? '' : url.port;

  let path = url.pathname.replace(/\/{2,}/g, '/');
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);

  const params = new URLSearchParams(url.search);
  const shortVideo = host === 'youtu.be' ? /^\/([^/]+)$/.exec(path) : null;
  if (shortVideo) {
    host = 'youtube.com';
    path = '/watch';
    params.set('v', safeDecode(shortVideo[1]!));
  }
  const kept = new URLSearchParams([...params].filter(([key]) => !isTracking(key, host)));
  // Sorting makes `?a=1&b=2` and `?b=2&a=1` one resource; it is stable, so repeated keys keep their order.
  kept.sort();
  const query = kept.toString();

  // Single-page apps put the route in the fragment (`#/lesson/3`); any other fragment is a place on the page.
  const hash = url.hash.startsWith('#/') || url.hash.startsWith('#!/') ? url.hash : '';

  return `https://${host}${port === '' ? '' : `:${port}`}${path}${query === '' ? '' : `?${query}`}${hash}`;
}

/**
 * The resource's id in table keys and URLs. It is a hash, never the link itself, so keys carry no
 * user text (no escaping rules to get wrong, nothing personal in logs or key ranges). 22
 * base64url characters are 132 bits: collisions stay out of reach for any number of links we
 * will ever hold, and the key stays short.
 */
export function resourceKeyOf(canonical: string): string {
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 22);
}

function canonicalHost(hostname: string): string {
  // `new URL` has lowercased the host and turned international names into punycode already.
  let host = hostname.replace(/\.+$/, '');
  if (host.startsWith('www.')) host = host.slice(4);
  if (host === 'm.youtube.com') return 'youtube.com';
  const mobileWiki = /^([a-z0-9-]+)\.m\.wikipedia\.org$/.exec(host);
  if (mobileWiki) return `${mobileWiki[1]}.wikipedia.org`;
  return host;
}

/** A malformed escape (`%E0`) is kept as typed: this must answer for any input, not throw. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function isTracking(key: string, host: string): boolean {
  const name = key.toLowerCase();
  if (name.startsWith('utm_') || TRACKING_PARAMS.has(name)) return true;
  return name === 'si' && SHARE_ID_HOSTS.has(host);
}
