import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import type { LrsSettings } from '../domain/xapi/lrs-settings.js';
import { httpLrsClient, type LrsFetch } from './lrs-client.js';

const settings = (endpoint: string): LrsSettings => ({ endpoint, key: 'k', secret: 's', updatedAt: '2026-11-29T00:00:00Z' });

function client(addresses: string[] | Error, allowPrivate = false) {
  const fetch = vi.fn(async () => new Response(null, { status: 204 }));
  const lookup = vi.fn(async () => {
    if (addresses instanceof Error) throw addresses;
    return addresses.map((address) => ({ address }));
  });
  return { lrs: httpLrsClient({ fetch: fetch as unknown as LrsFetch, lookup, allowPrivate }), fetch, lookup };
}

describe('the LRS client outside local mode', () => {
  it('posts when the host resolves to public addresses only', async () => {
    const { lrs, fetch } = client(['20.42.1.2', '2603:1030::1']);
    expect(await lrs.send(settings('https://lrs.example.com/xapi'), [])).toEqual({ kind: 'stored' });
    expect(fetch).toHaveBeenCalledOnce();
  });

  it.each([
    ['a name pointed at a private network', 'https://lrs.example.com/xapi', ['20.42.1.2', '10.0.0.5']],
    ['a name pointed at this machine', 'https://lrs.example.com/xapi', ['::1']],
    ['the cloud metadata address itself', 'https://169.254.169.254/xapi', []],
    ['a private IPv6 literal', 'https://[fd00::1]/xapi', []],
  ] as const)('refuses %s without posting anything', async (_case, endpoint, addresses) => {
    const { lrs, fetch } = client([...addresses]);
    const outcome = await lrs.send(settings(endpoint), []);
    expect(outcome.kind).toBe('rejected');
    expect('message' in outcome && outcome.message).toContain('private network');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('tries again later when the name does not resolve', async () => {
    const { lrs, fetch } = client(new Error('getaddrinfo ENOTFOUND lrs.example.com'));
    expect(await lrs.send(settings('https://lrs.example.com/xapi'), [])).toMatchObject({ kind: 'retry' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('posts to a stand-in on this machine in local mode', async () => {
    const { lrs, fetch, lookup } = client(['127.0.0.1'], true);
    expect(await lrs.send(settings('http://127.0.0.1:8080/xapi'), [])).toEqual({ kind: 'stored' });
    expect(fetch).toHaveBeenCalledOnce();
    expect(lookup).not.toHaveBeenCalled();
  });
});

describe('the connection the LRS client opens', () => {
  it('goes to the address that was checked, not to a second resolution of the name', async () => {
    const received: string[] = [];
    const server = createServer((req, res) => {
      received.push(`${req.method} ${req.url} ${req.headers.host}`);
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      // The name exists nowhere in DNS: only the pinned address can carry the request to this server.
      const lookup = vi.fn(async () => [{ address: '127.0.0.1' }]);
      const lrs = httpLrsClient({ lookup, allowPrivate: true });
      expect(await lrs.send(settings(`http://lrs.pinned.invalid:${port}/xapi`), [])).toEqual({ kind: 'stored' });
      expect(lookup).toHaveBeenCalledOnce();
      expect(received).toEqual([`POST /xapi/statements lrs.pinned.invalid:${port}`]);
    } finally {
      server.close();
    }
  });

  it('waits as long as a Retry-After date says', async () => {
    const inThirtySeconds = new Date(Date.now() + 30_000).toUTCString();
    const fetch = vi.fn(async () => new Response(null, { status: 503, headers: { 'retry-after': inThirtySeconds } }));
    const lrs = httpLrsClient({ fetch: fetch as unknown as LrsFetch, lookup: async () => [{ address: '20.42.1.2' }] });
    const outcome = await lrs.send(settings('https://lrs.example.com/xapi'), []);
    expect(outcome.kind).toBe('retry');
    const wait = outcome.kind === 'retry' ? (outcome.retryAfterMs ?? 0) : 0;
    expect(wait).toBeGreaterThan(25_000);
    expect(wait).toBeLessThanOrEqual(30_000);
  });
});
