import { RestError, type TableClient, type TransactionAction, odata } from '@azure/data-tables';
import type { LrsStatus } from '../domain/xapi/lrs-settings.js';
import type { XapiStatement } from '../domain/xapi/statement-types.js';
import { keyOf } from './keys.js';
import { deleteRows, listKeys } from './row-deletes.js';

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
}

type OutboxEntity = {
  partitionKey: string;
  rowKey: string;
  statement: string;
  actorId: string;
  instructorId: string;
  status: OutboxStatus;
  attempts: number;
  notBefore: string;
  lastError: string;
  updatedAt: string;
};

/** What stays of a statement once the LRS has it: its id (so it is never sent again) and whom it names (for erasure). */
type SentEntity = { partitionKey: string; rowKey: string; actorId: string; instructorId: string; sentAt: string };

export interface OutboxSummary extends Pick<LrsStatus, 'sent' | 'pending' | 'failed' | 'latestFailure'> {
  /** The earliest instant a pending row is due, if any is. */
  nextDue: string | null;
}

const TRANSACTION_LIMIT = 100;

/**
 * Statements for each tenant's LRS, keyed by statement id, so writing the same statement twice
 * keeps one row and its progress. A tenant's partition holds only what is waiting or failed; once
 * sent, a statement leaves it for a slim row in the tenant's sent partition, so the worker's search
 * for due rows and the status count stay small however long the LRS has been connected. Rows are
 * claimed by a transaction that checks every row's ETag: two workers never send the same row at once.
 */
export class XapiOutboxStore {
  constructor(private readonly table: TableClient) {}

