import { TableServiceClient, TableClient } from '@azure/data-tables';
import { QueueServiceClient, type QueueClient } from '@azure/storage-queue';
import type { StorageConfig } from '../../bot/config.js';

/**
 * Every place in the service's storage account that still holds one of `needles` (case aside):
 * every table the account lists under the service's prefix, whatever code made it, each row's keys
 * (as stored and decoded) and every property; and every queue it lists under the prefix, each
 * message's text as stored and decoded. Each finding names where: `table Name pk / rk field f holds
 * needle`, or `queue name message id field f holds needle`.
 *
 * Messages hidden at the moment of the scan (delayed, or taken by a worker) cannot be read by
 * anyone; the scan reads every message that is visible, and shows each again as it was.
 */
export async function storageTracesOf(storage: StorageConfig, needles: readonly string[]): Promise<string[]> {
  if (storage.kind !== 'connectionString') throw new Error('The scan reads Azurite through its connection string');
  const wanted = needles.map((n) => n.toLowerCase());
  const holds = (text: string) => wanted.filter((n) => text.toLowerCase().includes(n));
  const found: string[] = [];

  const tableService = TableServiceClient.fromConnectionString(storage.connectionString, { allowInsecureConnection: true });
  for await (const { name } of tableService.listTables()) {
    if (!name?.startsWith(storage.tablePrefix)) continue;
    const table = TableClient.fromConnectionString(storage.connectionString, name, { allowInsecureConnection: true });
    for await (const { partitionKey = '', rowKey = '', etag: _etag, timestamp: _timestamp, ...properties } of table.listEntities()) {
      const fields: [string, string][] = [
        ['PartitionKey', `${partitionKey} ${decoded(partitionKey)}`],
        ['RowKey', `${rowKey} ${decoded(rowKey)}`],
        ...Object.entries(properties).map(([field, v]): [string, string] => [field, typeof v === 'string' ? v : JSON.stringify(v)]),
      ];
      for (const [field, text] of fields)
        for (const needle of holds(text)) found.push(`table ${name} ${partitionKey} / ${rowKey} field ${field} holds ${needle}`);
    }
  }

  const queueService = QueueServiceClient.fromConnectionString(storage.connectionString);
  for await (const { name } of queueService.listQueues({ prefix: `${storage.tablePrefix.toLowerCase()}-` })) {
    for (const message of await readEveryMessage(queueService.getQueueClient(name))) {
      for (const [field, text] of messageFields(message.text))
        for (const needle of holds(text)) found.push(`queue ${name} message ${message.id} field ${field} holds ${needle}`);
    }
  }
  return found;
}

/** Takes every visible message (hiding each while the rest are read), then shows each again at once. */
async function readEveryMessage(queue: QueueClient): Promise<{ id: string; text: string }[]> {
  const taken: { id: string; popReceipt: string; text: string }[] = [];
  try {
    for (;;) {
      const { receivedMessageItems } = await queue.receiveMessages({ numberOfMessages: 32, visibilityTimeout: 60 });
      if (receivedMessageItems.length === 0) break;
      taken.push(...receivedMessageItems.map((m) => ({ id: m.messageId, popReceipt: m.popReceipt, text: m.messageText })));
    }
  } finally {
    for (const m of taken) await queue.updateMessage(m.id, m.popReceipt, m.text, 0);
  }
  return taken.map(({ id, text }) => ({ id, text }));
}

/** A decoded message (base64, then JSON) field by field; a message that does not decode, as text. */
function messageFields(stored: string): [string, string][] {
  const text = Buffer.from(stored, 'base64').toString('utf8');
  try {
    const body = JSON.parse(text) as unknown;
    if (body && typeof body === 'object')
      return Object.entries(body).map(([field, v]): [string, string] => [field, typeof v === 'string' ? v : JSON.stringify(v)]);
  } catch {
    // Not JSON: read below as it is.
  }
  return [
    ['stored text', stored],
    ['decoded text', text],
  ];
}

function decoded(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}
