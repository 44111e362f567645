import type { RequestHandler } from 'express';

/** Teams hosts the tab in a frame; only Teams and Microsoft 365 hosts (and ourselves) may frame it. */
const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://*.skype.com',
];

/**
 * What the tab may load: its own scripts only (Vite emits no inline script), styles from itself
 * and inline (Fluent's Griffel writes style elements at run time, and index.html has one small
 * style block), images from itself and data/blob URLs (chart exports, avatars), and requests to
 * itself plus the CDN from which teams-js reads the list of valid Teams hosts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' https://res.cdn.office.net",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
].join('; ');

export function securityHeaders(): RequestHandler {
  return (_req, res, next) => {
    res.set({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      // Browsers honour it only over HTTPS, which is all production serves; two years, as preload lists expect.
      'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
    next();
  };
}
