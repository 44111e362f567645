import { RestError, type TableClient, type TransactionAction, odata } from '@azure/data-tables';
import { deleteRows } from './row-deletes.js';
import { removePersonFrom, removeUpdatedBefore } from './xapi-outbox-removals.js';
import { createAllOnce, createOnce, deleteIfUnchanged, getOrUndefined, updateIfUnchanged } from './table-ops.js';
import { legacyPartition, moveLegacySlice } from './xapi-outbox-legacy.js';
import {
  COUNTS,
  countAction,
  fromEntity,
  sentPartition,
  toEntity,
  waitingPartition,
  type CountsEntity,
  type NewOutboxRow,
  type OutboxEntity,
  type OutboxRow,
  type OutboxStatus,
  type OutboxSummary,
} from './xapi-outbox-rows.js';

// The store's own types, where its callers have always found them.
export type { NewOutboxRow, OutboxRow, OutboxStatus, OutboxSummary };

const TRANSACTION_LIMIT = 100;

/**
 * Statements for each tenant's LRS. Those still to go (waiting, or failed) live in the tenant's
 * waiting partition, keyed by statement id, beside a row counting what went: a claim is one range
 * read of what waits plus one transaction, and the status one read of what waits plus the count,
 * whatever the history. A statement sent moves to the tenant's sent partition as a slim row (who it
 * names, when it went — for erasure and retention); writing the same statement again finds it there
 * and keeps it gone. Rows are claimed and moved by ETag: two workers never send the same row at
 * once, and a worker whose claim ran out never moves a row another worker now holds.
 */
export class XapiOutboxStore {
  /** `table` holds what waits (and rows of earlier versions); `sent` the slim rows of what went, apart, so reading what waits never passes over them. */
  constructor(
    private readonly table: TableClient,
    private readonly sent: TableClient,
  ) {}

  static waitingPartition(tenantId: string): string {
    return waitingPartition(tenantId);
  }

  static sentPartition(tenantId: string): string {
    return sentPartition(tenantId);
  }

  /**
   * Moves a slice of the rows an earlier version left (xapi-outbox-legacy.ts) to where they now
   * belong; answers how many it moved (0 once there are none).
   */
  async migrateLegacy(tenantId: string): Promise<number> {
    const { moved, sent } = await moveLegacySlice(this.table, this.sent, tenantId);
    await this.addToCount(tenantId, sent);
    return moved;
  }

  /** Adds the statements not already there (waiting or sent); answers how many were new. */
  async add(tenantId: string, rows: readonly NewOutboxRow[], at: string): Promise<number> {
    const entities = [...new Map(rows.map((r) => [r.statement.id, toEntity(tenantId, r, at)])).values()];
    let added = 0;
    for (let i = 0; i < entities.length; i += TRANSACTION_LIMIT) {
      const sent = await this.sentAmong(
        tenantId,
        entities.slice(i, i + TRANSACTION_LIMIT).map((e) => e.rowKey),
      );
      const chunk = entities.slice(i, i + TRANSACTION_LIMIT).filter((e) => !sent.has(e.rowKey));
      if (chunk.length === 0) continue;
      if (await createAllOnce(this.table, chunk)) {
        added += chunk.length;
        continue;
      }
      // One of them waits already (a retry, a second backfill): the rest go one by one.
      for (const e of chunk) if ((await createOnce(this.table, e)).kind === 'created') added++;
    }
    return added;
  }

  /** Up to `max` rows due now, claimed for `claimSeconds` (their attempt counted): one read and one transaction; none when another worker won them. */
  async claimDue(tenantId: string, now: Date, max: number, claimSeconds: number): Promise<OutboxRow[]> {
    const partitionKey = XapiOutboxStore.waitingPartition(tenantId);
    const pages = this.table
      .listEntities<OutboxEntity>({
        queryOptions: { filter: odata`PartitionKey eq ${partitionKey} and status eq 'pending' and notBefore le ${now.toISOString()}` },
      })
      .byPage({ maxPageSize: Math.min(max, TRANSACTION_LIMIT) });
    let due: OutboxRow[] = [];
    for await (const page of pages) {
      due = page.map(fromEntity);
      break;
    }
    if (due.length === 0) return [];
    const until = new Date(now.getTime() + claimSeconds * 1000).toISOString();
    const claims = due.map((r): TransactionAction => [
      'update',
      { partitionKey, rowKey: r.statementId, notBefore: until, attempts: r.attempts + 1 },
      'Merge',
      { etag: r.etag },
    ]);
    const answer = await this.submitOrNothing(claims);
    if (!answer) return [];
    // Sub-responses come in the order of the operations (the service does not always name their rows).
    const claimed = due.map((r, k) => ({ ...r, attempts: r.attempts + 1, notBefore: until, etag: answer.subResponses[k]?.etag ?? '' }));
    // Without an ETag a later move would be unconditional: read the row's own instead.
    for (const row of claimed.filter((r) => !r.etag))
      row.etag = (await getOrUndefined(this.table, partitionKey, row.statementId))?.etag ?? '*';
    return claimed;
  }

