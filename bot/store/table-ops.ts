import {
  RestError,
  type GetTableEntityOptions,
  type TableClient,
  type TableEntity,
  type TableEntityResult,
  type TransactionAction,
  type UpdateMode,
  odata,
} from '@azure/data-tables';
import { prefixEnd, tenantPartitions } from './keys.js';
import { decodeCursor, encodeCursor } from './page-cursor.js';

/**
 * The Table Storage idioms every store shares. Each turns the one status a caller expects (404 no
 * such row, 409 already there, 412 changed since read) into a plain outcome; every other failure
 * is thrown as it came.
 */

/** The written row's new ETag. */
export type Written = { kind: 'written'; etag: string };
/** A conditional write found the row changed since it was read (412): nothing was written. */
export type Changed = { kind: 'changed' };
/** The row is not there (404): nothing was written. */
export type Missing = { kind: 'missing' };

/** The row, or undefined when there is none. */
export async function getOrUndefined<T extends object>(
  table: TableClient,
  partitionKey: string,
  rowKey: string,
  options?: GetTableEntityOptions,
): Promise<TableEntityResult<T> | undefined> {
  try {
    return await table.getEntity<T>(partitionKey, rowKey, options);
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/**
 * Creates a row unless one with its keys exists: with a deterministic row key, doing the same
 * thing twice (a retry, another instance) writes it once and the first write stays.
 */
export async function createOnce<T extends object>(
  table: TableClient,
  entity: TableEntity<T>,
): Promise<{ kind: 'created'; etag: string } | { kind: 'exists' }> {
  try {
    const created = await table.createEntity(entity);
    return { kind: 'created', etag: created.etag ?? '' };
  } catch (error) {
    if (statusOf(error) === 409) return { kind: 'exists' };
    throw error;
  }
}

/** Creates rows of one partition together, in one transaction: all of them, or none when one already exists (false). */
export async function createAllOnce(table: TableClient, entities: readonly TableEntity<object>[]): Promise<boolean> {
  try {
    await table.submitTransaction(entities.map((e): TransactionAction => ['create', e]));
    return true;
  } catch (error) {
    if (statusOf(error) === 409) return false;
    throw error;
  }
}

/**
 * Writes a row only if it is unchanged since it was read with `etag` (`*` for whatever is there
 * now). `changed` and `missing` both mean nothing was written: a caller doing read-modify-write
 * reads again and decides afresh.
 */
export async function updateIfUnchanged<T extends object>(
  table: TableClient,
  entity: TableEntity<T>,
  mode: UpdateMode,
  etag: string,
): Promise<Written | Changed | Missing> {
  try {
    const updated = await table.updateEntity(entity, mode, { etag });
    return { kind: 'written', etag: updated.etag ?? '' };
  } catch (error) {
    const status = statusOf(error);
    if (status === 412) return { kind: 'changed' };
    if (status === 404) return { kind: 'missing' };
    throw error;
  }
}

/** Writes a row that should exist, whatever its ETag; false when it is not there (an update never creates). */
export async function updateIfPresent<T extends object>(table: TableClient, entity: TableEntity<T>, mode: UpdateMode): Promise<boolean> {
  return (await updateIfUnchanged(table, entity, mode, '*')).kind === 'written';
}

/**
 * Submits one partition's transaction whose rows must be as the caller read them (updates with
 * ETags, deletes of rows that must exist); false when one changed or went meanwhile, and then
 * nothing was written.
 */
export async function submitIfUnchanged(table: TableClient, actions: TransactionAction[]): Promise<boolean> {
  try {
    await table.submitTransaction(actions);
    return true;
  } catch (error) {
    const status = statusOf(error);
    if (status === 412 || status === 404) return false;
    throw error;
  }
}

/** Deletes one row, unconditionally (ETag `*`); false when it was already gone. */
export async function deleteIfPresent(table: TableClient, partitionKey: string, rowKey: string): Promise<boolean> {
  return (await deleteIfUnchanged(table, partitionKey, rowKey, '*')).kind === 'deleted';
}

/** Deletes one row only if it is unchanged since it was read with `etag`. */
export async function deleteIfUnchanged(
  table: TableClient,
  partitionKey: string,
  rowKey: string,
  etag: string,
): Promise<{ kind: 'deleted' } | Changed | Missing> {
  try {
    await table.deleteEntity(partitionKey, rowKey, { etag });
    return { kind: 'deleted' };
  } catch (error) {
    const status = statusOf(error);
    if (status === 412) return { kind: 'changed' };
    if (status === 404) return { kind: 'missing' };
    throw error;
  }
}

/**
 * A filter for the rows whose row key continues the key `prefix` (`prefix|…`, as keyOf joins
 * parts): exactly those, never a longer key that merely starts with it (share "a1" must not
 * reach the votes of share "a12").
 */
export function rowKeysUnder(prefix: string): string {
  return odata`RowKey ge ${`${prefix}|`} and RowKey lt ${prefixEnd(prefix)}`;
}

/**
 * Filters built with `odata`, all of which a row must match. Joined as they are: a part that
 * uses `or` brings its own parentheses.
 */
export function allOf(...filters: string[]): string {
  return filters.join(' and ');
}

/**
 * Every row of one kind (row keys under `rowPrefix`) across the tenant's per-team and per-person
 * partitions that matches `filter`, each handed to `map` with its partition's key after the tenant
 * (decoded: a team's or a person's id). For what a person's export and erasure must find wherever it is.
 */
export async function listAcrossTenant<E extends object, T>(
  table: TableClient,
  tenantId: string,
  rowPrefix: string,
  filter: string,
  map: (entity: TableEntityResult<E>, partitionRest: string) => T,
): Promise<T[]> {
  const { from, to } = tenantPartitions(tenantId);
  const rows = table.listEntities<E>({
    queryOptions: { filter: allOf(odata`PartitionKey gt ${from} and PartitionKey lt ${to}`, rowKeysUnder(rowPrefix), filter) },
  });
  const found: T[] = [];
  for await (const e of rows) found.push(map(e, decodeURIComponent((e.partitionKey ?? '').slice(from.length))));
  return found;
}

export interface RowPage<T extends object> {
  rows: TableEntityResult<T>[];
  /** Where the next page starts; null on the last page. */
  nextCursor: string | null;
}

/**
 * One page of one partition's rows (those matching `filter` too, when given), in row key order.
 * The cursor names the partition it continues (page-cursor.ts): one issued for another list is
 * refused with InvalidCursorError before storage is asked.
 */
export async function listPage<T extends object>(
  table: TableClient,
  partitionKey: string,
  options: { limit: number; cursor?: string | undefined; filter?: string },
): Promise<RowPage<T>> {
  const continuationToken = options.cursor ? decodeCursor(options.cursor, partitionKey) : undefined;
  const inPartition = odata`PartitionKey eq ${partitionKey}`;
  const pages = table
    .listEntities<T>({ queryOptions: { filter: options.filter ? allOf(inPartition, options.filter) : inPartition } })
    .byPage({ maxPageSize: options.limit, ...(continuationToken ? { continuationToken } : {}) });
  for await (const page of pages) return { rows: page, nextCursor: encodeCursor(partitionKey, page.continuationToken) };
  return { rows: [], nextCursor: null };
}

function statusOf(error: unknown): number | undefined {
  return error instanceof RestError ? error.statusCode : undefined;
}
