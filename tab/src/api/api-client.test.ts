import { describe, expect, it } from 'vitest';
import { ApiFailure, apiClient, type Fetch } from './api-client.js';

function fakeFetch(status: number, body: unknown, seen: Array<{ url: string; headers: Record<string, string> }> = []): Fetch {
  return async (url, init) => {
    seen.push({ url, headers: (init?.headers ?? {}) as Record<string, string> });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, statusText: status === 503 ? 'Service Unavailable' : 'OK' });
  };
}

describe('apiClient', () => {
  it('sends the demo identity in local mode and the SSO token in Teams', async () => {
    const seen: Array<{ url: string; headers: Record<string, string> }> = [];
    await apiClient({ kind: 'local', tenantId: 't', userId: 'u' }, fakeFetch(200, {}, seen)).get('/api/v1/me');
    await apiClient({ kind: 'sso', getToken: async () => 'tok' }, fakeFetch(200, {}, seen)).get('/api/v1/me');
    expect(seen[0]?.headers).toMatchObject({ 'x-local-tenant-id': 't', 'x-local-user-id': 'u' });
    expect(seen[1]?.headers).toMatchObject({ authorization: 'Bearer tok' });
  });

  it('reports the service’s own error message and status', async () => {
    const client = apiClient({ kind: 'local', tenantId: 't', userId: 'u' }, fakeFetch(400, { error: { code: 'x', message: 'Invalid query: limit too big' } }));
    await expect(client.get('/api/v1/me/entries')).rejects.toEqual(new ApiFailure(400, 'Invalid query: limit too big'));
  });

  it('falls back to the status text when the body is not JSON, and explains a network failure', async () => {
    const client = apiClient({ kind: 'local', tenantId: 't', userId: 'u' }, fakeFetch(503, '<html>down</html>'));
    await expect(client.get('/x')).rejects.toMatchObject({ status: 503, message: 'Service Unavailable' });
    const offline = apiClient({ kind: 'local', tenantId: 't', userId: 'u' }, async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(offline.get('/x')).rejects.toMatchObject({ status: 0, message: /could not be reached/ });
  });
});
