import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConversationStore } from '../store/conversation-store.js';
import { DueIndexStore } from '../store/due-index-store.js';
import { EntryStore } from '../store/entry-store.js';
import { SendStore } from '../store/send-store.js';
import { TeamStore } from '../store/team-store.js';
import { UserStore } from '../store/user-store.js';
import { WorkQueue, queueClient } from '../store/work-queue.js';
import { freshTestStorage } from '../testing/test-storage.js';
import type { Messenger, ProactiveTarget, SendOutcome } from './messenger.js';
import type { OutboundMessage } from './outbound-message.js';
import type { SendWork } from './send-work.js';
import { SendWorker } from './send-worker.js';
import { LocalSendBudget } from './local-send-budget.js';
import { OutboundPacer } from './outbound-pacer.js';
import { LeadNotices, leadNoticeCycle } from './lead-notices.js';
import { scheduledCardId } from './scheduled-card-id.js';

const tenantId = 't1';
const work = (userId: string): SendWork => ({ kind: 'checkin', tenantId, userId, cycle: '2026-W48', teamId: 'team' });

/** Answers each send with the next scripted outcome (then "sent"), recording who it reached. */
class ScriptedMessenger implements Messenger {
  readonly delivered: string[] = [];
  readonly messages: Array<{ target: ProactiveTarget; message: OutboundMessage }> = [];
  constructor(private readonly script: Record<string, SendOutcome[]> = {}) {}
  async send(target: ProactiveTarget, message: OutboundMessage): Promise<SendOutcome> {
    const next = this.script[target.userId]?.shift();
    if (next) return next;
    this.delivered.push(target.userId);
    this.messages.push({ target, message });
    return { kind: 'sent', activityId: `a-${this.delivered.length}` };
  }
}

