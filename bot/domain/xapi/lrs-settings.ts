import { z } from 'zod';
import { isLocalHostName, isPrivateAddress } from './private-address.js';
import type { LrsSettingsView } from '../../contract/lrs-view.js';

/** Where an organisation's statements go, and the Basic credentials its LRS gave the app. */
export interface LrsSettings {
  /** The LRS's xAPI base address, without a trailing slash: statements go to `<endpoint>/statements`. */
  endpoint: string;
  key: string;
  /** Kept on the server; never answered to anyone, not even the admins who set it. */
  secret: string;
  updatedAt: string;
}

export const LRS_LIMITS = { endpoint: 500, key: 200, secret: 500 } as const;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const credential = (label: string, max: number) =>
  z
    .string(`${label} must be text`)
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} is too long: at most ${max} characters`)
    // A colon would split Basic credentials in the wrong place; control characters break the header.
    .refine((v) => !CONTROL.test(v), `${label} must not contain control characters`);

/**
 * The body of PUT /admin/lrs. The endpoint must be https and name a public host; plain http and
 * this machine or a private network only when the service runs locally (for a stand-in LRS on
 * this machine). Leaving out `secret` keeps the stored one.
 */
export function lrsSettingsBody(options: { allowHttp: boolean; allowPrivate?: boolean }) {
  return z.strictObject({
    endpoint: z
      .string('The endpoint must be text')
      .trim()
      .min(1, 'The endpoint is required')
      .max(LRS_LIMITS.endpoint, `The endpoint is too long: at most ${LRS_LIMITS.endpoint} characters`)
      .transform((text, ctx) => {
        const problem = (message: string) => {
          ctx.addIssue({ code: 'custom', message });
          return z.NEVER;
        };
        let url: URL;
        try {
          url = new URL(text);
        } catch {
          return problem('The endpoint must be a web address such as https://lrs.example.com/xapi');
        }
        const schemes = options.allowHttp ? ['https:', 'http:'] : ['https:'];
        if (!schemes.includes(url.protocol))
          return problem(options.allowHttp ? 'The endpoint must start with https:// or http://' : 'The endpoint must start with https://');
        if (url.username || url.password) return problem('Give the key and secret in their own fields, not in the endpoint');
        if (url.search || url.hash) return problem('The endpoint must not have a query or a fragment');
        if (!options.allowPrivate && (isLocalHostName(url.hostname) || isPrivateAddress(url.hostname))) {
          return problem('The endpoint must be a public address: Learning Loop does not post to this machine or a private network');
        }
        return `${url.origin}${url.pathname}`.replace(/\/+$/, '').replace(/\/statements$/, '');
      }),
    key: credential('The key', LRS_LIMITS.key).refine((v) => !v.includes(':'), 'The key must not contain a colon'),
    secret: credential('The secret', LRS_LIMITS.secret).optional(),
  });
}

export type LrsSettingsInput = z.infer<ReturnType<typeof lrsSettingsBody>>;

export function lrsSettingsView(settings: LrsSettings | undefined): LrsSettingsView {
  if (!settings) return { configured: false, endpoint: null, key: null, secretSet: false, updatedAt: null };
  return {
    configured: true,
    endpoint: settings.endpoint,
    key: settings.key,
    secretSet: settings.secret !== '',
    updatedAt: settings.updatedAt,
  };
}
