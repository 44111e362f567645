import type { Logger } from 'pino';
import type { QueueMessage, WorkQueue } from '../store/work-queue.js';

/**
 * Keeps a received queue message hidden from the other workers for as long as it is worked on.
 * A send can outlast the message's visibility (a long line for the tenant at the pacer, slow
 * storage while settling): a message that showed again meanwhile would be received elsewhere, wait
 * for a second slot, and leave this worker unable to delete it with its old pop receipt.
 */
export class HiddenWhileWorked<T> {
  private renewal: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private message: QueueMessage<T>,
    queue: Pick<WorkQueue<T>, 'delay'>,
    hideSeconds: number,
    logger: Logger,
  ) {
    this.timer = setInterval(
      () => {
        this.renewal = this.renewal
          .then(async () => void (this.message = await queue.delay(this.message, hideSeconds)))
          .catch((error: unknown) => {
            if (!receiptGone(error))
              return logger.warn({ err: error, work: this.message.body }, 'could not keep a send being worked on hidden');
            // An earlier renewal landed but its answer was lost (its retry found the receipt changed),
            // or the message is gone: this copy can no longer be hidden, so stop asking. Whoever
            // receives it next finds the send record claimed or settled and does not send it again.
            clearInterval(this.timer);
            logger.info({ work: this.message.body }, 'a send being worked on can no longer be kept hidden; its record decides');
          });
      },
      (hideSeconds * 1000) / 3,
    );
  }

  /**
   * Stops hiding it and hands it back with the pop receipt of the last renewal, for the one
   * operation that settles it (delete, delay, park); a second call answers the same.
   */
  async release(): Promise<QueueMessage<T>> {
    clearInterval(this.timer);
    await this.renewal;
    return this.message;
  }
}

/** Queue Storage's answers for a pop receipt that is no longer the message's (400 PopReceiptMismatch) or a message that is gone (404). */
function receiptGone(error: unknown): boolean {
  const e = error as { statusCode?: unknown; code?: unknown };
  return e.statusCode === 404 || e.code === 'PopReceiptMismatch';
}
