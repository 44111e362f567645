import type { Logger } from 'pino';
import type { Share } from '../domain/share.js';
import type { ShareStore } from '../store/share-store.js';
import type { QueueMessage, WorkQueue } from '../store/work-queue.js';
import type { SharePublisher } from './share-publisher.js';

/** A share whose card in its channel must come to show the share as stored. */
export interface CardWork {
  tenantId: string;
  teamId: string;
  shareId: string;
  channelId: string;
}

type Receipt = Pick<QueueMessage<CardWork>, 'messageId' | 'popReceipt'>;

interface Pending {
  work: CardWork;
  /** Callers waiting for the card to be brought up to date. */
  waiters: Array<() => void>;
  /** The queue messages that keep this update until it is done. */
  receipts: Receipt[];
  /** Settles once this instance's own message is in the queue. */
  recorded: Promise<void>;
}

/** How long an update may stay unfinished before any instance takes it up from the queue. */
const BACKSTOP_SECONDS = 120;
/** A card that could not be updated this many times is given up (its message or channel is gone). */
const MAX_DELIVERIES = 8;

/**
 * Keeps share cards current in their channels, coalesced per channel: one update at a time per
 * channel, each showing the share as stored when it starts, so a burst of marks on one share costs
 * one or two updates and the latest state always wins. The pacer holds the channel to its own
 * windows (60 per 30 s, 1,800 per hour), and while it waits other conversations go on.
 *
 * Nothing is lost when an instance stops: each update is first recorded as a message in a queue,
 * hidden for a while and deleted once the card is updated. A message that shows again (the
 * instance died, or Teams refused the update) is taken up by whichever instance reads it next.
 */
export class CardUpdates {
  /** Per channel, the shares waiting for their card's update, in the order they asked. */
  private readonly channels = new Map<string, Map<string, Pending>>();
  private queueReady: Promise<void> | undefined;

  constructor(
    private readonly deps: {
      shares: ShareStore;
      publisher: SharePublisher;
      queue: WorkQueue<CardWork>;
      logger: Logger;
      backstopSeconds?: number;
    },
  ) {}

  /** Resolves once the share's card shows its stored state (or the update was left to the queue). */
  request(share: Pick<Share, 'tenantId' | 'teamId' | 'shareId' | 'channelId'>): Promise<void> {
    const { tenantId, teamId, shareId, channelId } = share;
    return this.add({ tenantId, teamId, shareId, channelId });
  }

  /** Takes up the updates an instance left unfinished; how many messages it read. */
  async drainOnce(): Promise<number> {
    await this.ensureQueue();
    const messages = await this.deps.queue.receive(32, this.backstopSeconds);
    await Promise.all(
      messages.map(async (message) => {
        if (message.dequeueCount <= MAX_DELIVERIES) return this.add(message.body, message);
        this.deps.logger.warn({ work: message.body }, 'gave up updating a share card');
        await this.deps.queue.delete(message);
      }),
    );
    return messages.length;
  }

  private get backstopSeconds(): number {
    return this.deps.backstopSeconds ?? BACKSTOP_SECONDS;
  }

  private add(work: CardWork, received?: Receipt): Promise<void> {
    const channelKey = `${work.tenantId}\u0000${work.channelId}`;
    let pending = this.channels.get(channelKey);
    const idle = !pending;
    if (!pending) this.channels.set(channelKey, (pending = new Map()));
    const shareKey = `${work.teamId}\u0000${work.shareId}`;
    let entry = pending.get(shareKey);
    if (!entry) {
      const fresh: Pending = { work, waiters: [], receipts: [], recorded: Promise.resolve() };
      if (!received) fresh.recorded = this.record(fresh);
      pending.set(shareKey, (entry = fresh));
    }
    if (received) entry.receipts.push(received);
    const done = new Promise<void>((resolve) => entry.waiters.push(resolve));
    if (idle) void this.drain(channelKey, pending);
    return done;
  }

  /** Updates the channel's waiting cards one after another until none is left. */
  private async drain(channelKey: string, pending: Map<string, Pending>): Promise<void> {
    try {
      for (let next = pending.entries().next(); !next.done; next = pending.entries().next()) {
        const [shareKey, entry] = next.value;
        // Asked again from now on: another update follows, with the state as it will be then.
        pending.delete(shareKey);
        await entry.recorded;
        if (await this.update(entry.work)) {
          await Promise.all(entry.receipts.map((r) => this.deps.queue.delete(r).catch(() => undefined)));
        }
        for (const resolve of entry.waiters) resolve();
      }
    } finally {
      this.channels.delete(channelKey);
    }
  }

  /** True when the card is current or there is nothing to update; false when it must be tried again. */
  private async update(work: CardWork): Promise<boolean> {
    try {
      const found = await this.deps.shares.get(work.tenantId, work.teamId, work.shareId);
      // Gone: its sharer erased their data and the card now says so; it must not come back.
      const share = found?.share;
      if (!share?.activityId) return true;
      await this.deps.publisher.update(
        { tenantId: share.tenantId, teamId: share.teamId, channelId: share.channelId, activityId: share.activityId },
        { kind: 'share', share },
      );
      return true;
    } catch (error) {
      this.deps.logger.warn({ err: error, work }, 'a share card could not be updated; the queue will try again');
      return false;
    }
  }

  private async record(entry: Pending): Promise<void> {
    try {
      await this.ensureQueue();
      entry.receipts.push(await this.deps.queue.send(entry.work, { delaySeconds: this.backstopSeconds }));
    } catch (error) {
      // The update still goes ahead; only its survival of a restart is lost.
      this.deps.logger.warn({ err: error, work: entry.work }, 'could not record a share card update');
    }
  }

  private ensureQueue(): Promise<void> {
    this.queueReady ??= this.deps.queue.create().catch((error: unknown) => {
      this.queueReady = undefined;
      throw error;
    });
    return this.queueReady;
  }
}
