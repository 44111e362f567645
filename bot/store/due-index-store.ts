import { type TableClient, odata } from '@azure/data-tables';
import { keyOf } from './keys.js';
import { deleteRows, listKeys } from './row-deletes.js';
import { deleteIfPresent, getOrUndefined } from './table-ops.js';

/**
 * A learner's next check-in (or a reminder, or a lead's reminder of a follow-up), or a team's next weekly round-up, filed under the UTC
 * minute it falls due. A round-up's `userId` is its team's id.
 */
export interface DueEntry {
  kind: 'checkin' | 'reminder' | 'snooze' | 'roundup' | 'follow-up-reminder';
  minute: string;
  tenantId: string;
  userId: string;
  teamId: string;
  cycle: string;
  dueAt: string;
}

type DueEntity = DueEntry & { partitionKey: string; rowKey: string };
type PointerEntity = { partitionKey: string; rowKey: string; minute: string };

function rowKeyOf(entry: Pick<DueEntry, 'kind' | 'tenantId' | 'userId' | 'cycle'>): string {
  return entry.kind === 'checkin' ? keyOf(entry.tenantId, entry.userId) : keyOf(entry.tenantId, entry.userId, entry.kind, entry.cycle);
}

/** "YYYYMMDDHHmm" in UTC: partitions sort in time order. */
export function minuteKey(date: Date): string {
  return date.toISOString().slice(0, 16).replace(/[-T:]/g, '');
}

/**
 * The scheduler's index of who is due when: one partition per UTC minute, so each tick reads
 * only the minutes that passed, never every learner. A pointer row per learner finds their
 * current entry when their schedule or time zone changes.
 */
export class DueIndexStore {
  constructor(private readonly table: TableClient) {}

  async put(entry: DueEntry): Promise<void> {
    const pointerKey = { partitionKey: keyOf('learner', entry.tenantId), rowKey: keyOf(entry.userId) };
    const previous = await getOrUndefined<PointerEntity>(this.table, pointerKey.partitionKey, pointerKey.rowKey);
    await this.table.upsertEntity<DueEntity>({ partitionKey: entry.minute, rowKey: rowKeyOf(entry), ...entry }, 'Replace');
    await this.table.upsertEntity<PointerEntity>({ ...pointerKey, minute: entry.minute }, 'Replace');
    if (previous && previous.minute !== entry.minute)
      await deleteIfPresent(this.table, previous.minute, keyOf(entry.tenantId, entry.userId));
  }

  /** Reminders are filed alongside; at most one of each kind per learner per cycle. */
  async putReminder(entry: Omit<DueEntry, 'kind'>, kind: Exclude<DueEntry['kind'], 'checkin'> = 'reminder'): Promise<void> {
    const reminder: DueEntry = { ...entry, kind };
    await this.table.upsertEntity<DueEntity>({ partitionKey: reminder.minute, rowKey: rowKeyOf(reminder), ...reminder }, 'Replace');
  }

  /** Files a team's next round-up, dropping the one filed before: a team has one round-up in the index at a time. */
  async putRoundup(entry: Omit<DueEntry, 'kind' | 'userId'>): Promise<void> {
    const roundup: DueEntry = { ...entry, kind: 'roundup', userId: entry.teamId };
    const pointerKey = { partitionKey: keyOf('roundup', entry.tenantId), rowKey: keyOf(entry.teamId) };
    const previous = await getOrUndefined<PointerEntity & { rowKeyOfEntry: string }>(
      this.table,
      pointerKey.partitionKey,
      pointerKey.rowKey,
    );
    await this.table.upsertEntity<DueEntity>({ partitionKey: roundup.minute, rowKey: rowKeyOf(roundup), ...roundup }, 'Replace');
    await this.table.upsertEntity({ ...pointerKey, minute: roundup.minute, rowKeyOfEntry: rowKeyOf(roundup) }, 'Replace');
    if (previous && (previous.minute !== roundup.minute || previous.rowKeyOfEntry !== rowKeyOf(roundup)))
      await deleteIfPresent(this.table, previous.minute, previous.rowKeyOfEntry);
  }

  /** Whether the team has a round-up filed. */
  async hasRoundup(tenantId: string, teamId: string): Promise<boolean> {
    return (await getOrUndefined(this.table, keyOf('roundup', tenantId), keyOf(teamId))) !== undefined;
  }

  /** Takes the team's round-up out of the index (a lead turned it off). */
  async removeRoundup(tenantId: string, teamId: string): Promise<void> {
    const pointerKey = { partitionKey: keyOf('roundup', tenantId), rowKey: keyOf(teamId) };
    const pointer = await getOrUndefined<PointerEntity & { rowKeyOfEntry: string }>(this.table, pointerKey.partitionKey, pointerKey.rowKey);
    if (!pointer) return;
    await deleteIfPresent(this.table, pointer.minute, pointer.rowKeyOfEntry);
    await deleteIfPresent(this.table, pointerKey.partitionKey, pointerKey.rowKey);
  }

  async remove(tenantId: string, userId: string): Promise<void> {
    const pointerKey = { partitionKey: keyOf('learner', tenantId), rowKey: keyOf(userId) };
    const pointer = await getOrUndefined<PointerEntity>(this.table, pointerKey.partitionKey, pointerKey.rowKey);
    if (!pointer) return;
    await deleteIfPresent(this.table, pointer.minute, keyOf(tenantId, userId));
    await deleteIfPresent(this.table, pointerKey.partitionKey, pointerKey.rowKey);
  }

  /**
   * Takes a person out of the index altogether: their pointer, and every check-in, reminder and
   * snooze filed for them under any minute. Reminders have no pointer, so this reads the whole
   * index (one row per learner and a few reminders) — fine for a rare erasure, never for a tick.
   */
  async removeLearnerEverywhere(tenantId: string, userId: string): Promise<number> {
    const filed = await listKeys(this.table, odata`tenantId eq ${tenantId} and userId eq ${userId}`);
    const removed = await deleteRows(this.table, filed);
    await deleteIfPresent(this.table, keyOf('learner', tenantId), keyOf(userId));
    return removed;
  }

  async listMinute(minute: string): Promise<DueEntry[]> {
    const entries: DueEntry[] = [];
    for await (const page of this.pagesOfMinute(minute, 1000)) entries.push(...page);
    return entries;
  }

  /** A minute's entries a page at a time: a whole organisation can fall due in one minute. */
  async *pagesOfMinute(minute: string, pageSize: number): AsyncGenerator<DueEntry[]> {
    const pages = this.table
      .listEntities<DueEntity>({ queryOptions: { filter: odata`PartitionKey eq ${minute}` } })
      .byPage({ maxPageSize: pageSize });
    for await (const page of pages) yield page.map(toEntry);
  }

  /** Drops an entry once planned, unless the learner has since been filed elsewhere. */
  async done(entry: DueEntry): Promise<void> {
    await deleteIfPresent(this.table, entry.minute, rowKeyOf(entry));
  }
}

function toEntry(e: DueEntity): DueEntry {
  return {
    kind: e.kind === 'reminder' || e.kind === 'snooze' || e.kind === 'roundup' || e.kind === 'follow-up-reminder' ? e.kind : 'checkin',
    minute: e.minute,
    tenantId: e.tenantId,
    userId: e.userId,
    teamId: e.teamId,
    cycle: e.cycle,
    dueAt: e.dueAt,
  };
}
