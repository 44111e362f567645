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
].join(' ');

export function securityHeaders(): RequestHandler {
  return (_req, res, next) => {
    res.set({
      'Content-Security-Policy': `frame-ancestors ${FRAME_ANCESTORS}`,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
    next();
  };
}
