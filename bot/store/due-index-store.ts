import { type TableClient, odata } from '@azure/data-tables';
import { keyOf } from './keys.js';
import { deleteRows, listKeys } from './row-deletes.js';
import { deleteIfPresent, getOrUndefined } from './table-ops.js';

/**
 * A learner's next check-in (or a reminder, a lead's reminder of a follow-up, or a lead's weekly reminder while behind the
 * expectation; its cycle is the week), or a team's next weekly round-up or leads' digest,
 * filed under the UTC minute it falls due. A team's entry has its team's id as `userId`.
 */
export interface DueEntry {
  kind: 'checkin' | 'reminder' | 'snooze' | 'follow-up-reminder' | 'behind-reminder' | TeamDueKind;
  minute: string;
  tenantId: string;
  userId: string;
  teamId: string;
  cycle: string;
  dueAt: string;
}

/** What a team has one of in the index at a time, each with its own pointer. */
export type TeamDueKind = 'roundup' | 'digest';

type DueEntity = DueEntry & { partitionKey: string; rowKey: string };
type PointerEntity = { partitionKey: string; rowKey: string; minute: string };
type TeamPointerEntity = PointerEntity & { rowKeyOfEntry: string };

function teamPointerKey(kind: TeamDueKind, tenantId: string, teamId: string): { partitionKey: string; rowKey: string } {
  return { partitionKey: keyOf(kind, tenantId), rowKey: keyOf(teamId) };
}

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
    await this.putTeamEntry('roundup', entry);
  }

  /** Whether the team has a round-up filed. */
  async hasRoundup(tenantId: string, teamId: string): Promise<boolean> {
    return (await this.filedMinute('roundup', tenantId, teamId)) !== undefined;
  }

  /** Takes the team's round-up out of the index (a lead turned it off). */
  async removeRoundup(tenantId: string, teamId: string): Promise<void> {
    await this.removeTeamEntry('roundup', tenantId, teamId);
  }

  /** Files the team's next digest window, dropping the one filed before (a changed time zone moves it). */
  async putDigest(entry: Omit<DueEntry, 'kind' | 'userId'>): Promise<void> {
    await this.putTeamEntry('digest', entry);
  }

  /** The minute the team's next digest is filed under; undefined when none is. */
  async digestMinute(tenantId: string, teamId: string): Promise<string | undefined> {
    return this.filedMinute('digest', tenantId, teamId);
  }

  /** A team's pointer of each kind says where its one entry of that kind is filed. */
  private async putTeamEntry(kind: TeamDueKind, entry: Omit<DueEntry, 'kind' | 'userId'>): Promise<void> {
    const filed: DueEntry = { ...entry, kind, userId: entry.teamId };
    const pointerKey = teamPointerKey(kind, entry.tenantId, entry.teamId);
    const previous = await getOrUndefined<TeamPointerEntity>(this.table, pointerKey.partitionKey, pointerKey.rowKey);
    await this.table.upsertEntity<DueEntity>({ partitionKey: filed.minute, rowKey: rowKeyOf(filed), ...filed }, 'Replace');
    await this.table.upsertEntity<TeamPointerEntity>({ ...pointerKey, minute: filed.minute, rowKeyOfEntry: rowKeyOf(filed) }, 'Replace');
    if (previous && (previous.minute !== filed.minute || previous.rowKeyOfEntry !== rowKeyOf(filed)))
      await deleteIfPresent(this.table, previous.minute, previous.rowKeyOfEntry);
  }

  private async filedMinute(kind: TeamDueKind, tenantId: string, teamId: string): Promise<string | undefined> {
    const pointerKey = teamPointerKey(kind, tenantId, teamId);
    return (await getOrUndefined<TeamPointerEntity>(this.table, pointerKey.partitionKey, pointerKey.rowKey))?.minute;
  }

  private async removeTeamEntry(kind: TeamDueKind, tenantId: string, teamId: string): Promise<void> {
    const pointerKey = teamPointerKey(kind, tenantId, teamId);
    const pointer = await getOrUndefined<TeamPointerEntity>(this.table, pointerKey.partitionKey, pointerKey.rowKey);
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
    kind:
      e.kind === 'reminder' ||
      e.kind === 'snooze' ||
      e.kind === 'roundup' ||
      e.kind === 'digest' ||
      e.kind === 'follow-up-reminder' ||
      e.kind === 'behind-reminder'
        ? e.kind
        : 'checkin',
    minute: e.minute,
    tenantId: e.tenantId,
    userId: e.userId,
    teamId: e.teamId,
    cycle: e.cycle,
    dueAt: e.dueAt,
  };
}
