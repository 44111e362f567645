import { describe, expect, it } from 'vitest';
import { ApiFailure, apiClient, fetchDemoIdentities, type Fetch } from './api-client.js';

interface Seen {
  url: string;
  headers: Record<string, string>;
}

function fakeFetch(status: number, body: unknown, seen: Seen[] = [], statusText = ''): Fetch {
  return async (url, init) => {
    seen.push({ url, headers: (init?.headers ?? {}) as Record<string, string> });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, statusText });
  };
}

const local = { kind: 'local', tenantId: 't1', userId: 'u1' } as const;

/** A refusal as the service words it (RFC 9457); `errors` as sent, well-formed or not. */
function problem(status: number, code: string, detail: string, errors: unknown[] = []) {
  return { type: `tag:learning-loop,2026:problem/${code}`, title: 'Refused', status, detail, code, errors };
}

describe('apiClient', () => {
  it('names the demo identity in local mode and sends the Teams token inside Teams', async () => {
    const seen: Seen[] = [];
    await apiClient(local, fakeFetch(200, {}, seen)).get('/api/v1/me');
    await apiClient({ kind: 'sso', getToken: async () => 'tok' }, fakeFetch(200, {}, seen)).get('/api/v1/me');
    expect(seen[0]?.headers).toMatchObject({ 'x-local-tenant-id': 't1', 'x-local-user-id': 'u1' });
    expect(seen[0]?.headers).not.toHaveProperty('authorization');
    expect(seen[1]?.headers).toMatchObject({ authorization: 'Bearer tok' });
    expect(seen[1]?.headers).not.toHaveProperty('x-local-user-id');
  });

  it('returns the parsed body on success', async () => {
    const me = await apiClient(local, fakeFetch(200, { displayName: 'Ada' })).get<{ displayName: string }>('/api/v1/me');
    expect(me.displayName).toBe('Ada');
  });

  it('reports the problem’s own detail, code and status', async () => {
    const client = apiClient(local, fakeFetch(400, problem(400, 'invalid_request', 'Invalid query: limit too big')));
    const failure = await client.get('/api/v1/me/entries').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure).toMatchObject({ status: 400, code: 'invalid_request', message: 'Invalid query: limit too big' });
  });

  it('falls back to the status text when the error body is not ours', async () => {
    const client = apiClient(local, fakeFetch(503, '<html>down</html>', [], 'Service Unavailable'));
    await expect(client.get('/x')).rejects.toMatchObject({ status: 503, message: 'Service Unavailable' });
  });

  it('explains a network failure, a non-JSON success and a failed Teams sign-in', async () => {
    const offline = apiClient(local, async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(offline.get('/x')).rejects.toMatchObject({ status: 0, message: /could not be reached/ });
    await expect(apiClient(local, fakeFetch(200, '<!doctype html>')).get('/x')).rejects.toMatchObject({ message: /not JSON/ });
    const noToken = apiClient({ kind: 'sso', getToken: async () => Promise.reject(new Error('consent_required')) }, fakeFetch(200, {}));
    await expect(noToken.get('/x')).rejects.toMatchObject({ status: 0, message: 'Teams could not sign you in (consent_required).' });
  });

  it('reads a file as the text the service sent, and fails on an error like any call', async () => {
    const seen: Seen[] = [];
    expect(await apiClient(local, fakeFetch(200, 'id,what\r\n', seen)).getText('/api/v1/me/export.csv')).toBe('id,what\r\n');
    expect(seen[0]?.headers).toMatchObject({ accept: '*/*', 'x-local-user-id': 'u1' });
    await expect(apiClient(local, fakeFetch(503, problem(503, 'unavailable', 'Storage is down'))).getText('/x')).rejects.toMatchObject({
      status: 503,
      message: 'Storage is down',
    });
  });

  it('sends a DELETE’s body as JSON when it has one', async () => {
    const sent: RequestInit[] = [];
    const fetchImpl: Fetch = async (_url, init) => {
      sent.push(init ?? {});
      return new Response(null, { status: 204 });
    };
    await apiClient(local, fetchImpl).remove('/api/v1/me', { confirm: 'erase my data' });
    await apiClient(local, fetchImpl).remove('/api/v1/me/entries/e1');
    expect(sent[0]).toMatchObject({
      method: 'DELETE',
      body: '{"confirm":"erase my data"}',
      headers: expect.objectContaining({ 'content-type': 'application/json' }),
    });
    expect(sent[1]?.body).toBeUndefined();
    expect(sent[1]?.headers).not.toHaveProperty('content-type');
  });

  it('lets an aborted request stay an abort, so a closed page reports nothing', async () => {
    const aborting: Fetch = async () => {
      throw new DOMException('The operation was aborted.', 'AbortError');
    };
    await expect(apiClient(local, aborting).get('/x')).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('fetchDemoIdentities', () => {
  it('lists the demo people, and fails with the status when the service is not in local mode', async () => {
    const people = [{ tenantId: 't1', userId: 'u1', displayName: 'Ada' }];
    expect(await fetchDemoIdentities(fakeFetch(200, { identities: people }))).toEqual(people);
    const production = fakeFetch(404, problem(404, 'not_found', 'No such API route.'));
    await expect(fetchDemoIdentities(production)).rejects.toMatchObject({ status: 404 });
  });
});

describe('apiClient writes', () => {
  it('sends JSON with the method and credentials, and keeps the fields a problem names on failure', async () => {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    const fetchImpl: Fetch = async (url, init) => {
      calls.push({ url, init });
      if (init?.method === 'DELETE') return new Response(null, { status: 204 });
      const refused = problem(400, 'invalid_entry', 'Invalid entry', [{ field: 'minutes', message: 'Too many' }, { field: 7 }]);
      return new Response(JSON.stringify(refused), { status: 400, headers: { 'content-type': 'application/problem+json' } });
    };
    const client = apiClient(local, fetchImpl);
    await client.remove('/api/v1/me/entries/abc');
    const failure = await client.send('PATCH', '/api/v1/me/entries/abc', { minutes: 9999 }).catch((e: unknown) => e);
    await client.send('POST', '/api/v1/me/goals', { what: 'Rust' }).catch(() => undefined);
    expect(calls.map((c) => c.init?.method)).toEqual(['DELETE', 'PATCH', 'POST']);
    expect(calls[2]?.init?.body).toBe('{"what":"Rust"}');
    expect(calls[1]?.init?.body).toBe('{"minutes":9999}');
    expect(calls[1]?.init?.headers).toMatchObject({ 'content-type': 'application/json', 'x-local-user-id': 'u1' });
    expect(failure).toBeInstanceOf(ApiFailure);
    // Only well-formed field problems are kept.
    expect((failure as ApiFailure).errors).toEqual([{ field: 'minutes', message: 'Too many' }]);
  });
});