  /** Adds the statements not already there; answers how many were new. */
  async add(tenantId: string, rows: readonly NewOutboxRow[], at: string): Promise<number> {
    const sent = await this.alreadySent(tenantId, rows.map((r) => r.statement.id));
    const entities = rows.filter((r) => !sent.has(r.statement.id)).map((r) => toEntity(tenantId, r, at));
    let added = 0;
    for (let i = 0; i < entities.length; i += TRANSACTION_LIMIT) {
      const chunk = entities.slice(i, i + TRANSACTION_LIMIT);
      try {
        await this.table.submitTransaction(chunk.map((e): TransactionAction => ['create', e]));
        added += chunk.length;
      } catch (error) {
        // One of them is there already (a retry, a second backfill): the rest go one by one.
        if (!isConflict(error)) throw error;
        for (const e of chunk) if (await this.createIfAbsent(e)) added++;
      }
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
    const claims = due.map((r): TransactionAction => ['update', { partitionKey: keyOf(tenantId), rowKey: r.statementId, notBefore: until, attempts: r.attempts + 1 }, 'Merge', { etag: r.etag }]);
    try {
      await this.table.submitTransaction(claims);
    } catch (error) {
      if (error instanceof RestError && (error.statusCode === 412 || error.statusCode === 404)) return [];
      throw error;
    }
    return due.map((r) => ({ ...r, attempts: r.attempts + 1, notBefore: until }));
  }

  /**
   * Moves sent statements to the sent partition: the slim rows first, then the full ones go, so a
   * crash between leaves a statement in both — sent again at worst, which the LRS takes as a no-op.
   */
  async markSent(tenantId: string, rows: readonly Pick<OutboxRow, 'statementId' | 'actorId' | 'instructorId'>[], at: string): Promise<void> {
    const partitionKey = sentPartition(tenantId);
    for (let i = 0; i < rows.length; i += TRANSACTION_LIMIT) {
      const slim = rows.slice(i, i + TRANSACTION_LIMIT).map((r): SentEntity => ({ partitionKey, rowKey: r.statementId, actorId: r.actorId, instructorId: r.instructorId, sentAt: at }));
      await this.table.submitTransaction(slim.map((e): TransactionAction => ['upsert', e, 'Replace']));
    }
    await deleteRows(this.table, rows.map((r) => ({ partitionKey: keyOf(tenantId), rowKey: r.statementId })));
  }

  /** A failed attempt: the rows wait until `retryAt`, or are given up on with the error when there is none. */
  async markAttemptFailed(tenantId: string, statementIds: readonly string[], error: string, at: string, retryAt: string | null): Promise<void> {
    await this.mergeAll(tenantId, statementIds, { lastError: error.slice(0, 1000), updatedAt: at, ...(retryAt ? { notBefore: retryAt } : { status: 'failed' }) });
  }

  /** Failed rows get a fresh start, for when an admin has put right what made them fail. */
  async retryFailed(tenantId: string, at: string): Promise<number> {
    const ids: string[] = [];
    for await (const e of this.table.listEntities<OutboxEntity>({ queryOptions: { filter: odata`PartitionKey eq ${keyOf(tenantId)} and status eq 'failed'`, select: ['RowKey'] } })) ids.push(e.rowKey);
    await this.mergeAll(tenantId, ids, { status: 'pending', attempts: 0, notBefore: at, updatedAt: at });
    return ids.length;
  }

  /** Counts by status, the most recent failure, and when the next pending row is due. */
  async summary(tenantId: string): Promise<OutboxSummary> {
    const summary = await this.waiting(tenantId);
    for await (const _row of this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${sentPartition(tenantId)}`, select: ['RowKey'] } })) summary.sent++;
    return summary;
  }

  /** The waiting and failed rows' counts, latest failure and next due time: the worker's look, which never reads the sent ones. */
  async waiting(tenantId: string): Promise<OutboxSummary> {
    const summary: OutboxSummary = { sent: 0, pending: 0, failed: 0, latestFailure: null, nextDue: null };
    // The statements themselves stay out of the count (they are most of each row): only the latest failure's is read.
    const rows = this.table.listEntities<OutboxEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${keyOf(tenantId)}`, select: ['RowKey', 'status', 'notBefore', 'lastError', 'updatedAt'] },
    });
    for await (const e of rows) {
      // Rows written before sent statements moved out may still say so: they count where they belong.
      summary[e.status]++;
      if (e.status === 'pending' && (summary.nextDue === null || e.notBefore < summary.nextDue)) summary.nextDue = e.notBefore;
      if (e.status === 'failed' && (!summary.latestFailure || e.updatedAt > summary.latestFailure.at)) {
        summary.latestFailure = { statementId: e.rowKey, verb: '', error: e.lastError, at: e.updatedAt };
      }
    }
    if (summary.latestFailure) {
      try {
        const row = await this.table.getEntity<OutboxEntity>(keyOf(tenantId), summary.latestFailure.statementId, { queryOptions: { select: ['statement'] } });
        summary.latestFailure.verb = (JSON.parse(row.statement) as XapiStatement).verb.display['en-US'] ?? '';
      } catch (error) {
        // Erased or retried meanwhile: the failure is still worth showing without its verb.
        if (!(error instanceof RestError && error.statusCode === 404)) throw error;
      }
    }
    return summary;
  }

  /** Every statement id the tenant's outbox knows, with where it stands. */
  async listIds(tenantId: string): Promise<{ statementId: string; status: OutboxStatus }[]> {
    const ids: { statementId: string; status: OutboxStatus }[] = [];
    for await (const e of this.table.listEntities<OutboxEntity>({ queryOptions: { filter: odata`PartitionKey eq ${keyOf(tenantId)}`, select: ['RowKey', 'status'] } })) {
      ids.push({ statementId: e.rowKey, status: e.status });
    }
    for await (const e of this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${sentPartition(tenantId)}`, select: ['RowKey'] } })) {
      ids.push({ statementId: e.rowKey ?? '', status: 'sent' });
    }
    return ids;
  }

  /**
   * Erasure: the person's own statements go; where they are only the lead a statement names, the
   * statement stays without them. Statements already sent are in the LRS, beyond our reach.
   */
  async removePerson(tenantId: string, userId: string): Promise<number> {
    const partition = keyOf(tenantId);
    const own: { partitionKey: string; rowKey: string }[] = [];
    for await (const e of this.table.listEntities<OutboxEntity>({ queryOptions: { filter: odata`PartitionKey eq ${partition} and actorId eq ${userId}`, select: ['RowKey'] } })) {
      own.push({ partitionKey: partition, rowKey: e.rowKey });
    }
    // Sent statements are the LRS's now; the slim rows here that name the person (as learner or lead) go.
    const sent = sentPartition(tenantId);
    for await (const e of this.table.listEntities<SentEntity>({ queryOptions: { filter: odata`PartitionKey eq ${sent} and (actorId eq ${userId} or instructorId eq ${userId})`, select: ['RowKey'] } })) {
      own.push({ partitionKey: sent, rowKey: e.rowKey });
    }
    let changed = await deleteRows(this.table, own);
    for await (const e of this.table.listEntities<OutboxEntity>({ queryOptions: { filter: odata`PartitionKey eq ${partition} and instructorId eq ${userId}` } })) {
      const { instructor: _lead, ...context } = (JSON.parse(e.statement) as XapiStatement).context;
      const statement = { ...(JSON.parse(e.statement) as XapiStatement), context };
      await this.table.updateEntity({ partitionKey: partition, rowKey: e.rowKey, statement: JSON.stringify(statement), instructorId: '' }, 'Merge');
      changed++;
    }
    return changed;
  }

  private async mergeAll(tenantId: string, statementIds: readonly string[], change: Partial<OutboxEntity>): Promise<void> {
    for (let i = 0; i < statementIds.length; i += TRANSACTION_LIMIT) {
      const actions = statementIds.slice(i, i + TRANSACTION_LIMIT).map((id): TransactionAction => ['update', { partitionKey: keyOf(tenantId), rowKey: id, ...change }, 'Merge']);
      await this.table.submitTransaction(actions);
    }
  }

  /**
   * Past retention: what stays here of statements sent before the cutoff, and statements that
   * waited or failed since before it (the records they came from are gone by then too).
   */
  async removeBefore(tenantId: string, cutoff: Date): Promise<number> {
    const before = cutoff.toISOString();
    const [sent, stale] = await Promise.all([
      listKeys(this.table, odata`PartitionKey eq ${sentPartition(tenantId)} and sentAt lt ${before}`),
      listKeys(this.table, odata`PartitionKey eq ${keyOf(tenantId)} and updatedAt lt ${before}`),
    ]);
    return deleteRows(this.table, [...sent, ...stale]);
  }

  /** Which of these statements the LRS already has: one point read each, side by side. */
  private async alreadySent(tenantId: string, statementIds: readonly string[]): Promise<Set<string>> {
    const partitionKey = sentPartition(tenantId);
    const sent = new Set<string>();
    for (let i = 0; i < statementIds.length; i += TRANSACTION_LIMIT) {
      await Promise.all(
        statementIds.slice(i, i + TRANSACTION_LIMIT).map(async (id) => {
          try {
            await this.table.getEntity(partitionKey, id, { queryOptions: { select: ['RowKey'] } });
            sent.add(id);
          } catch (error) {
            if (!(error instanceof RestError && error.statusCode === 404)) throw error;
          }
        }),
      );
    }
    return sent;
  }

  private async createIfAbsent(entity: OutboxEntity): Promise<boolean> {
    try {
      await this.table.createEntity(entity);
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }
}

function sentPartition(tenantId: string): string {
  return keyOf(tenantId, 'sent');
}

function isConflict(error: unknown): boolean {
  return error instanceof RestError && error.statusCode === 409;
}

function toEntity(tenantId: string, row: NewOutboxRow, at: string): OutboxEntity {
  return {
    partitionKey: keyOf(tenantId),
    rowKey: row.statement.id,
    statement: JSON.stringify(row.statement),
    actorId: row.actorId,
    instructorId: row.instructorId ?? '',
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
