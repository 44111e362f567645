import dns from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, fetch as undiciFetch, type Dispatcher } from 'undici';
import type { LrsSettings } from '../domain/xapi/lrs-settings.js';
import { isPrivateAddress } from '../domain/xapi/private-address.js';
import type { XapiStatement } from '../domain/xapi/statement-types.js';
import { retryAfterMs } from '../domain/retry-after.js';
import { endpointRefusal, type LrsAllowList } from '../domain/xapi/lrs-allow-list.js';

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

/** The part of `fetch` the client uses; `dispatcher` pins the connection to the address that was checked. */
export type LrsFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal; redirect: 'error'; dispatcher?: Dispatcher },
) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

/**
 * Connections that go to one address whatever DNS says by the time they open. The name is resolved
 * and checked once, then connected to as checked, so a name cannot be re-pointed at a private
 * address between the check and the connection (DNS rebinding). TLS still verifies the host name.
 * Kept per address and bounded, so keep-alive works for the few LRSs a deployment posts to.
 */
const pinnedAgents = new Map<string, Agent>();
const PINNED_AGENTS_MAX = 32;
function pinnedTo(address: string): Agent {
  let agent = pinnedAgents.get(address);
  if (agent) {
    pinnedAgents.delete(address);
  } else {
    const family = isIP(address);
    const lookup: LookupFunction = (_host, options, callback) => {
      if (options.all) callback(null, [{ address, family }]);
      else callback(null, address, family);
    };
    agent = new Agent({ connect: { lookup } });
  }
  pinnedAgents.set(address, agent);
  if (pinnedAgents.size > PINNED_AGENTS_MAX) {
    const [oldest, old] = pinnedAgents.entries().next().value!;
    pinnedAgents.delete(oldest);
    void old.close();
  }
  return agent;
}

/**
 * Posts statements to `<endpoint>/statements` as one JSON array with Basic authentication. A
 * duplicate id is the LRS telling us it already has the statement: 409 for one statement counts
 * as stored, as 200 and 204 do.
 */
export function httpLrsClient(
  options: {
    timeoutMs?: number;
    fetch?: LrsFetch;
    /** Local mode posts to a stand-in on this machine; elsewhere the LRS's host must resolve to public addresses only. */
    allowPrivate?: boolean;
    lookup?: (host: string) => Promise<readonly { address: string }[]>;
    /** Checked at each send too: an endpoint saved before the deployment narrowed its list waits, it is not sent. */
    allowList?: LrsAllowList;
  } = {},
): LrsClient {
  const doFetch: LrsFetch = options.fetch ?? (undiciFetch as unknown as LrsFetch);
  const timeoutMs = options.timeoutMs ?? 15_000;
  const lookup = options.lookup ?? ((host: string) => dns.lookup(host, { all: true }));
  return {
    async send(settings, statements) {
      const refused = options.allowList && endpointRefusal(settings.endpoint, options.allowList);
      if (refused) return { kind: 'retry', message: refused };
      // Checked at each send, not only when saved: a name can be pointed somewhere else later.
      const host = new URL(settings.endpoint).hostname.replace(/^\[|\]$/g, '');
      let addresses: readonly { address: string }[];
      try {
        addresses = isIP(host) ? [{ address: host }] : await lookup(host);
      } catch (error) {
        return { kind: 'retry', message: `could not find the LRS's address: ${(error as Error).message}` };
      }
      if (addresses.length === 0) return { kind: 'retry', message: `could not find the LRS's address: ${host} has none` };
      if (!options.allowPrivate && addresses.some((a) => isPrivateAddress(a.address))) {
        return {
          kind: 'rejected',
          message: `the LRS's address (${host}) leads to this machine or a private network, where Learning Loop does not post`,
        };
      }
      let res: Awaited<ReturnType<LrsFetch>>;
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
          dispatcher: pinnedTo(addresses[0]!.address),
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
      const wait = retryAfterMs(res.headers.get('retry-after'));
      return { kind: 'retry', message, ...(wait ? { retryAfterMs: wait } : {}) };
    },
  };
}
