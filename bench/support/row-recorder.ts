import type { TableClient, TableEntity, TransactionAction, UpdateMode } from '@azure/data-tables';
import { RestError } from '@azure/data-tables';
import { TABLES, type TableClients, type TableName } from '../../bot/store/table-clients.js';

/**
 * Stand-in table clients that record the rows a store writes instead of sending them, so a
 * tenant can be written through the stores' own methods — their keys and entity shapes, not a
 * copy of them — and then sent in transactions of up to 100 rows per partition.
 *
 * The stores are called as a fresh tenant's writes would call them: every row is new, so a read
 * finds nothing (404), a create always creates, and an update by ETag applies to the row recorded
 * earlier. Writes to one row are folded into one, as storage would leave it; a row only merged
 * into since the last `take` (its whole was sent earlier) stays a merge.
 */
export interface RecordedRow {
  row: Record<string, unknown>;
  /** Replace what storage holds (the row was written whole), or merge into it. */
  mode: UpdateMode;
}

export class RowRecorder {
  /** Rows by table, then by partition and row key. */
  private readonly rows = new Map<TableName, Map<string, Map<string, RecordedRow>>>();
  private count = 0;

  /** The recorded rows waiting to be sent. */
  get size(): number {
    return this.count;
  }

  /** Table clients to build the stores over (`storesOver`). */
  clients(): TableClients {
    return Object.fromEntries((Object.keys(TABLES) as TableName[]).map((t) => [t, this.client(t)])) as unknown as TableClients;
  }

  /** Takes the recorded rows, by table and partition, leaving the recorder empty. */
  take(): Map<TableName, Map<string, RecordedRow[]>> {
    const taken = new Map<TableName, Map<string, RecordedRow[]>>();
    for (const [table, partitions] of this.rows) {
      taken.set(table, new Map([...partitions].map(([pk, rows]) => [pk, [...rows.values()]])));
    }
    this.rows.clear();
    this.count = 0;
    return taken;
  }

  private write(table: TableName, entity: TableEntity<object>, mode: UpdateMode | 'Create'): void {
    const { partitionKey, rowKey } = entity;
    let partitions = this.rows.get(table);
    if (!partitions) this.rows.set(table, (partitions = new Map()));
    let rows = partitions.get(partitionKey);
    if (!rows) partitions.set(partitionKey, (rows = new Map()));
    const before = rows.get(rowKey);
    if (!before) this.count++;
    // Table Storage keeps no undefined: drop them as the SDK would leave them out.
    const defined = Object.fromEntries(Object.entries(entity).filter(([, v]) => v !== undefined));
    rows.set(
      rowKey,
      mode === 'Merge' ? { row: { ...before?.row, ...defined }, mode: before?.mode ?? 'Merge' } : { row: defined, mode: 'Replace' },
    );
  }

  private client(table: TableName): TableClient {
    const etag = { etag: 'W/"recorded"' };
    const write = (entity: TableEntity<object>, mode: UpdateMode | 'Create') => {
      this.write(table, entity, mode);
      return Promise.resolve(etag);
    };
    const recorder: Partial<TableClient> = {
      createEntity: (entity) => write(entity, 'Create'),
      upsertEntity: (entity, mode = 'Merge') => write(entity, mode),
      updateEntity: (entity, mode = 'Merge') => write(entity, mode),
      submitTransaction: (actions: TransactionAction[]) => {
        for (const action of actions) {
          const [kind, entity] = action;
          if (kind === 'delete') throw new Error('A fresh tenant deletes nothing');
          write(entity, kind === 'create' ? 'Create' : (action[2] ?? 'Merge'));
        }
        return Promise.resolve({ status: 202, subResponses: [], getResponseForEntity: () => undefined });
      },
      getEntity: () => Promise.reject(new RestError('Not found (a fresh tenant)', { statusCode: 404 })),
      listEntities: (() => emptyPages()) as unknown as TableClient['listEntities'],
    };
    return new Proxy(recorder as TableClient, {
      get(target, property, receiver) {
        if (typeof property === 'symbol' || property === 'then') return undefined;
        if (property in target) return Reflect.get(target, property, receiver) as unknown;
        throw new Error(`A store called ${String(property)} on a recording table client; it only records writes`);
      },
    });
  }
}

/** A listing that finds nothing, in the shape the SDK's pages take. */
function emptyPages() {
  return {
    [Symbol.asyncIterator]() {
      return { next: () => Promise.resolve({ done: true as const, value: undefined }) };
    },
    byPage() {
      return {
        [Symbol.asyncIterator]() {
          return { next: () => Promise.resolve({ done: true as const, value: undefined }) };
        },
      };
    },
  };
}