  /**
   * The LRS has these claimed rows: each goes to the sent partition and leaves the waiting one,
   * and the count goes up, in one transaction with the rows' ETags — a row another worker
   * claimed since (its claim ran out) stays for that worker to finish.
   */
  async markSent(
    tenantId: string,
    rows: readonly Pick<OutboxRow, 'statementId' | 'etag' | 'actorId' | 'instructorId' | 'authorId'>[],
    at: string,
  ): Promise<void> {
    const sentPartition = XapiOutboxStore.sentPartition(tenantId);
    for (let i = 0; i < rows.length; i += TRANSACTION_LIMIT) {
      const chunk = rows.slice(i, i + TRANSACTION_LIMIT);
      await this.sent.submitTransaction(
        chunk.map((r): TransactionAction => [
          'upsert',
          {
            partitionKey: sentPartition,
            rowKey: r.statementId,
            actorId: r.actorId,
            instructorId: r.instructorId,
            authorId: r.authorId ?? '',
            updatedAt: at,
          },
          'Replace',
        ]),
      );
    }
    // One place in each transaction is the count's.
    for (let i = 0; i < rows.length; i += TRANSACTION_LIMIT - 1)
      await this.leaveWaiting(tenantId, rows.slice(i, i + TRANSACTION_LIMIT - 1));
  }

  private async leaveWaiting(tenantId: string, rows: readonly Pick<OutboxRow, 'statementId' | 'etag'>[]): Promise<void> {
    const partitionKey = XapiOutboxStore.waitingPartition(tenantId);
    const counts = await getOrUndefined<CountsEntity>(this.table, partitionKey, COUNTS);
    // Marked sent by ETag with the count (a transaction's deletes cannot be conditional), then deleted.
    const marks = rows.map((r): TransactionAction => [
      'update',
      { partitionKey, rowKey: r.statementId, status: 'sent' },
      'Merge',
      { etag: r.etag },
    ]);
    let moved: readonly Pick<OutboxRow, 'statementId'>[] = rows;
    if (!(await this.submitOrNothing([...marks, countAction(partitionKey, counts, rows.length)]))) {
      // A row changed meanwhile (claimed again once its claim ran out), or the count did: each row on its own.
      const mine: Pick<OutboxRow, 'statementId'>[] = [];
      for (const r of rows)
        if (
          (await updateIfUnchanged(this.table, { partitionKey, rowKey: r.statementId, status: 'sent' }, 'Merge', r.etag)).kind === 'written'
        )
          mine.push(r);
      await this.addToCount(tenantId, mine.length);
      moved = mine;
    }
    // A row left marked by a crash here is never claimed (it is not pending) and retention takes it.
    await deleteRows(
      this.table,
      moved.map((r) => ({ partitionKey, rowKey: r.statementId })),
    );
  }

