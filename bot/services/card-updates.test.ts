import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_TALLY, type Share } from '../domain/share.js';
import { ShareStore } from '../store/share-store.js';
import { WorkQueue, queueClient } from '../store/work-queue.js';
import { freshTestStorage } from '../testing/test-storage.js';
import { CardUpdates, type CardWork } from './card-updates.js';
import type { SharePublisher } from './share-publisher.js';

const logger = pino({ level: 'silent' });

/** A channel that records every card update, answering when `gate` lets it. */
function recordingChannel(gate: () => Promise<void> = async () => undefined) {
  const updates: Array<{ shareId: string; helpful: number }> = [];
  const publisher: SharePublisher = {
    post: async () => undefined,
    tellPerson: async () => true,
    update: async (_target, message) => {
      await gate();
      if (message.kind === 'share') updates.push({ shareId: message.share.shareId, helpful: message.share.tally.helpful });
      return true;
    },
  };
  return { publisher, updates };
}

/** Waits for `done` to hold, asking again every 50 ms, for up to `ms`. */
async function eventually(done: () => Promise<boolean> | boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('CardUpdates (Azurite)', () => {
  let shares: ShareStore;
  let queue: WorkQueue<CardWork>;
  let share: Share;

  beforeEach(async () => {
    const { storage, tables } = await freshTestStorage();
    shares = new ShareStore(tables.shares);
    queue = new WorkQueue<CardWork>(queueClient(storage, 'share-cards'));
    share = {
      tenantId: 't1',
      teamId: 'team',
      shareId: 'e1',
      sharerId: 'u1',
      sharerName: 'Ada',
      what: 'Reading on DST bugs',
      sourceType: 'article',
      link: null,
      resourceKey: null,
      insight: null,
      action: null,
      sharerRating: null,
      createdAt: new Date().toISOString(),
      withdrawnAt: null,
      channelId: '19:shares@thread.tacv2',
      activityId: 'activity-1',
      tally: EMPTY_TALLY,
    };
    await shares.create(share);
  });

  const setHelpful = async (helpful: number) => {
    const found = await shares.get('t1', 'team', 'e1');
    await shares.writeTally(found!.share, found!.etag, { ...EMPTY_TALLY, helpful });
  };

  it('coalesces a burst on one card, and the card ends showing the latest state', async () => {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    let first = true;
    const channel = recordingChannel(async () => {
      if (first) {
        first = false;
        await opened;
      }
    });
    const cards = new CardUpdates({ shares, publisher: channel.publisher, queue, logger });
    const asked = [cards.request(share)];
    // Marks keep coming while the first update waits for Teams: they are gathered into one more.
    for (let helpful = 1; helpful <= 20; helpful++) {
      await setHelpful(helpful);
      asked.push(cards.request(share));
    }
    open();
    await Promise.all(asked);
    expect(channel.updates).toHaveLength(2);
    expect(channel.updates.at(-1)).toEqual({ shareId: 'e1', helpful: 20 });
    // Done: nothing is left in the queue for another instance to repeat.
    expect(await queue.receive(32, 1)).toHaveLength(0);
  });

  it('leaves an unfinished update in the queue, and another instance finishes it after a restart', async () => {
    // This instance stops while its update waits: Teams never answers it.
    const stuck = recordingChannel(() => new Promise<void>(() => undefined));
    void new CardUpdates({ shares, publisher: stuck.publisher, queue, logger, backstopSeconds: 1 }).request(share);
    await setHelpful(3);
    const next = recordingChannel();
    const restarted = new CardUpdates({ shares, publisher: next.publisher, queue, logger, backstopSeconds: 1 });
    await eventually(async () => {
      await restarted.drainOnce();
      return next.updates.length > 0;
    });
    expect(next.updates).toEqual([{ shareId: 'e1', helpful: 3 }]);
    await eventually(async () => (await queue.receive(32, 1)).length === 0);
  });

  it('tries a refused update again from the queue', async () => {
    let refuse = true;
    const channel = recordingChannel(async () => {
      if (refuse) {
        refuse = false;
        throw Object.assign(new Error('Bad gateway'), { statusCode: 502 });
      }
    });
    const cards = new CardUpdates({ shares, publisher: channel.publisher, queue, logger, backstopSeconds: 1 });
    await cards.request(share);
    expect(channel.updates).toHaveLength(0);
    await eventually(async () => {
      await cards.drainOnce();
      return channel.updates.length > 0;
    });
    expect(channel.updates).toEqual([{ shareId: 'e1', helpful: 0 }]);
  });
});
