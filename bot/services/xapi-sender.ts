import type { Logger } from 'pino';
import type { LrsSettings } from '../domain/xapi/lrs-settings.js';
import type { LrsSettingsStore } from '../store/lrs-settings-store.js';
import type { QueueMessage, WorkQueue } from '../store/work-queue.js';
import type { OutboxRow, XapiOutboxStore } from '../store/xapi-outbox-store.js';
import type { Clock } from './learner.js';
import type { LrsClient } from './lrs-client.js';
import type { XapiWork } from './xapi-work.js';

export interface XapiSenderDeps {
  queue: WorkQueue<XapiWork>;
  settings: LrsSettingsStore;
  outbox: XapiOutboxStore;
  lrs: LrsClient;
  /** Turns a slice of a tenant's history into statements, for each backfill message. */
  backfill: { runSlice(tenantId: string): Promise<'more' | 'done'> };
  clock: Clock;
  logger: Logger;
  /** Statements per POST; LRSs commonly accept far more, but a small batch fails small. */
  batchSize?: number;
  /** Attempts before a statement is marked failed. */
  maxAttempts?: number;
  /** The first retry's wait; each later one doubles it, up to a quarter of an hour. */
  retryBaseMs?: number;
  random?: () => number;
}

const DEFAULTS = { batchSize: 50, maxAttempts: 8, retryBaseMs: 10_000 } as const;
const MAX_RETRY_MS = 15 * 60_000;
/** A claim outlives any one POST (the client gives up at 15 s), so a live worker never loses its rows. */
const CLAIM_SECONDS = 60;
/** Batches one message may send before it makes way for other tenants' messages. */
const BATCHES_PER_MESSAGE = 20;
/** Batches of one tenant on their way to its LRS at once. */
const BATCHES_IN_FLIGHT = 3;
/** Slices of an earlier version's rows moved per message (100 rows each): well within the message's visibility. */
const LEGACY_SLICES_PER_MESSAGE = 10;

/**
 * Drains each tenant's outbox to its LRS. A queue message names the tenant; the worker claims due
 * statements a batch at a time, posts them, and marks each sent or failed. A message stays on the
 * queue, hidden until the next retry is due, while anything is pending: a crash at any point leaves
 * the message to come back and the claimed rows to fall due again.
 */
export class XapiSender {
  /** Tenants whose rows from an earlier version have all moved (as this instance has seen). */
  private readonly legacyMoved = new Set<string>();
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;

  constructor(private readonly deps: XapiSenderDeps) {
    this.batchSize = deps.batchSize ?? DEFAULTS.batchSize;
    this.maxAttempts = deps.maxAttempts ?? DEFAULTS.maxAttempts;
    this.retryBaseMs = deps.retryBaseMs ?? DEFAULTS.retryBaseMs;
  }

  /** Handles up to `max` messages side by side; answers how many there were. */
  async drainOnce(max = 8): Promise<number> {
    const messages = await this.deps.queue.receive(max, CLAIM_SECONDS);
    await Promise.all(messages.map((m) => this.handle(m)));
    return messages.length;
  }

  /** Runs until stopped, waiting a little whenever the queue is empty. */
  async run(isRunning: () => boolean): Promise<void> {
    while (isRunning()) {
      let handled = 0;
      try {
        handled = await this.drainOnce();
      } catch (error) {
        this.deps.logger.error({ err: error }, 'xAPI sending failed; the queue will bring it back');
      }
      if (handled === 0) await new Promise((r) => setTimeout(r, 1000));
    }
  }