describe('SendWorker (Azurite)', () => {
  let deps: Omit<ConstructorParameters<typeof SendWorker>[0], 'messenger'>;
  let sends: SendStore;

  beforeEach(async () => {
    const { storage, tables } = await freshTestStorage();
    sends = new SendStore(tables.sends);
    const queue = new WorkQueue<SendWork>(queueClient(storage, 'sends'));
    const poison = new WorkQueue<SendWork & { reason: string }>(queueClient(storage, 'poison'));
    await Promise.all([queue.create(), poison.create()]);
    const users = new UserStore(tables.users);
    const conversations = new ConversationStore(tables.conversations);
    for (const userId of ['u1', 'u2', 'u3']) {
      await users.upsert({ tenantId, userId, displayName: userId, teamsUserId: `29:${userId}`, updatedAt: new Date().toISOString() });
      await conversations.save({
        tenantId,
        scope: 'personal',
        ownerId: userId,
        conversationId: `a:${userId}`,
        serviceUrl: 'http://127.0.0.1:9/',
        reference: '{}',
        updatedAt: new Date().toISOString(),
      });
      await sends.createIfAbsent({ ...work(userId), dueAt: new Date().toISOString() });
    }
    deps = {
      queue,
      poison,
      sends,
      entries: new EntryStore(tables.entries),
      dueIndex: new DueIndexStore(tables.dueIndex),
      users,
      teams: new TeamStore(tables.teams, tables.memberships),
      conversations,
      clock: () => new Date(),
      logger: pino({ level: 'silent' }),
      pacer: new OutboundPacer({ budget: new LocalSendBudget(1000) }),
      maxAttempts: 3,
      random: () => 0,
    };
  });

  async function drainFor(worker: SendWorker, ms: number): Promise<void> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if ((await worker.drainOnce()) === 0) await new Promise((r) => setTimeout(r, 200));
    }
  }

  it('sends the cycle’s check-in and its reminder as data, to be said in the language the learner last used', async () => {
    await deps.users.upsert({
      tenantId,
      userId: 'u1',
      displayName: 'u1',
      teamsUserId: '29:u1',
      locale: 'es-ES',
      updatedAt: new Date().toISOString(),
    });
    await sends.createIfAbsent({ ...work('u2'), kind: 'reminder', dueAt: new Date().toISOString() });
    const messenger = new ScriptedMessenger();
    const worker = new SendWorker({ ...deps, messenger });
    await deps.queue.send(work('u1'));
    await deps.queue.send({ ...work('u2'), kind: 'reminder' });
    await drainFor(worker, 1000);
    const cardId = (userId: string) => scheduledCardId(tenantId, userId, '2026-W48');
    expect(messenger.messages).toEqual(
      expect.arrayContaining([
        {
          target: expect.objectContaining({ userId: 'u1', locale: 'es-ES' }),
          message: { kind: 'check-in', cardId: cardId('u1'), cycle: '2026-W48', shareWith: [{ teamId: 'team', name: '' }] },
        },
        {
          target: expect.objectContaining({ userId: 'u2' }),
          message: { kind: 'reminder', cardId: cardId('u2'), cycle: '2026-W48', shareWith: [{ teamId: 'team', name: '' }] },
        },
      ]),
    );
    expect(messenger.messages).toHaveLength(2);
  });

  it('retries a throttled send after its Retry-After, delivering it once', async () => {
    const messenger = new ScriptedMessenger({ u1: [{ kind: 'throttled', retryAfterMs: 1000 }] });
    const worker = new SendWorker({ ...deps, messenger });
    await deps.queue.send(work('u1'));
    await worker.drainOnce();
    expect(messenger.delivered).toEqual([]);
    expect(await sends.get(tenantId, 'u1', '2026-W48', 'checkin')).toMatchObject({
      status: 'pending',
      lastError: expect.stringContaining('429'),
    });
    await drainFor(worker, 2500);
    expect(messenger.delivered).toEqual(['u1']);
    expect(await sends.get(tenantId, 'u1', '2026-W48', 'checkin')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('parks a send that keeps failing where it can be seen, and stops retrying', async () => {
    const failure: SendOutcome = { kind: 'transient', status: 503, message: 'unavailable' };
    const messenger = new ScriptedMessenger({ u2: [failure, failure, failure, failure] });
    const worker = new SendWorker({ ...deps, messenger });
    await deps.queue.send(work('u2'));
    await drainFor(worker, 4500);
    expect(messenger.delivered).toEqual([]);
    expect(await sends.get(tenantId, 'u2', '2026-W48', 'checkin')).toMatchObject({ status: 'failed', failures: 3 });
    const parked = await deps.poison.receive(5, 5);
    expect(parked.map((m) => m.body)).toEqual([{ ...work('u2'), reason: expect.stringContaining('503') }]);
  });

  it('records a stale conversation or a blocked app once, without retrying', async () => {
    const messenger = new ScriptedMessenger({
      u1: [{ kind: 'stale', message: 'conversation not found' }],
      u2: [{ kind: 'blocked', message: 'MessageWritesBlocked' }],
    });
    const worker = new SendWorker({ ...deps, messenger });
    await deps.queue.send(work('u1'));
    await deps.queue.send(work('u2'));
    await drainFor(worker, 1500);
    expect(await sends.get(tenantId, 'u1', '2026-W48', 'checkin')).toMatchObject({ status: 'stale', attempts: 1 });
    expect(await sends.get(tenantId, 'u2', '2026-W48', 'checkin')).toMatchObject({ status: 'blocked', attempts: 1 });
    expect(await deps.queue.receive(5, 1)).toHaveLength(0);
  });

  it('sends once when the same work is queued several times and two workers race for it', async () => {
    const messenger = new ScriptedMessenger();
    const a = new SendWorker({ ...deps, messenger });
    const b = new SendWorker({ ...deps, messenger });
    for (let i = 0; i < 4; i++) await deps.queue.send(work('u3'));
    await Promise.all([drainFor(a, 1500), drainFor(b, 1500)]);
    expect(messenger.delivered).toEqual(['u3']);
  });

  it('delivers nothing more when the same work comes back after it was sent, blocked or parked', async () => {
    const failure: SendOutcome = { kind: 'transient', status: 503, message: 'unavailable' };
    const messenger = new ScriptedMessenger({ u2: [{ kind: 'blocked', message: 'MessageWritesBlocked' }], u3: [failure] });
    const worker = new SendWorker({ ...deps, messenger });
    const nextMessage = async () => {
      const [message] = await deps.queue.receive(1, 30);
      if (!message) throw new Error('the queue was empty');
      return message;
    };
    // One failure short of being parked, so the next one parks it.
    const u3 = await sends.get(tenantId, 'u3', '2026-W48', 'checkin');
    await sends.update(u3!, { failures: 2 });
    for (const userId of ['u1', 'u2', 'u3']) {
      await deps.queue.send(work(userId));
      await worker.handle(await nextMessage());
    }
    expect(messenger.delivered).toEqual(['u1']);
    expect((await Promise.all(['u1', 'u2', 'u3'].map((u) => sends.get(tenantId, u, '2026-W48', 'checkin')))).map((r) => r?.status)).toEqual(
      ['sent', 'blocked', 'failed'],
    );
    // The scheduler may queue the same work again (it enqueues on every pass over a minute).
    for (const userId of ['u1', 'u2', 'u3']) {
      await deps.queue.send(work(userId));
      await worker.handle(await nextMessage());
    }
    expect(messenger.delivered).toEqual(['u1']);
    expect(await deps.queue.receive(5, 1)).toHaveLength(0);
  });

  it('tells the team’s other members who became its lead and since when they see their entries; not once that lead stepped back', async () => {
    const { teams } = deps;
    const joinedAt = (n: number) => `2026-11-0${n}T09:00:00.000Z`;
    for (const [n, role] of [
      [1, 'lead'],
      [2, 'member'],
      [3, 'member'],
    ] as const) {
      await teams.upsertMember({
        tenantId,
        teamId: 'team',
        userId: `u${n}`,
        teamsUserId: `29:u${n}`,
        displayName: `Person ${n}`,
        role,
        joinedAt: joinedAt(n),
      });
    }
    await teams.createSettingsIfAbsent({
      tenantId,
      teamId: 'team',
      name: 'Alpha',
      schedule: null,
      sharesChannelId: null,
      updatedBy: null,
      updatedAt: joinedAt(1),
    });
    let now = new Date('2026-11-10T10:00:00.000Z');
    const notices = new LeadNotices({ teams, sends, queue: deps.queue, clock: () => now });
    const messenger = new ScriptedMessenger();
    const worker = new SendWorker({ ...deps, messenger });
    // The check-ins queued for everyone at setup go first.
    while ((await worker.drainOnce()) > 0);
    messenger.messages.length = 0;

    expect(await notices.announce(tenantId, 'team', 'u1')).toBe(2);
    expect(await notices.announce(tenantId, 'team', 'u1')).toBe(0);
    while ((await worker.drainOnce()) > 0);
    expect(messenger.messages.map((m) => [m.target.userId, m.message]).sort()).toEqual(
      [
        ['u2', { kind: 'lead-notice', leadName: 'Person 1', teamName: 'Alpha', joinedAt: joinedAt(2) }],
        ['u3', { kind: 'lead-notice', leadName: 'Person 1', teamName: 'Alpha', joinedAt: joinedAt(3) }],
      ].sort(),
    );

    now = new Date('2026-11-11T10:00:00.000Z');
    await notices.announce(tenantId, 'team', 'u1');
    await teams.setRole(tenantId, 'team', 'u1', 'member');
    while ((await worker.drainOnce()) > 0);
    expect(messenger.messages).toHaveLength(2);
    const cycle = leadNoticeCycle('u1', now.toISOString());
    // The records sit in the readers' partitions: they name no lead, so erasing the lead leaves nothing there.
    expect(cycle).not.toContain('u1');
    expect((await sends.get(tenantId, 'u2', cycle, 'lead-notice'))?.status).toBe('skipped');
  });
});
