/**
 * Which of several Azurite processes holds a Table Storage request's partition. Azure Table
 * Storage serves each partition from its own range of servers, so a point read costs the same in a
 * table of a thousand rows as in one of a million; Azurite keeps a table in one in-memory
 * collection and its requests slow as the table grows (measured on this machine: 2,905 point reads
 * and merges a second at 1,000 rows, 1,109 at 10,000, 380 at 30,000). Spreading the partitions over
 * several processes keeps each one's share small, as Azure's servers do.
 */

/** What a table request addresses: one partition, every shard (creating or deleting a table), or a query across partitions. */
export type TableTarget = { kind: 'partition'; partitionKey: string } | { kind: 'tables' } | { kind: 'across' };

/** The shard a partition lives on: a stable hash of its key (FNV-1a), so every request for it goes to the same process. */
export function shardOf(partitionKey: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < partitionKey.length; i++) {
    hash ^= partitionKey.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

/**
 * The partition a request names: in its path (`Table(PartitionKey='…',RowKey='…')`), in its body
 * (an insert, or each operation of a batch, which all share one partition), or in its `$filter`
 * when that filter keeps to one partition (`PartitionKey eq '…'`, joined to the rest by `and` only).
 */
export function tableTargetOf(method: string, url: string, body: Buffer): TableTarget {
  const parsed = new URL(url, 'http://x');
  const last = decodeURIComponent(parsed.pathname.split('/').filter(Boolean).at(-1) ?? '');
  if (last === 'Tables' || last.startsWith('Tables(')) return { kind: 'tables' };
  const inPath = keyIn(last);
  if (inPath !== undefined) return { kind: 'partition', partitionKey: inPath };
  if (last === '$batch') {
    const text = body.toString('latin1');
    const inLine = /PartitionKey='((?:[^']|'')*)'/.exec(text);
    if (inLine) return { kind: 'partition', partitionKey: unquote(decodeURIComponent(inLine[1]!)) };
    const inJson = /"PartitionKey"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(text);
    if (inJson) return { kind: 'partition', partitionKey: JSON.parse(`"${inJson[1]!}"`) as string };
    return { kind: 'across' };
  }
  if (method === 'POST' && body.length > 0) {
    const entity = JSON.parse(body.toString('utf8')) as { PartitionKey?: string };
    if (typeof entity.PartitionKey === 'string') return { kind: 'partition', partitionKey: entity.PartitionKey };
  }
  const filter = parsed.searchParams.get('$filter');
  const one = filter === null ? undefined : partitionInFilter(filter);
  return one === undefined ? { kind: 'across' } : { kind: 'partition', partitionKey: one };
}

/** `PartitionKey='a',RowKey='b'` (or the key alone) inside an entity path segment. */
function keyIn(segment: string): string | undefined {
  const m = /\(PartitionKey='((?:[^']|'')*)'/.exec(segment);
  return m ? unquote(m[1]!) : undefined;
}

function partitionInFilter(filter: string): string | undefined {
  // Quoted values are set aside so that words inside them are not read as operators.
  const values: string[] = [];
  const bare = filter.replace(/'((?:[^']|'')*)'/g, (_, v: string) => `$${values.push(unquote(v)) - 1}`);
  if (/\bor\b|\bnot\b/i.test(bare)) return undefined;
  const eq = [...bare.matchAll(/\bPartitionKey\s+eq\s+\$(\d+)/g)];
  if (eq.length !== 1) return undefined;
  return values[Number(eq[0]![1])];
}

function unquote(value: string): string {
  return value.replace(/''/g, "'");
}

/**
 * A query across partitions reads the shards one after another: its continuation names the shard
 * it is on (`s2~` before the shard's own continuation), so the SDK's paging walks them all.
 * Entities come shard by shard, each shard's in key order, not in one order across the table.
 */
export function continuationShard(nextPartitionKey: string | null): { shard: number; own: string | undefined } {
  const m = nextPartitionKey ? /^s(\d+)~(.*)$/.exec(nextPartitionKey) : null;
  if (!m) return { shard: 0, own: nextPartitionKey ?? undefined };
  return { shard: Number(m[1]), own: m[2] === '' ? undefined : m[2] };
}

export function shardContinuation(shard: number, own: string): string {
  return `s${shard}~${own}`;
}
