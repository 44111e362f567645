import dns from 'node:dns/promises';
import { isIP } from 'node:net';
import type { LrsSettings } from '../domain/xapi/lrs-settings.js';
import { isPrivateAddress } from '../domain/xapi/private-address.js';
import type { XapiStatement } from '../domain/xapi/statement-types.js';

/** What the LRS made of a batch. */
export type LrsOutcome =
  | { kind: 'stored' }
  /** The batch as a whole was refused (one bad or conflicting statement sinks it): send them one by one. */
  | { kind: 'split'; status: number; message: string }
  /** Worth trying again later: the LRS is down, busy, or refused the credentials. */
  | { kind: 'retry'; message: string; retryAfterMs?: number }
  /** This one statement will never be accepted as it is. */
  | { kind: 'rejected'; message: string };

export interface LrsClient {
  send(settings: LrsSettings, statements: readonly XapiStatement[]): Promise<LrsOutcome>;
}

export const XAPI_VERSION = '1.0.3';

/**
 * Posts statements to `<endpoint>/statements` as one JSON array with Basic authentication. A
 * duplicate id is the LRS telling us it already has the statement: 409 for one statement counts
 * as stored, as 200 and 204 do.
 */
export function httpLrsClient(
  options: {
    timeoutMs?: number;
    fetch?: typeof fetch;
    /** Local mode posts to a stand-in on this machine; elsewhere the LRS's host must resolve to public addresses only. */
    allowPrivate?: boolean;
    lookup?: (host: string) => Promise<readonly { address: string }[]>;
  } = {},
): LrsClient {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const lookup = options.lookup ?? ((host: string) => dns.lookup(host, { all: true }));
  return {
    async send(settings, statements) {
      if (!options.allowPrivate) {
        // Checked at each send, not only when saved: a name can be pointed somewhere else later.
        const host = new URL(settings.endpoint).hostname.replace(/^\[|\]$/g, '');
        let addresses: readonly { address: string }[];
        try {
          addresses = isIP(host) ? [{ address: host }] : await lookup(host);
        } catch (error) {
          return { kind: 'retry', message: `could not find the LRS's address: ${(error as Error).message}` };
        }
        if (addresses.some((a) => isPrivateAddress(a.address))) {
          return {
            kind: 'rejected',
            message: `the LRS's address (${host}) leads to this machine or a private network, where Learning Loop does not post`,
          };
        }
      }
      let res: Response;
      try {
        res = await doFetch(`${settings.endpoint}/statements`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-experience-api-version': XAPI_VERSION,
            authorization: `Basic ${Buffer.from(`${settings.key}:${settings.secret}`, 'utf8').toString('base64')}`,
          },
          body: JSON.stringify(statements),
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'error',
        });
      } catch (error) {
        return { kind: 'retry', message: `could not reach the LRS: ${(error as Error).message}` };
      }
      const said = (await res.text().catch(() => '')).replace(/\s+/g, ' ').slice(0, 300);
      const message = `${res.status}${said ? ` ${said}` : ''}`;
      if (res.status === 200 || res.status === 204) return { kind: 'stored' };
      if (res.status === 409 && statements.length === 1) return { kind: 'stored' };
      if ((res.status === 400 || res.status === 409 || res.status === 413) && statements.length > 1)
        return { kind: 'split', status: res.status, message };
      if (res.status === 400) return { kind: 'rejected', message };
      if (res.status === 401 || res.status === 403) return { kind: 'retry', message: `${message} (check the key and secret)` };
      const retryAfter = Number(res.headers.get('retry-after'));
      return { kind: 'retry', message, ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}) };
    },
  };
}
