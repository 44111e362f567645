import { pino } from 'pino';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ConversationStore } from '../store/conversation-store.js';
import { DueIndexStore } from '../store/due-index-store.js';
import { EntryStore } from '../store/entry-store.js';
import { SendStore, type SendRecord } from '../store/send-store.js';
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

  /**
   * Works the queue until `done` holds: the outcome is decided by what happened, not by how long
   * the machine took. The timeout is only a backstop, and says what never happened.
   */
  async function drainUntil(workers: SendWorker[], done: (handled: number) => boolean | Promise<boolean>, what: string): Promise<void> {
    let handled = 0;
    await expect
      .poll(
        async () => {
          for (const n of await Promise.all(workers.map((w) => w.drainOnce()))) handled += n;
          return done(handled);
        },
        { timeout: 15_000, interval: 50, message: `waiting until ${what}` },
      )
      .toBe(true);
  }
  const statusOf = async (userId: string, kind: SendWork['kind'] = 'checkin') =>
    (await sends.get(tenantId, userId, '2026-W48', kind))?.status;

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
    await drainUntil(
      [worker],
      async () => (await statusOf('u1')) === 'sent' && (await statusOf('u2', 'reminder')) === 'sent',
      'both are sent',
    );
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
    // The message comes back once its Retry-After has passed.
    await drainUntil([worker], async () => (await statusOf('u1')) === 'sent', 'the retry is sent');
    expect(messenger.delivered).toEqual(['u1']);
    expect(await sends.get(tenantId, 'u1', '2026-W48', 'checkin')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('parks a send that keeps failing where it can be seen, and stops retrying', async () => {
    const failure: SendOutcome = { kind: 'transient', status: 503, message: 'unavailable' };
    const messenger = new ScriptedMessenger({ u2: [failure, failure, failure, failure] });
    const worker = new SendWorker({ ...deps, messenger });
    await deps.queue.send(work('u2'));
    await drainUntil([worker], async () => (await statusOf('u2')) === 'failed', 'the send is parked');
    expect(messenger.delivered).toEqual([]);
    expect(await sends.get(tenantId, 'u2', '2026-W48', 'checkin')).toMatchObject({ status: 'failed', failures: 3 });
    const parked = await deps.poison.receive(5, 5);
    expect(parked.map((m) => m.body)).toEqual([{ ...work('u2'), reason: expect.stringContaining('503') }]);
    // Nothing is left to retry it.
    expect(await deps.queue.receive(5, 1)).toHaveLength(0);
  });

  it('records a stale conversation or a blocked app once, without retrying', async () => {
    const messenger = new ScriptedMessenger({
      u1: [{ kind: 'stale', message: 'conversation not found' }],
      u2: [{ kind: 'blocked', message: 'MessageWritesBlocked' }],
    });
    const worker = new SendWorker({ ...deps, messenger });
    await deps.queue.send(work('u1'));
    await deps.queue.send(work('u2'));
    await drainUntil(
      [worker],
      async () => (await statusOf('u1')) === 'stale' && (await statusOf('u2')) === 'blocked',
      'both outcomes are recorded',
    );
    expect(await sends.get(tenantId, 'u1', '2026-W48', 'checkin')).toMatchObject({ status: 'stale', attempts: 1 });
    expect(await sends.get(tenantId, 'u2', '2026-W48', 'checkin')).toMatchObject({ status: 'blocked', attempts: 1 });
    expect(await deps.queue.receive(5, 1)).toHaveLength(0);
  });

  it('sends once when the same work is queued several times and two workers race for it', async () => {
    const messenger = new ScriptedMessenger();
    const a = new SendWorker({ ...deps, messenger });
    const b = new SendWorker({ ...deps, messenger });
    for (let i = 0; i < 4; i++) await deps.queue.send(work('u3'));
    // Each copy handled once decides it: a copy that lost the race for the claim stays hidden for the claim's length.
    await drainUntil([a, b], (handled) => handled >= 4, 'every copy was handled');
    expect(messenger.delivered).toEqual(['u3']);
  });

  it('keeps a send that waits at the pacer longer than its message’s visibility hidden from other workers, and delivers it once', async () => {
    const messenger = new ScriptedMessenger();
    const delay = vi.spyOn(deps.queue, 'delay');
    // A line at the pacer that lasts until the waiting message was hidden again three times (past its 2 s visibility).
    const pacer = deps.pacer;
    const waiting: Pick<OutboundPacer, 'acquire'> = {
      acquire: async (key) => {
        await expect
          .poll(() => delay.mock.calls.length, { timeout: 10_000, interval: 50, message: 'the waiting message was hidden again' })
          .toBeGreaterThanOrEqual(3);
        return pacer.acquire(key);
      },
    };
    const a = new SendWorker({ ...deps, messenger, pacer: waiting, claimSeconds: 2 });
    const b = new SendWorker({ ...deps, messenger, claimSeconds: 2 });
    await deps.queue.send(work('u1'));
    const [message] = await deps.queue.receive(1, 2);
    let handledByB = 0;
    let waited = false;
    const looking = (async () => {
      while (!waited) handledByB += await b.drainOnce();
    })();
    // Deleting it with a pop receipt that is no longer its own would reject here.
    await a.handle(message!).finally(() => (waited = true));
    await looking;
    expect(handledByB).toBe(0);
    expect(messenger.delivered).toEqual(['u1']);
    expect(await statusOf('u1')).toBe('sent');
  });

  it('keeps a send claimed while it is on its way past its claim’s length, so a copy received elsewhere meanwhile is not sent again', async () => {
    // The workers' clock is moved on by hand past the claim as first taken; the claim's renewals run
    // on real timers every 2/3 s and read the same clock.
    let ahead = 0;
    const clock = () => new Date(Date.now() + ahead);
    const record = () => sends.get(tenantId, 'u1', '2026-W48', 'checkin');
    const b = new SendWorker({ ...deps, clock, messenger: new ScriptedMessenger(), claimSeconds: 2 });
    let handledByB = 0;
    const slow: Messenger = {
      // A first contact waiting for its second slot behind a tenant held back by Teams: long past the claim.
      send: async (target, message) => {
        const claimed = new Date((await record())!.claimedUntil!).getTime();
        ahead = claimed + 1_000 - Date.now();
        await expect
          .poll(async () => new Date((await record())!.claimedUntil!).getTime() > clock().getTime(), {
            timeout: 10_000,
            message: 'the claim was extended past the moved clock',
          })
          .toBe(true);
        // The scheduler queues the same work again; another worker receives that copy now.
        await deps.queue.send(work('u1'));
        await expect.poll(async () => (handledByB += await b.drainOnce()), { timeout: 10_000 }).toBeGreaterThan(0);
        return scripted.send(target, message);
      },
    };
    const scripted = new ScriptedMessenger();
    const a = new SendWorker({ ...deps, clock, messenger: slow, claimSeconds: 2 });
    await deps.queue.send(work('u1'));
    const [message] = await deps.queue.receive(1, 2);
    await a.handle(message!);

    expect(handledByB).toBe(1);
    expect(scripted.delivered).toEqual(['u1']);
    expect(await record()).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('settles a send whose claim renewal landed without its answer, instead of leaving it claimed to be sent again', async () => {
    // The first renewal is written but its answer never arrives (the SDK's retry then finds the ETag changed).
    const update = sends.update.bind(sends);
    let lostAnswers = 0;
    const flaky = Object.assign(Object.create(sends) as SendStore, {
      update: async (r: SendRecord, changes: Parameters<SendStore['update']>[1]) => {
        const written = await update(r, changes);
        if (changes.claimedUntil && !changes.status && lostAnswers++ === 0) throw new Error('socket hang up');
        return written;
      },
    });
    const renewed = () => expect.poll(() => lostAnswers, { timeout: 10_000, message: 'a renewal was written' }).toBeGreaterThan(1);
    const messenger: Messenger = { send: async () => (await renewed(), { kind: 'sent', activityId: 'a-1' }) };
    const worker = new SendWorker({ ...deps, sends: flaky, messenger, claimSeconds: 2 });
    await deps.queue.send(work('u1'));
    const [message] = await deps.queue.receive(1, 2);
    await worker.handle(message!);
    expect(await sends.get(tenantId, 'u1', '2026-W48', 'checkin')).toMatchObject({ status: 'sent', attempts: 1, activityId: 'a-1' });
  });

  // The scheduler may queue the same work again (it enqueues on every pass over a minute): a
  // settled send must not go out again. Driven message by message, so nothing depends on timing.
  const settledAs: Array<[string, SendOutcome | undefined, number, SendRecord['status']]> = [
    ['sent', undefined, 0, 'sent'],
    ['blocked (403)', { kind: 'blocked', message: 'MessageWritesBlocked' }, 0, 'blocked'],
    // One failure short of being parked, so this one parks it.
    ['parked after its last allowed failure', { kind: 'transient', status: 503, message: 'unavailable' }, 2, 'failed'],
    ['found stale (404)', { kind: 'stale', message: 'conversation not found' }, 0, 'stale'],
  ];
  it.each(settledAs)('delivers nothing more when the same work comes back after it was %s', async (_, answer, failuresBefore, status) => {
    const messenger = new ScriptedMessenger({ u1: answer ? [answer] : [] });
    const worker = new SendWorker({ ...deps, messenger });
    const queueAndHandle = async () => {
      await deps.queue.send(work('u1'));
      const [message] = await deps.queue.receive(1, 30);
      if (!message) throw new Error('the queue was empty');
      await worker.handle(message);
    };
    const record = async () => sends.get(tenantId, 'u1', '2026-W48', 'checkin');
    await sends.update((await record())!, { failures: failuresBefore });

    await queueAndHandle();
    const settled = await record();
    expect(settled?.status).toBe(status);
    const delivered = [...messenger.delivered];
    expect(delivered).toEqual(status === 'sent' ? ['u1'] : []);
    const parked = status === 'failed' ? 1 : 0;

    await queueAndHandle();
    expect(messenger.delivered).toEqual(delivered);
    expect(await record()).toMatchObject({ status, attempts: settled?.attempts });
    expect(await deps.queue.receive(5, 1)).toHaveLength(0);
    expect(await deps.poison.receive(5, 1)).toHaveLength(parked);
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
