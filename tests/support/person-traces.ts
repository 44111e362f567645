import type { TableClients, TableName } from '../../bot/store/table-clients.js';

/**
 * Every row of every table that still holds one of `needles` (case aside), in a key — as stored
 * or decoded — or in any property: the erasure tests' judge, which knows nothing of how each table
 * is keyed. Each finding reads `Table: partition / row holds needle`.
 */
export async function tracesOf(tables: TableClients, needles: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const [name, table] of Object.entries(tables) as [TableName, TableClients[TableName]][]) {
    for await (const { partitionKey = '', rowKey = '', etag: _etag, timestamp: _timestamp, ...properties } of table.listEntities()) {
      const texts = [
        partitionKey,
        rowKey,
        decoded(partitionKey),
        decoded(rowKey),
        ...Object.values(properties).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
      ].map((t) => t.toLowerCase());
      for (const needle of needles)
        if (texts.some((t) => t.includes(needle.toLowerCase()))) found.push(`${name}: ${partitionKey} / ${rowKey} holds ${needle}`);
    }
  }
  return found;
}

function decoded(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}
