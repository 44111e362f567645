import { QueueClient, type StoragePipelineOptions } from '@azure/storage-queue';
import { DefaultAzureCredential } from '@azure/identity';
import type { StorageConfig } from '../config.js';

export interface QueueMessage<T> {
  body: T;
  messageId: string;
  popReceipt: string;
  dequeueCount: number;
  /** The message as stored, so hiding it again keeps its content. */
  text: string;
}

/** A typed Azure Storage queue of JSON messages (each well under the 64 KiB limit). */
export class WorkQueue<T> {
  constructor(private readonly client: QueueClient) {}

  async create(): Promise<void> {
    await this.client.createIfNotExists();
  }

  /** Adds a message; what deletes it before anyone receives it. */
  async send(body: T, options: { delaySeconds?: number } = {}): Promise<Pick<QueueMessage<T>, 'messageId' | 'popReceipt'>> {
    const sent = await this.client.sendMessage(Buffer.from(JSON.stringify(body)).toString('base64'), {
      ...(options.delaySeconds ? { visibilityTimeout: Math.min(options.delaySeconds, 7 * 86_400) } : {}),
    });
    return { messageId: sent.messageId, popReceipt: sent.popReceipt };
  }

  async receive(max: number, visibilitySeconds: number): Promise<Array<QueueMessage<T>>> {
    const result = await this.client.receiveMessages({ numberOfMessages: Math.min(max, 32), visibilityTimeout: visibilitySeconds });
    return result.receivedMessageItems.map((m) => ({
      body: JSON.parse(Buffer.from(m.messageText, 'base64').toString('utf8')) as T,
      messageId: m.messageId,
      popReceipt: m.popReceipt,
      dequeueCount: m.dequeueCount,
      text: m.messageText,
    }));
  }

  async delete(message: Pick<QueueMessage<T>, 'messageId' | 'popReceipt'>): Promise<void> {
    await this.client.deleteMessage(message.messageId, message.popReceipt);
  }

  /**
   * Deletes every message `matches` picks, reading the whole queue once: each message is hidden
   * while the pass reads on, and those kept are shown again at the end. For queues nobody works
   * (the parked sends): in a worked queue, the hiding would delay and count against others' work.
   */
  async removeWhere(matches: (body: T) => boolean, hideSeconds = 60): Promise<number> {
    let removed = 0;
    const kept: Array<QueueMessage<T>> = [];
    try {
      for (;;) {
        const batch = await this.receive(32, hideSeconds).catch((error: unknown) => {
          // A queue never created holds nothing.
          if ((error as { statusCode?: number }).statusCode === 404) return [];
          throw error;
        });
        if (batch.length === 0) break;
        for (const message of batch) {
          if (matches(message.body)) {
            await this.delete(message);
            removed++;
          } else kept.push(message);
        }
      }
    } finally {
      for (const message of kept) await this.delay(message, 0);
    }
    return removed;
  }

  /** Hides a message again for a while (e.g. Retry-After) without counting it as done. */
  async delay(message: QueueMessage<T>, seconds: number): Promise<QueueMessage<T>> {
    const result = await this.client.updateMessage(message.messageId, message.popReceipt, message.text, Math.max(0, Math.ceil(seconds)));
    return { ...message, popReceipt: result.popReceipt ?? message.popReceipt };
  }
}

/** The queues the service works from: check-in sends, and the sends that failed too often to retry. */
export const QUEUES = {
  sends: 'sends',
  poison: 'sends-poison',
  /** xAPI statements waiting for the organisation's Learning Record Store. */
  xapi: 'xapi',
  /** Share cards waiting for their update, kept until it is done (see CardUpdates). */
  cards: 'share-cards',
} as const;

/** A queue's name in the account: queue names must be lower case, so the table prefix is lowered. */
export function queueName(prefix: string, name: string): string {
  return `${prefix.toLowerCase()}-${name}`;
}

export function queueClient(storage: StorageConfig, name: string): QueueClient {
  const options: StoragePipelineOptions = { retryOptions: { maxTries: 4, retryDelayInMs: 100, maxRetryDelayInMs: 1000 } };
  const fullName = queueName(storage.tablePrefix, name);
  if (storage.kind === 'connectionString') return new QueueClient(storage.connectionString, fullName, options);
  if (!storage.queueEndpoint) throw new Error('STORAGE_QUEUE_ENDPOINT is required to reach queues with the managed identity');
  return new QueueClient(`${storage.queueEndpoint.replace(/\/$/, '')}/${fullName}`, new DefaultAzureCredential(), options);
}
