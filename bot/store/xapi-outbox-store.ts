import { type TableClient, type TransactionAction, odata } from '@azure/data-tables';
import type { LrsStatus } from '../contract/lrs-view.js';
import type { XapiStatement } from '../domain/xapi/statement-types.js';
import { keyOf } from './keys.js';
import { deleteRows, listKeys } from './row-deletes.js';
import { createAllOnce, createOnce, deleteIfUnchanged, getOrUndefined, submitIfUnchanged } from './table-ops.js';

export type OutboxStatus = 'pending' | 'sent' | 'failed';

/** A statement waiting for, or done with, its trip to the LRS. */
export interface OutboxRow {
  statementId: string;
  statement: XapiStatement;
  status: OutboxStatus;
  attempts: number;
  /** A pending row is due from this instant: after a claim or a failed attempt, later. */
  notBefore: string;
  lastError: string | null;
  /** When the last attempt ended, or when it was written. */
  updatedAt: string;
  /** Who the statement is about and the lead it names, kept so erasure can find it once sent. */
  actorId: string;
  instructorId: string;
  etag: string;
}

export interface NewOutboxRow {
  statement: XapiStatement;
  /** The people a statement names, so erasing one finds their rows. */
  actorId: string;
  instructorId: string | undefined;
  /** Someone other than the actor whose words it carries, so erasing them finds it too. */
  authorId?: string | undefined;
}

type OutboxEntity = {
  partitionKey: string;
  rowKey: string;
  statement: string;
  actorId: string;
  instructorId: string;
  /** Absent on rows written before it was kept. */
  authorId?: string;
  status: OutboxStatus;
  attempts: number;
  notBefore: string;
  lastError: string;
  updatedAt: string;
};

export interface OutboxSummary extends Pick<LrsStatus, 'sent' | 'pending' | 'failed' | 'latestFailure'> {
  /** The earliest instant a pending row is due, if any is. */
  nextDue: string | null;
}

const TRANSACTION_LIMIT = 100;

/**
 * Statements for each tenant's LRS, one partition per tenant keyed by statement id, so writing the
 * same statement twice keeps one row and its progress (a sent one included: it is never sent
 * again). Rows are claimed by a transaction that checks every row's ETag: two workers never send
 * the same row at once.
 */
export class XapiOutboxStore {
  constructor(private readonly table: TableClient) {}

  /** Adds the statements not already there; answers how many were new. */
  async add(tenantId: string, rows: readonly NewOutboxRow[], at: string): Promise<number> {
    const entities = rows.map((r) => toEntity(tenantId, r, at));
    let added = 0;
    for (let i = 0; i < entities.length; i += TRANSACTION_LIMIT) {
      const chunk = entities.slice(i, i + TRANSACTION_LIMIT);
      if (await createAllOnce(this.table, chunk)) {
        added += chunk.length;
        continue;
      }
      // One of them is there already (a retry, a second backfill): the rest go one by one.
      for (const e of chunk) if ((await createOnce(this.table, e)).kind === 'created') added++;
    }
    return added;
  }

