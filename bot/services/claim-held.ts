import type { Logger } from 'pino';
import type { SendRecord, SendStore } from '../store/send-store.js';
import type { Clock } from './learner.js';

type Changes = Parameters<SendStore['update']>[1];

/**
 * Keeps a claimed send record claimed for as long as its send takes, and settles it under that
 * claim. A send can outlast its claim once it is on its way — a first contact waits for a second
 * slot after creating the chat, behind a tenant held by a 429 burst — and a claim that ran out
 * meanwhile would let another worker send the same message.
 *
 * Each write is conditional on the record's ETag. When one is refused, the record is read again:
 * if it still carries a claim this worker wrote (a retried write whose first answer was lost, or a
 * learner's answer merged in beside the claim), the write is made again under the new ETag; if
 * another worker holds it, nothing is written and the claim is lost.
 */
export class ClaimHeld {
  private renewal: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;
  /** Every claim this worker wrote on the record, to recognise its own after a lost answer. */
  private readonly ours = new Set<string>();
  private lost = false;

  constructor(
    private record: SendRecord,
    private readonly sends: Pick<SendStore, 'get' | 'update'>,
    private readonly claimMs: number,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    if (record.claimedUntil) this.ours.add(record.claimedUntil);
    this.timer = setInterval(() => {
      this.renewal = this.renewal
        .then(() => this.renew())
        .catch((error: unknown) => logger.warn({ err: error, send: keysOf(record) }, 'could not extend the claim on a send'));
    }, claimMs / 3);
  }

  /** Stops extending the claim and writes the send's outcome under it; undefined when another worker holds the record. */
  async settle(changes: Changes): Promise<SendRecord | undefined> {
    this.stop();
    await this.renewal;
    if (this.lost) return undefined;
    return this.write(changes);
  }

  /** Stops extending the claim, leaving it to run out (a send that failed before it was settled). */
  stop(): void {
    clearInterval(this.timer);
  }

  private async renew(): Promise<void> {
    if (this.lost) return;
    const claimedUntil = new Date(this.clock().getTime() + this.claimMs).toISOString();
    this.ours.add(claimedUntil);
    if (await this.write({ claimedUntil })) return;
    this.lost = true;
    this.stop();
    this.logger.warn({ send: keysOf(this.record) }, 'another worker took a send this one was still working on');
  }

  private async write(changes: Changes): Promise<SendRecord | undefined> {
    const written = await this.sends.update(this.record, changes);
    if (written) return (this.record = written);
    const current = await this.sends.get(this.record.tenantId, this.record.userId, this.record.cycle, this.record.kind);
    const stillOurs =
      current?.status === 'sending' &&
      current.attempts === this.record.attempts &&
      current.claimedUntil !== undefined &&
      this.ours.has(current.claimedUntil);
    if (!stillOurs) return undefined;
    const again = await this.sends.update(current, changes);
    return again ? (this.record = again) : undefined;
  }
}

function keysOf(record: SendRecord) {
  return { tenantId: record.tenantId, userId: record.userId, cycle: record.cycle, kind: record.kind };
}
