import { type TableClient, odata } from '@azure/data-tables';
import { keyOf, tenantPartitions } from './keys.js';
import { deleteMatching, deletePartition } from './row-deletes.js';
import { createOnce, getOrUndefined, updateIfPresent, updateIfUnchanged } from './table-ops.js';

/**
 * A check-in, its one automatic reminder, the reminder a learner asked for, the first hello, news of a new lead, a lead's weekly
 * digest, a lead's one reminder of a follow-up left waiting, a lead's weekly reminder while behind the expectation, or a team's weekly round-up in its learning channel (a round-up's
 * `userId` is its team's id: it goes to no one person).
 */
export type SendKind =
  'checkin' | 'reminder' | 'snooze' | 'intro' | 'lead-notice' | 'digest' | 'follow-up-reminder' | 'behind-reminder' | 'roundup';
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

/** The third part of the partition key of a lead's digests and reminders of follow-ups. */
const DIGESTS = 'digests';
/** The third part of a round-up record's partition key (after the team's id). */
const ROUNDUPS = 'roundups';

/** A digest's cycle: the week it covers, in one team (a lead of two teams gets two). */
export function digestCycle(week: string, teamId: string): string {
  return `${week} ${teamId}`;
}

type SendEntity = Omit<SendRecord, 'etag'> & { partitionKey: string; rowKey: string };

/** Send records live in the learner's partition: their history of cycles is one read. */
export class SendStore {
  constructor(private readonly table: TableClient) {}

  static keys(tenantId: string, userId: string, cycle: string, kind: SendKind) {
    // A lead's digests and follow-up reminders keep to a partition of their own, so a learner's history of check-ins stays one short read.
    const partitionKey =
      kind === 'digest' || kind === 'follow-up-reminder' || kind === 'behind-reminder'
        ? keyOf(tenantId, userId, DIGESTS)
        : kind === 'roundup'
          ? keyOf(tenantId, userId, ROUNDUPS)
          : keyOf(tenantId, userId);
    return { partitionKey, rowKey: keyOf(cycle, kind) };
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

  /** Erases the person's history of check-ins, reminders and digests: those partitions are only theirs. */
  async removeLearner(tenantId: string, userId: string): Promise<number> {
    const [checkIns, digests] = await Promise.all([
      deletePartition(this.table, keyOf(tenantId, userId)),
      deletePartition(this.table, keyOf(tenantId, userId, DIGESTS)),
    ]);
    return checkIns + digests;
  }

  /** Deletes the tenant's send records due before `cutoff` (keys name the cycle, not a time: a filtered scan). */
  async removeDueBefore(tenantId: string, cutoff: Date): Promise<number> {
    const { from, to } = tenantPartitions(tenantId);
    return deleteMatching(this.table, odata`PartitionKey gt ${from} and PartitionKey lt ${to} and dueAt lt ${cutoff.toISOString()}`);
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