  async handle(message: QueueMessage<XapiWork>): Promise<void> {
    const { tenantId, kind } = message.body;
    if (message.dequeueCount > 100) {
      this.deps.logger.warn({ tenantId, kind }, 'dropped an xAPI message delivered too often; its statements stay in the outbox');
      return this.deps.queue.delete(message);
    }
    if (kind === 'backfill') {
      // A bounded slice per message, then the next slice's message: no message outlives its visibility,
      // and a message that comes back finds the cursor moved on and does nothing twice.
      const more = await this.deps.backfill.runSlice(tenantId);
      await this.deps.queue.send({ tenantId, kind: more === 'more' ? 'backfill' : 'send' });
      return this.deps.queue.delete(message);
    }
    const settings = await this.deps.settings.get(tenantId);
    // Without an LRS the statements wait; saving the settings sends a message for them.
    if (!settings) return this.deps.queue.delete(message);
    await this.moveLegacyRows(tenantId);

    // Claims go one after another (each takes rows the last one did not), sends overlap: a few
    // batches on the way to the LRS at once, so the round trips to storage and LRS do not add up.
    const sending = new Set<Promise<void>>();
    // A failed send is kept and thrown once the others have settled (the queue brings the message back).
    let failure: unknown;
    for (let batch = 0; batch < BATCHES_PER_MESSAGE && failure === undefined; batch++) {
      const rows = await this.deps.outbox.claimDue(tenantId, this.deps.clock(), this.batchSize, CLAIM_SECONDS);
      if (rows.length === 0) break;
      const sent: Promise<void> = this.sendBatch(tenantId, settings, rows)
        .catch((error: unknown) => void (failure ??= error))
        .finally(() => sending.delete(sent));
      sending.add(sent);
      if (sending.size >= BATCHES_IN_FLIGHT) await Promise.race(sending);
    }
    await Promise.all(sending);
    if (failure !== undefined) throw failure;
    const { nextDue } = await this.deps.outbox.summary(tenantId);
    if (nextDue === null) return this.deps.queue.delete(message);
    // Pending statements remain (a retry waits, or another worker holds a claim): look again when due.
    const waitMs = Math.max(1000, Date.parse(nextDue) - this.deps.clock().getTime());
    await this.deps.queue.delay(message, waitMs / 1000);
  }

  /** Rows an earlier version kept in one partition per tenant move to where they now belong, a slice per message, once per instance. */
  private async moveLegacyRows(tenantId: string): Promise<void> {
    if (this.legacyMoved.has(tenantId)) return;
    for (let slice = 0; slice < LEGACY_SLICES_PER_MESSAGE; slice++) {
      if ((await this.deps.outbox.migrateLegacy(tenantId)) === 0) {
        this.legacyMoved.add(tenantId);
        return;
      }
    }
  }

  private async sendBatch(tenantId: string, settings: LrsSettings, rows: readonly OutboxRow[]): Promise<void> {
    const outcome = await this.deps.lrs.send(
      settings,
      rows.map((r) => r.statement),
    );
    const at = this.deps.clock().toISOString();
    switch (outcome.kind) {
      case 'stored':
        return this.deps.outbox.markSent(tenantId, rows, at);
      case 'split':
        // One statement spoiled the batch: each is judged on its own.
        for (const row of rows) await this.sendBatch(tenantId, settings, [row]);
        return;
      case 'rejected':
        return this.deps.outbox.markAttemptFailed(
          tenantId,
          rows.map((r) => r.statementId),
          outcome.message,
          at,
          null,
        );
      case 'retry': {
        // A statement out of attempts is given up on alone: the others in its batch, fresher, wait and go again.
        const spent = rows.filter((r) => r.attempts >= this.maxAttempts);
        const again = rows.filter((r) => r.attempts < this.maxAttempts);
        if (spent.length > 0)
          await this.deps.outbox.markAttemptFailed(
            tenantId,
            spent.map((r) => r.statementId),
            outcome.message,
            at,
            null,
          );
        if (again.length === 0) return;
        // Rows going again share the wait, set by the most-tried of them.
        const attempts = Math.max(...again.map((r) => r.attempts));
        const jitter = 0.75 + 0.5 * (this.deps.random ?? Math.random)();
        const waitMs = Math.max(outcome.retryAfterMs ?? 0, Math.min(MAX_RETRY_MS, this.retryBaseMs * 2 ** (attempts - 1)) * jitter);
        const retryAt = new Date(this.deps.clock().getTime() + waitMs).toISOString();
        return this.deps.outbox.markAttemptFailed(
          tenantId,
          again.map((r) => r.statementId),
          outcome.message,
          at,
          retryAt,
        );
      }
    }
  }
}