  /** Up to `max` rows due now, claimed for `claimSeconds` (their attempt counted); none when another worker won them. */
  async claimDue(tenantId: string, now: Date, max: number, claimSeconds: number): Promise<OutboxRow[]> {
    const due: OutboxRow[] = [];
    const query = this.table.listEntities<OutboxEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${keyOf(tenantId)} and status eq 'pending' and notBefore le ${now.toISOString()}` },
    });
    for await (const e of query) {
      due.push(fromEntity(e));
      if (due.length >= Math.min(max, TRANSACTION_LIMIT)) break;
    }
    if (due.length === 0) return [];
    const until = new Date(now.getTime() + claimSeconds * 1000).toISOString();
    const claims = due.map((r): TransactionAction => [
      'update',
      { partitionKey: keyOf(tenantId), rowKey: r.statementId, notBefore: until, attempts: r.attempts + 1 },
      'Merge',
      { etag: r.etag },
    ]);
    if (!(await submitIfUnchanged(this.table, claims))) return [];
    return due.map((r) => ({ ...r, attempts: r.attempts + 1, notBefore: until }));
  }

  async markSent(tenantId: string, rows: readonly Pick<OutboxRow, 'statementId'>[], at: string): Promise<void> {
    await this.mergeAll(
      tenantId,
      rows.map((r) => r.statementId),
      { status: 'sent', lastError: '', updatedAt: at },
    );
  }

  /** A failed attempt: the rows wait until `retryAt`, or are given up on with the error when there is none. */
  async markAttemptFailed(
    tenantId: string,
    statementIds: readonly string[],
    error: string,
    at: string,
    retryAt: string | null,
  ): Promise<void> {
    await this.mergeAll(tenantId, statementIds, {
      lastError: error.slice(0, 1000),
      updatedAt: at,
      ...(retryAt ? { notBefore: retryAt } : { status: 'failed' }),
    });
  }

  /** Failed rows get a fresh start, for when an admin has put right what made them fail. */
  async retryFailed(tenantId: string, at: string): Promise<number> {
    const ids: string[] = [];
    for await (const e of this.table.listEntities<OutboxEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${keyOf(tenantId)} and status eq 'failed'`, select: ['RowKey'] },
    }))
      ids.push(e.rowKey);
    await this.mergeAll(tenantId, ids, { status: 'pending', attempts: 0, notBefore: at, updatedAt: at });
    return ids.length;
  }

  /** Counts by status, the most recent failure, and when the next pending row is due. */
  async summary(tenantId: string): Promise<OutboxSummary> {
    const summary: OutboxSummary = { sent: 0, pending: 0, failed: 0, latestFailure: null, nextDue: null };
    // The statements themselves stay out of the count (they are most of each row): only the latest failure's is read.
    const rows = this.table.listEntities<OutboxEntity>({
      queryOptions: {
        filter: odata`PartitionKey eq ${keyOf(tenantId)}`,
        select: ['RowKey', 'status', 'notBefore', 'lastError', 'updatedAt'],
      },
    });
    for await (const e of rows) {
      summary[e.status]++;
      if (e.status === 'pending' && (summary.nextDue === null || e.notBefore < summary.nextDue)) summary.nextDue = e.notBefore;
      if (e.status === 'failed' && (!summary.latestFailure || e.updatedAt > summary.latestFailure.at)) {
        summary.latestFailure = { statementId: e.rowKey, verb: '', error: e.lastError, at: e.updatedAt };
      }
    }
    if (summary.latestFailure) {
      const row = await getOrUndefined<OutboxEntity>(this.table, keyOf(tenantId), summary.latestFailure.statementId, {
        queryOptions: { select: ['statement'] },
      });
      // Erased or retried meanwhile: the failure is still worth showing without its verb.
      if (row) summary.latestFailure.verb = (JSON.parse(row.statement) as XapiStatement).verb.display['en-US'] ?? '';
    }
    return summary;
  }

  /** Every statement id the tenant's outbox knows, with where it stands. */
  async listIds(tenantId: string): Promise<{ statementId: string; status: OutboxStatus }[]> {
    const ids: { statementId: string; status: OutboxStatus }[] = [];
    for await (const e of this.table.listEntities<OutboxEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${keyOf(tenantId)}`, select: ['RowKey', 'status'] },
    })) {
      ids.push({ statementId: e.rowKey, status: e.status });
    }
    return ids;
  }

  /**
   * Erasure: the person's own statements go, and so do others' that carry their words (a rating of
   * their share names its title and link), waiting or sent; where they are only the lead a
   * statement names, the statement stays without them. Statements already sent are in the LRS,
   * beyond our reach.
   */
  async removePerson(tenantId: string, userId: string): Promise<number> {
    const partition = keyOf(tenantId);
    const own: { partitionKey: string; rowKey: string }[] = [];
    for await (const e of this.table.listEntities<OutboxEntity>({
      queryOptions: {
        filter: odata`PartitionKey eq ${partition} and (actorId eq ${userId} or authorId eq ${userId})`,
        select: ['RowKey'],
      },
    })) {
      own.push({ partitionKey: partition, rowKey: e.rowKey });
    }
    let changed = await deleteRows(this.table, own);
    for await (const e of this.table.listEntities<OutboxEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${partition} and instructorId eq ${userId}` },
    })) {
      const parsed = JSON.parse(e.statement) as XapiStatement;
      // Only statements with a context name a lead (a voiding one has neither).
      if (!parsed.context) continue;
      const { instructor: _lead, ...context } = parsed.context;
      const statement = { ...parsed, context };
      await this.table.updateEntity(
        { partitionKey: partition, rowKey: e.rowKey, statement: JSON.stringify(statement), instructorId: '' },
        'Merge',
      );
      changed++;
    }
    return changed;
  }

  private async mergeAll(tenantId: string, statementIds: readonly string[], change: Partial<OutboxEntity>): Promise<void> {
    for (let i = 0; i < statementIds.length; i += TRANSACTION_LIMIT) {
      const actions = statementIds
        .slice(i, i + TRANSACTION_LIMIT)
        .map((id): TransactionAction => ['update', { partitionKey: keyOf(tenantId), rowKey: id, ...change }, 'Merge']);
      await this.table.submitTransaction(actions);
    }
  }

  /**
   * Past retention: statements sent before the cutoff (their rows name people), and ones that
   * waited or failed since before it (the records they came from are gone by then too).
   */
  async removeBefore(tenantId: string, cutoff: Date): Promise<number> {
    return deleteRows(
      this.table,
      await listKeys(this.table, odata`PartitionKey eq ${keyOf(tenantId)} and updatedAt lt ${cutoff.toISOString()}`),
    );
  }

  /**
   * A statement whose record is gone: dropped if it still waits (or failed), so it never leaves;
   * answers 'sent' when the LRS already has it (it must be voided there), 'absent' when never written.
   */
  async discard(tenantId: string, statementId: string): Promise<'discarded' | 'sent' | 'absent'> {
    const row = await getOrUndefined<OutboxEntity>(this.table, keyOf(tenantId), statementId, { queryOptions: { select: ['status'] } });
    if (!row) return 'absent';
    if (row.status === 'sent') return 'sent';
    // Claimed meanwhile and sent: the ETag no longer matches, and the next look says so.
    const deleted = await deleteIfUnchanged(this.table, keyOf(tenantId), statementId, row.etag);
    if (deleted.kind === 'changed') return this.discard(tenantId, statementId);
    return deleted.kind === 'deleted' ? 'discarded' : 'absent';
  }
}

function toEntity(tenantId: string, row: NewOutboxRow, at: string): OutboxEntity {
  return {
    partitionKey: keyOf(tenantId),
    rowKey: row.statement.id,
    statement: JSON.stringify(row.statement),
    actorId: row.actorId,
    instructorId: row.instructorId ?? '',
    authorId: row.authorId ?? '',
    status: 'pending',
    attempts: 0,
    notBefore: at,
    lastError: '',
    updatedAt: at,
  };
}

function fromEntity(e: OutboxEntity & { etag: string }): OutboxRow {
  return {
    statementId: e.rowKey,
    statement: JSON.parse(e.statement) as XapiStatement,
    status: e.status,
    attempts: e.attempts,
    notBefore: e.notBefore,
    lastError: e.lastError || null,
    updatedAt: e.updatedAt,
    actorId: e.actorId,
    instructorId: e.instructorId,
    etag: e.etag,
  };
}
