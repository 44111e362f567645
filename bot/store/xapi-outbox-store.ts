import { RestError, type TableClient, type TransactionAction, odata } from '@azure/data-tables';
import type { LrsStatus } from '../contract/lrs-view.js';
import type { XapiStatement } from '../domain/xapi/statement-types.js';
import { keyOf } from './keys.js';
import { deleteMatching, deleteRows } from './row-deletes.js';
import { createAllOnce, createOnce, deleteIfPresent, deleteIfUnchanged, getOrUndefined, updateIfUnchanged } from './table-ops.js';

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
  /** Someone other than the actor whose words it carries. */
  authorId?: string;
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
  /** The verb's English name, for the status's latest failure without reading the statement. */
  verb?: string;
};

export interface OutboxSummary extends Pick<LrsStatus, 'sent' | 'pending' | 'failed' | 'latestFailure'> {
  /** The earliest instant a pending row is due, if any is. */
  nextDue: string | null;
}

const TRANSACTION_LIMIT = 100;
/** The row in the waiting partition that counts what has gone to the LRS. */
const COUNTS = '~counts';
/** Legacy rows moved per call: a bounded slice, so a message that migrates still finishes in time. */
const MIGRATE_SLICE = 100;

type SentEntity = { partitionKey: string; rowKey: string; actorId: string; instructorId: string; authorId?: string; updatedAt: string };
type CountsEntity = { partitionKey: string; rowKey: string; sent: number };

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
    return keyOf(tenantId, 'waiting');
  }

  static sentPartition(tenantId: string): string {
    return keyOf(tenantId);
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
   * Erasure: the person's own statements go, and so do others' that carry their words (a rating of
   * their share names its title and link), waiting or sent; where they are only the lead a
   * statement names, the statement stays without them. Statements already sent are in the LRS,
   * beyond our reach.
   */
  async removePerson(tenantId: string, userId: string): Promise<number> {
    let changed = 0;
    for (const [table, partitionKey] of this.everyPartitionOf(tenantId)) {
      changed += await deleteMatching(table, odata`PartitionKey eq ${partitionKey} and (actorId eq ${userId} or authorId eq ${userId})`);
      for await (const e of table.listEntities<OutboxEntity>({
        queryOptions: { filter: odata`PartitionKey eq ${partitionKey} and instructorId eq ${userId}` },
      })) {
        const parsed = e.statement ? (JSON.parse(e.statement) as XapiStatement) : undefined;
        // Only statements with a context name a lead (a voiding one has neither); a sent row keeps no statement.
        const { instructor: _lead, ...context } = parsed?.context ?? {};
        const statement = parsed?.context ? { statement: JSON.stringify({ ...parsed, context }) } : {};
        await table.updateEntity({ partitionKey, rowKey: e.rowKey, ...statement, instructorId: '' }, 'Merge');
        changed++;
      }
    }
    return changed;
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
   * Past retention: statements sent before the cutoff (their rows name people), and ones that
   * waited or failed since before it (the records they came from are gone by then too).
   */
  async removeBefore(tenantId: string, cutoff: Date): Promise<number> {
    let removed = 0;
    for (const [table, partitionKey] of this.everyPartitionOf(tenantId))
      removed += await deleteMatching(table, odata`PartitionKey eq ${partitionKey} and updatedAt lt ${cutoff.toISOString()}`);
    return removed;
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

  /**
   * Moves a slice of rows written before statements were kept apart by state (one partition per
   * tenant) to where they now belong; answers how many it moved (0 once there are none).
   */
  async migrateLegacy(tenantId: string): Promise<number> {
    const legacy = keyOf(tenantId);
    const pages = this.table
      .listEntities<OutboxEntity>({ queryOptions: { filter: odata`PartitionKey eq ${legacy}` } })
      .byPage({ maxPageSize: MIGRATE_SLICE });
    let rows: (OutboxEntity & { etag: string })[] = [];
    for await (const page of pages) {
      rows = page;
      break;
    }
    let sent = 0;
    for (const e of rows) {
      if (e.status === 'sent') {
        const slim: SentEntity = {
          partitionKey: XapiOutboxStore.sentPartition(tenantId),
          rowKey: e.rowKey,
          actorId: e.actorId,
          instructorId: e.instructorId,
          authorId: e.authorId ?? '',
          updatedAt: e.updatedAt,
        };
        await this.sent.upsertEntity(slim, 'Replace');
        sent++;
      } else {
        const { etag: _etag, ...rest } = e as OutboxEntity & { etag: string; timestamp?: string };
        delete (rest as { timestamp?: string }).timestamp;
        await this.table.upsertEntity(
          { ...rest, partitionKey: XapiOutboxStore.waitingPartition(tenantId), verb: verbOf(e.statement) },
          'Replace',
        );
      }
      await deleteIfPresent(this.table, legacy, e.rowKey);
    }
    await this.addToCount(tenantId, sent);
    return rows.length;
  }

  /** Where a tenant's statements may be: waiting, gone (slim), and as an earlier version left them. */
  private everyPartitionOf(tenantId: string): (readonly [TableClient, string])[] {
    return [
      [this.table, XapiOutboxStore.waitingPartition(tenantId)],
      [this.sent, XapiOutboxStore.sentPartition(tenantId)],
      [this.table, keyOf(tenantId)],
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

function countAction(partitionKey: string, counts: (CountsEntity & { etag: string }) | undefined, n: number): TransactionAction {
  return counts
    ? ['update', { partitionKey, rowKey: COUNTS, sent: counts.sent + n }, 'Merge', { etag: counts.etag }]
    : ['create', { partitionKey, rowKey: COUNTS, sent: n }];
}

function verbOf(statement: string): string {
  try {
    return (JSON.parse(statement) as XapiStatement).verb.display['en-US'] ?? '';
  } catch {
    return '';
  }
}

function toEntity(tenantId: string, row: NewOutboxRow, at: string): OutboxEntity {
  return {
    partitionKey: XapiOutboxStore.waitingPartition(tenantId),
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
    verb: row.statement.verb.display['en-US'] ?? '',
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
    ...(e.authorId ? { authorId: e.authorId } : {}),
    etag: e.etag,
  };
}
