import { describe, expect, it } from 'vitest';
import { startConnectorProcess } from './connector-process.js';

const post = (serviceUrl: string, path: string, body: object) =>
  fetch(new URL(path, serviceUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const card = (text: string) => ({
  type: 'message',
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', body: [{ text }] } }],
});

describe('the Teams connector stand-in in a process of its own', () => {
  it('counts the conversations sent each marked card as they come, and hands back every request and its limits when finished', async () => {
    const connector = await startConnectorProcess({ options: { defaultTenantId: 'tenant-a' }, markers: { checkIn: 'week 48' } });
    for (const member of ['a', 'b']) {
      const created = await post(connector.serviceUrl, 'v3/conversations', { members: [{ id: `29:${member}` }], tenantId: 'tenant-a' });
      expect(created.status).toBe(201);
      await post(connector.serviceUrl, `v3/conversations/a:${member}/activities`, card('Your check-in, week 48'));
    }
    await post(connector.serviceUrl, 'v3/conversations/a:a/activities', card('Your check-in, week 48'));
    await post(connector.serviceUrl, 'v3/conversations/a:a/activities', card('Something else'));
    await expect.poll(() => connector.progress().marked.checkIn, { timeout: 10_000 }).toBe(2);

    const report = await connector.finish();
    expect(report.log.map((r) => [r.kind, r.conversationId, r.tenantId])).toEqual([
      ['create', 'a:a', 'tenant-a'],
      ['send', 'a:a', 'tenant-a'],
      ['create', 'a:b', 'tenant-a'],
      ['send', 'a:b', 'tenant-a'],
      ['send', 'a:a', 'tenant-a'],
      ['send', 'a:a', 'tenant-a'],
    ]);
    expect(report.marked.checkIn).toEqual({ conversations: ['a:a', 'a:b'], deliveries: 3 });
    expect(report.stats).toMatchObject({ requests: 6, duplicates: 1, maxRequestsInOneSecond: 6, conversationViolations: 0 });
  });
});
