import { RestError, type TableClient, type TransactionAction, odata } from '@azure/data-tables';
import { keyOf } from './keys.js';
import { deletePartition } from './row-deletes.js';
import { createOnce, deleteIfUnchanged, submitIfUnchanged, updateIfUnchanged } from './table-ops.js';

/** A slice of a tenant's budget as stored: who holds it ('' when free) and its ETag. */
export interface StoredSlice {
  index: number;
  holder: string;
  etag: string;
}

/** An instance sending to the tenant, as its last heartbeat left it. */
export interface StoredMember {
  instanceId: string;
  etag: string;
}

/** Everything the fleet keeps about one tenant's budget: one partition, read in one request. */
export interface TenantBudgetRows {
  members: StoredMember[];
  slices: StoredSlice[];
  /** No instance sends to the tenant before this (wall-clock milliseconds), after Teams answered 429. */
  throttle: { untilMs: number; etag: string } | undefined;
}

/** A slice this instance holds, by the ETag its last write left. */
export interface HeldSlice {
  index: number;
  etag: string;
}

type BudgetEntity = { instanceId?: string; holder?: string; untilMs?: number };

const THROTTLE = 'throttle';

/**
 * The rows of the fleet's send budget, one partition per tenant in the leases table: a row per
 * instance sending to the tenant (its heartbeat), a row per slice of the tenant's requests a
 * second (its holder), and the tenant's shared "throttled until". Every change to a slice is
 * conditional on the ETag its writer read, so a slice never has two holders.
 */
export class SendBudgetStore {
  constructor(private readonly table: TableClient) {}

  /**
   * Removes the heartbeat rows an earlier version of the service kept for every instance (partition
   * `instances`), which nothing reads or removes any more; a few rows, once per start.
   */
  async forgetEarlierRegistry(): Promise<number> {
    return deletePartition(this.table, 'instances');
  }

  async read(tenantId: string, signal?: AbortSignal): Promise<TenantBudgetRows> {
    const rows: TenantBudgetRows = { members: [], slices: [], throttle: undefined };
    const entities = this.table.listEntities<BudgetEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${partitionOf(tenantId)}` },
      ...(signal ? { abortSignal: signal } : {}),
    });
    for await (const e of entities) {
      const etag = e.etag;
      const rowKey = e.rowKey ?? '';
      if (rowKey.startsWith('member|') && e.instanceId !== undefined) rows.members.push({ instanceId: e.instanceId, etag });
      else if (rowKey.startsWith('slice|'))
        rows.slices.push({ index: Number(rowKey.slice('slice|'.length)), holder: e.holder ?? '', etag });
      else if (rowKey === THROTTLE) rows.throttle = { untilMs: Number(e.untilMs ?? 0), etag };
    }
    return rows;
  }

  /**
   * One heartbeat: writes this instance's row, renews the slices it keeps and frees those it
   * gives up, all in one transaction. Undefined when one of the slices changed meanwhile (it was
   * taken over): then nothing was written. Otherwise the kept slices' new ETags, by index.
   */
  async renew(
    tenantId: string,
    instanceId: string,
    keep: readonly HeldSlice[],
    release: readonly HeldSlice[],
    signal?: AbortSignal,
  ): Promise<Map<number, string> | undefined> {
    const partitionKey = partitionOf(tenantId);
    const actions: TransactionAction[] = [
      ['upsert', { partitionKey, rowKey: memberKey(instanceId), instanceId }, 'Replace'],
      ...keep.map((s): TransactionAction => ['update', sliceRow(tenantId, s.index, instanceId), 'Replace', { etag: s.etag }]),
      ...release.map((s): TransactionAction => ['update', sliceRow(tenantId, s.index, ''), 'Replace', { etag: s.etag }]),
    ];
    try {
      const answer = await this.table.submitTransaction(actions, signal ? { abortSignal: signal } : {});
      return new Map(keep.map((s, k) => [s.index, answer.subResponses[k + 1]?.etag ?? '']));
    } catch (error) {
      if (isChanged(error)) return undefined;
      throw error;
    }
  }

  /** Takes a slice that is free, or whose holder stopped renewing it, if it is still as read; its ETag, or undefined. */
  async take(tenantId: string, index: number, instanceId: string, readEtag: string): Promise<string | undefined> {
    const written = await updateIfUnchanged(this.table, sliceRow(tenantId, index, instanceId), 'Replace', readEtag);
    return written.kind === 'written' ? written.etag : undefined;
  }

  /** Creates a slice that no instance has written yet, held by this one; its ETag, or undefined when another got there first. */
  async create(tenantId: string, index: number, instanceId: string): Promise<string | undefined> {
    const created = await createOnce(this.table, sliceRow(tenantId, index, instanceId));
    return created.kind === 'created' ? created.etag : undefined;
  }

  /** Removes the row of an instance that stopped beating, unless it beat again meanwhile. */
  async removeMember(tenantId: string, instanceId: string, readEtag: string): Promise<void> {
    await deleteIfUnchanged(this.table, partitionOf(tenantId), memberKey(instanceId), readEtag);
  }

  /** Leaves the tenant: removes this instance's row and frees its slices (those still as it left them). */
  async leave(tenantId: string, instanceId: string, held: readonly HeldSlice[]): Promise<void> {
    const partitionKey = partitionOf(tenantId);
    const free = held.map((s): TransactionAction => ['update', sliceRow(tenantId, s.index, ''), 'Replace', { etag: s.etag }]);
    const together = await submitIfUnchanged(this.table, [['delete', { partitionKey, rowKey: memberKey(instanceId) }], ...free]);
    if (together) return;
    // A slice was taken over meanwhile (or the row was already removed): free the others one by one.
    await Promise.all([
      deleteIfUnchanged(this.table, partitionKey, memberKey(instanceId), '*'),
      ...held.map((s) => updateIfUnchanged(this.table, sliceRow(tenantId, s.index, ''), 'Replace', s.etag)),
    ]);
  }

  /**
   * Sets the tenant's "throttled until" to `untilMs` if the row is still as read (`readEtag`;
   * undefined when there was none). Its new ETag, or undefined when another instance wrote it
   * meanwhile: read it again and keep the later.
   */
  async throttle(tenantId: string, untilMs: number, readEtag: string | undefined): Promise<string | undefined> {
    const row = { partitionKey: partitionOf(tenantId), rowKey: THROTTLE, untilMs };
    if (readEtag === undefined) {
      const created = await createOnce(this.table, row);
      return created.kind === 'created' ? created.etag : undefined;
    }
    const written = await updateIfUnchanged(this.table, row, 'Replace', readEtag);
    return written.kind === 'written' ? written.etag : undefined;
  }
}

function partitionOf(tenantId: string): string {
  return keyOf(tenantId, SEND_BUDGET);
}

const SEND_BUDGET = 'send-budget';

/** Whether a leases-table partition is a tenant's send budget: rows the fleet rewrites on its own every 250 ms while it sends. */
export function isSendBudgetPartition(partitionKey: string): boolean {
  return partitionKey.endsWith(`|${SEND_BUDGET}`);
}

function memberKey(instanceId: string): string {
  return keyOf('member', instanceId);
}

function sliceRow(tenantId: string, index: number, holder: string) {
  return { partitionKey: partitionOf(tenantId), rowKey: keyOf('slice', String(index).padStart(3, '0')), holder };
}

/** A transaction refused because a row it names changed (412) or went (404) since it was read. */
function isChanged(error: unknown): boolean {
  return error instanceof RestError && (error.statusCode === 412 || error.statusCode === 404);
}
