import { fork } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { scripted } from './connector-model.js';
import { startTeamsConnector, type TeamsConnector, type TeamsConnectorOptions } from './teams-connector.js';

const started: TeamsConnector[] = [];
afterEach(async () => {
  for (const c of started.splice(0)) await c.stop();
});

async function connector(options: TeamsConnectorOptions = {}) {
  const c = await startTeamsConnector(options);
  started.push(c);
  return c;
}

const call = async (c: TeamsConnector, method: string, path: string, body: object) => {
  const response = await fetch(new URL(path, c.serviceUrl), {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as Record<string, unknown>,
  };
};
const card = (title: string) => ({
  type: 'message',
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', body: [{ text: title }] } }],
});

/**
 * Connects to the port it is told, then at the time it is told (ms since the epoch) writes one
 * request to the socket in one synchronous write, and tells when the write had returned: by then the
 * request is in the receiving side's kernel, whatever its event loop is doing.
 */
const SENDER = `
const net = require('node:net');
process.on('message', ({ port, path, at }) => {
  const socket = net.connect(port, '127.0.0.1', () => setTimeout(() => {
    const body = JSON.stringify({ type: 'message', text: 'hi' });
    socket.write('POST ' + path + ' HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nContent-Type: application/json\\r\\nContent-Length: ' + Buffer.byteLength(body) + '\\r\\nConnection: close\\r\\n\\r\\n' + body);
    process.send(Date.now());
  }, Math.max(0, at - Date.now())));
  socket.on('error', () => {});
  socket.resume();
});
process.send('ready');
`;

describe('the Teams connector stand-in over HTTP', () => {
  it('creates a member’s personal conversation, sends to it and updates a card in it, each recorded with its tenant', async () => {
    const c = await connector();
    const created = await call(c, 'POST', 'v3/conversations', {
      isGroup: false,
      members: [{ id: '29:learner-7' }],
      tenantId: 'tenant-a',
      channelData: { tenant: { id: 'tenant-a' } },
    });
    expect(created).toMatchObject({ status: 201, body: { id: 'a:learner-7' } });
    const sent = await call(c, 'POST', 'v3/conversations/a%3Alearner-7/activities', card('check-in'));
    expect(sent.status).toBe(200);
    const activityId = String(sent.body.id);
    const reply = await call(c, 'POST', `v3/conversations/a%3Alearner-7/activities/${activityId}`, card('reply'));
    expect(reply.status).toBe(200);
    const updated = await call(c, 'PUT', `v3/conversations/a%3Alearner-7/activities/${activityId}`, card('check-in, answered'));
    expect(updated).toMatchObject({ status: 200, body: { id: activityId } });

    expect(c.log.map((r) => [r.kind, r.tenantId, r.conversationId, r.status])).toEqual([
      ['create', 'tenant-a', 'a:learner-7', 201],
      ['send', 'tenant-a', 'a:learner-7', 200],
      ['send', 'tenant-a', 'a:learner-7', 200],
      ['update', 'tenant-a', 'a:learner-7', 200],
    ]);
    expect(c.accepted.map((a) => [a.kind, a.activityId])).toEqual([
      ['send', activityId],
      ['send', expect.any(String)],
      ['update', activityId],
    ]);
  });

  it('reads the tenant from the activity’s conversation, as a stored reference carries it', async () => {
    const c = await connector();
    await call(c, 'POST', 'v3/conversations/a%3Ax/activities', { ...card('hi'), conversation: { id: 'a:x', tenantId: 'tenant-b' } });
    expect(c.stats.tenants.get('tenant-b')).toEqual({ requests: 1, maxRequestsInOneSecond: 1 });
  });

  it('knows a request its stalled loop got to late arrived earlier, from before the loop stalled', async () => {
    const c = await connector();
    const port = Number(new URL(c.serviceUrl).port);
    // A sender in a process of its own, so it sends while this loop (the connector's) is stalled.
    const sender = fork('-e', [SENDER], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] } as never);
    await once(sender, 'message');
    // A sender starved past the stall has nothing to show: try again.
    for (let attempt = 1; attempt <= 3; attempt++) {
      c.log.length = 0;
      const writeAt = Date.now() + 150;
      sender.send({ port, path: `/v3/conversations/a%3Astalled-${attempt}/activities`, at: writeAt });
      await new Promise((resolve) => setTimeout(resolve, 75)); // connected and accepted
      const stallEnds = writeAt + 600;
      while (Date.now() < stallEnds); // the loop stalls, as on a busy machine
      const [writtenBy] = (await once(sender, 'message')) as [number];
      for (const giveUpAt = Date.now() + 5_000; c.log.length === 0 && Date.now() < giveUpAt;) await new Promise((r) => setTimeout(r, 10));
      if (writtenBy >= stallEnds && attempt < 3) continue;
      sender.kill();
      expect(writtenBy, 'the sender wrote while the loop was stalled').toBeLessThan(stallEnds);
      const [request] = c.log;
      expect(request!.at).toBeGreaterThanOrEqual(stallEnds);
      expect(request!.earliest).toBeLessThanOrEqual(writtenBy);
      return;
    }
  });

  it('answers as scripted, with Teams’ headers and error codes', async () => {
    const c = await connector();
    const until = new Date(Math.ceil((Date.now() + 60_000) / 1000) * 1000);
    c.script(scripted.throttled(4));
    c.script(scripted.throttledUntil(until));
    c.script(scripted.serverError(502));
    c.script(scripted.blocked());
    c.script(scripted.notFound());
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await call(c, 'POST', 'v3/conversations/a%3Ay/activities', card(`n${i}`)));
    expect(answers.map((a) => [a.status, a.retryAfter, (a.body.error as { code?: string } | undefined)?.code])).toEqual([
      [429, '4', 'Throttled'],
      [429, until.toUTCString(), 'Throttled'],
      [502, null, 'ServiceError'],
      [403, null, 'MessageWritesBlocked'],
      [404, null, 'ConversationNotFound'],
      [200, null, undefined],
    ]);
    expect(c.accepted).toHaveLength(1);
  });

  it('answers 429 with Retry-After over a conversation’s limit', async () => {
    const c = await connector();
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => call(c, 'POST', 'v3/conversations/a%3Az/activities', card(`n${i}`))),
    );
    expect(answers.filter((a) => a.status === 429).map((a) => a.retryAfter)).toEqual(['1']);
    expect(c.stats).toMatchObject({ throttledOverLimit: 1, conversationViolations: 1, accepted: 7 });
  });

  it('knows a card sent twice to one conversation as a duplicate', async () => {
    const c = await connector();
    await call(c, 'POST', 'v3/conversations/a%3Ad/activities', card('check-in w48'));
    await call(c, 'POST', 'v3/conversations/a%3Ad/activities', card('nudge'));
    expect(c.stats.duplicates).toBe(0);
    await call(c, 'POST', 'v3/conversations/a%3Ad/activities', card('check-in w48'));
    expect(c.stats.duplicates).toBe(1);
  });

  it('answers no sooner than the latency’s lower bound, counting the request when it arrived', async () => {
    const c = await connector({ latencyMs: [120, 150] });
    const answer = await call(c, 'POST', 'v3/conversations/a%3Al/activities', card('slow'));
    const answeredAt = Date.now();
    expect(answer.status).toBe(200);
    // Timers may fire a millisecond early.
    expect(answeredAt - c.log[0]!.at).toBeGreaterThanOrEqual(119);
  });
});