  private async addToCount(tenantId: string, n: number): Promise<void> {
    if (n === 0) return;
    const partitionKey = XapiOutboxStore.waitingPartition(tenantId);
    for (;;) {
      const counts = await getOrUndefined<CountsEntity>(this.table, partitionKey, COUNTS);
      if (await this.submitOrNothing([countAction(partitionKey, counts, n)])) return;
    }
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
      queryOptions: {
        filter: odata`PartitionKey eq ${XapiOutboxStore.waitingPartition(tenantId)} and status eq 'failed'`,
        select: ['RowKey'],
      },
    }))
      ids.push(e.rowKey);
    await this.mergeAll(tenantId, ids, { status: 'pending', attempts: 0, notBefore: at, updatedAt: at });
    return ids.length;
  }

  /** Counts by status, the most recent failure, and when the next waiting row is due: what waits, and the count of what went. */
  async summary(tenantId: string): Promise<OutboxSummary> {
    const partitionKey = XapiOutboxStore.waitingPartition(tenantId);
    const summary: OutboxSummary = { sent: 0, pending: 0, failed: 0, latestFailure: null, nextDue: null };
    const waiting = async () => {
      // The statements themselves stay out of the read (they are most of each row).
      const rows = this.table.listEntities<OutboxEntity & { sent?: number }>({
        queryOptions: {
          filter: odata`PartitionKey eq ${partitionKey}`,
          select: ['RowKey', 'status', 'notBefore', 'lastError', 'updatedAt', 'verb', 'sent'],
        },
      });
      for await (const e of rows) {
        if (e.rowKey === COUNTS) {
          summary.sent += e.sent ?? 0;
          continue;
        }
        if (e.status === 'pending') {
          summary.pending++;
          if (summary.nextDue === null || e.notBefore < summary.nextDue) summary.nextDue = e.notBefore;
        }
        if (e.status === 'failed') {
          summary.failed++;
          if (!summary.latestFailure || e.updatedAt > summary.latestFailure.at)
            summary.latestFailure = { statementId: e.rowKey, verb: e.verb ?? '', error: e.lastError, at: e.updatedAt };
        }
      }
    };
    await waiting();
    return summary;
  }

  /** Every statement id the tenant's outbox knows, with where it stands. */
  async listIds(tenantId: string): Promise<{ statementId: string; status: OutboxStatus }[]> {
    const ids: { statementId: string; status: OutboxStatus }[] = [];
    for (const [table, partitionKey] of [
      [this.table, XapiOutboxStore.waitingPartition(tenantId)],
      [this.sent, XapiOutboxStore.sentPartition(tenantId)],
    ] as const) {
      for await (const e of table.listEntities<OutboxEntity>({
        queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ['RowKey', 'status'] },
      })) {
        if (e.rowKey !== COUNTS) ids.push({ statementId: e.rowKey, status: e.status ?? 'sent' });
      }
    }
    return ids;
  }

  /**
   * Erasure: the person's own statements go, and so do others' that carry their words, waiting or
   * sent; where they are only the lead a statement names, it stays without them (xapi-outbox-removals.ts).
   */
  async removePerson(tenantId: string, userId: string): Promise<number> {
    return removePersonFrom(this.everyPartitionOf(tenantId), userId);
  }

  /** Past retention: statements sent, waiting or failed since before the cutoff (xapi-outbox-removals.ts). */
  async removeBefore(tenantId: string, cutoff: Date): Promise<number> {
    return removeUpdatedBefore(this.everyPartitionOf(tenantId), cutoff);
  }

  private async mergeAll(tenantId: string, statementIds: readonly string[], change: Partial<OutboxEntity>): Promise<void> {
    const partitionKey = XapiOutboxStore.waitingPartition(tenantId);
    for (let i = 0; i < statementIds.length; i += TRANSACTION_LIMIT) {
      const actions = statementIds
        .slice(i, i + TRANSACTION_LIMIT)
        .map((id): TransactionAction => ['update', { partitionKey, rowKey: id, ...change }, 'Merge']);
      await this.table.submitTransaction(actions);
    }
  }

  /**
   * A statement whose record is gone: dropped if it still waits (or failed), so it never leaves;
   * answers 'sent' when the LRS already has it (it must be voided there), 'absent' when never written.
   */
  async discard(tenantId: string, statementId: string): Promise<'discarded' | 'sent' | 'absent'> {
    const partitionKey = XapiOutboxStore.waitingPartition(tenantId);
    const row = await getOrUndefined<OutboxEntity>(this.table, partitionKey, statementId, { queryOptions: { select: ['status'] } });
    if (!row) return (await getOrUndefined(this.sent, XapiOutboxStore.sentPartition(tenantId), statementId)) ? 'sent' : 'absent';
    if (row.status === 'sent') return 'sent';
    // Claimed meanwhile and sent: the ETag no longer matches, and the next look says so.
    const deleted = await deleteIfUnchanged(this.table, partitionKey, statementId, row.etag);
    if (deleted.kind === 'changed' || deleted.kind === 'missing') return this.discard(tenantId, statementId);
    return 'discarded';
  }

  /** Where a tenant's statements may be: waiting, gone (slim), and as an earlier version left them. */
  private everyPartitionOf(tenantId: string): (readonly [TableClient, string])[] {
    return [
      [this.table, XapiOutboxStore.waitingPartition(tenantId)],
      [this.sent, XapiOutboxStore.sentPartition(tenantId)],
      [this.table, legacyPartition(tenantId)],
    ];
  }

  /** Which of these statements already went. */
  private async sentAmong(tenantId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const anyOf = ids.map((id) => odata`RowKey eq ${id}`).join(' or ');
    const found = new Set<string>();
    for await (const e of this.sent.listEntities({
      queryOptions: { filter: `${odata`PartitionKey eq ${XapiOutboxStore.sentPartition(tenantId)}`} and (${anyOf})`, select: ['RowKey'] },
    }))
      found.add(e.rowKey ?? '');
    return found;
  }

  /** A transaction's answer, or undefined when a row in it changed or went meanwhile (nothing was written). */
  private async submitOrNothing(actions: TransactionAction[]) {
    try {
      return await this.table.submitTransaction(actions);
    } catch (error) {
      const status = error instanceof RestError ? error.statusCode : undefined;
      if (status === 412 || status === 404 || status === 409) return undefined;
      throw error;
    }
  }
}
