import { type TableClient, odata } from '@azure/data-tables';
import { keyOf, tenantPartitions } from './keys.js';
import { deletePartition, deleteRows, listKeys } from './row-deletes.js';
import { createOnce, getOrUndefined, updateIfPresent, updateIfUnchanged } from './table-ops.js';

/** A check-in, its one automatic reminder, the reminder a learner asked for, the first hello, or news of a new lead. */
export type SendKind = 'checkin' | 'reminder' | 'snooze' | 'intro' | 'lead-notice';
export type SendStatus = 'pending' | 'sending' | 'sent' | 'blocked' | 'stale' | 'failed' | 'skipped';

/** One proactive message to one learner for one cycle: the unit of exactly-once delivery. */
export interface SendRecord {
  tenantId: string;
  userId: string;
  cycle: string;
  kind: SendKind;
  teamId: string;
  dueAt: string;
  status: SendStatus;
  attempts: number;
  /** Failed attempts (server errors); throttling is not a failure. */
  failures?: number;
  claimedUntil?: string;
  sentAt?: string;
  activityId?: string;
  respondedAt?: string;
  /** How the learner answered: with learning, or "nothing this week". */
  answer?: 'entry' | 'nothing';
  lastError?: string;
  etag?: string;
}

type SendEntity = Omit<SendRecord, 'etag'> & { partitionKey: string; rowKey: string };

/** Send records live in the learner's partition: their history of cycles is one read. */
export class SendStore {
  constructor(private readonly table: TableClient) {}

  static keys(tenantId: string, userId: string, cycle: string, kind: SendKind) {
    return { partitionKey: keyOf(tenantId, userId), rowKey: keyOf(cycle, kind) };
  }

  /** Creates the record unless it exists; the deterministic key makes scheduling idempotent. */
  async createIfAbsent(record: Omit<SendRecord, 'status' | 'attempts' | 'etag'>): Promise<boolean> {
    const entity: SendEntity = {
      ...SendStore.keys(record.tenantId, record.userId, record.cycle, record.kind),
      ...record,
      status: 'pending',
      attempts: 0,
    };
    return (await createOnce(this.table, entity)).kind === 'created';
  }

  async get(tenantId: string, userId: string, cycle: string, kind: SendKind): Promise<SendRecord | undefined> {
    const { partitionKey, rowKey } = SendStore.keys(tenantId, userId, cycle, kind);
    const e = await getOrUndefined<SendEntity>(this.table, partitionKey, rowKey);
    return e ? fromEntity(e) : undefined;
  }

  /**
   * Writes changes only if nobody changed the record since it was read (ETag); false when
   * another worker got there first.
   */
  async update(
    record: SendRecord,
    changes: Partial<Omit<SendRecord, 'tenantId' | 'userId' | 'cycle' | 'kind' | 'etag'>>,
  ): Promise<SendRecord | undefined> {
    const keys = SendStore.keys(record.tenantId, record.userId, record.cycle, record.kind);
    const outcome = await updateIfUnchanged(this.table, { ...keys, ...changes }, 'Merge', record.etag ?? '*');
    return outcome.kind === 'written' ? { ...record, ...changes, etag: outcome.etag } : undefined;
  }

  /** Marks the learner's check-in for a cycle answered (any answer, including "nothing this week"). */
  async markResponded(tenantId: string, userId: string, cycle: string, at: Date, answer: 'entry' | 'nothing'): Promise<void> {
    const keys = SendStore.keys(tenantId, userId, cycle, 'checkin');
    await updateIfPresent(this.table, { ...keys, respondedAt: at.toISOString(), answer }, 'Merge');
  }

  /** Erases the learner's history of check-ins and reminders: their partition is only theirs. */
  async removeLearner(tenantId: string, userId: string): Promise<number> {
    return deletePartition(this.table, keyOf(tenantId, userId));
  }

  /** Deletes the tenant's send records due before `cutoff` (keys name the cycle, not a time: a filtered scan). */
  async removeDueBefore(tenantId: string, cutoff: Date): Promise<number> {
    const { from, to } = tenantPartitions(tenantId);
    return deleteRows(
      this.table,
      await listKeys(this.table, odata`PartitionKey gt ${from} and PartitionKey lt ${to} and dueAt lt ${cutoff.toISOString()}`),
    );
  }

  async listForLearner(tenantId: string, userId: string, limit = 60): Promise<SendRecord[]> {
    const records: SendRecord[] = [];
    const rows = this.table.listEntities<SendEntity>({ queryOptions: { filter: odata`PartitionKey eq ${keyOf(tenantId, userId)}` } });
    for await (const e of rows) {
      records.push(fromEntity(e));
      if (records.length >= limit * 2) break;
    }
    return records;
  }
}

function fromEntity(e: SendEntity & { etag?: string }): SendRecord {
  const { partitionKey: _p, rowKey: _r, ...rest } = e as SendEntity & { etag?: string; timestamp?: string };
  delete (rest as { timestamp?: string }).timestamp;
  return rest as SendRecord;
}
