import { type TableClient, type TransactionAction, odata } from '@azure/data-tables';
import { storedVisibility } from '../domain/entry-visibility.js';
import { ACTION_ANSWERS, type ActionAnswer, type LearningEntry, type SourceType } from '../contract/learning-entry.js';
import { ASK_WITHIN_MS, actionsToAsk } from '../domain/follow-through.js';
import { keyOf, newestFirstTimeKey, prefixEnd, tenantPartitions } from './keys.js';
import { deleteMatching, deletePartition } from './row-deletes.js';
import {
  allOf,
  createAllOnce,
  getOrUndefined,
  listPage,
  rowKeysUnder,
  submitIfUnchanged,
  updateIfPresent,
  updateIfUnchanged,
} from './table-ops.js';

/** Stored shape: flat scalar properties, as Table Storage wants them. */
type EntryEntity = {
  partitionKey: string;
  rowKey: string;
  kind: 'entry';
  id: string;
  tenantId: string;
  userId: string;
  what: string;
  sourceType: string;
  link?: string;
  minutes?: number;
  rating?: number;
  insight?: string;
  action?: string;
  result?: string;
  /** The latest answer about the action and when (absent: never answered). */
  actionAnswer?: string;
  actionAnsweredAt?: string;
  /** Absent on entries saved before the choice existed: they read as the default. */
  visibility?: string;
  createdAt: string;
};

/** Records that a card was already turned into an entry, so a repeated submit finds it. */
type SubmissionMarker = {
  partitionKey: string;
  rowKey: string;
  kind: 'submission';
  entryRowKey: string;
};

export interface EntryPage {
  entries: LearningEntry[];
  nextCursor: string | null;
}

const ENTRY_PREFIX = 'e';
const SUBMISSION_PREFIX = 's';

/** Learning entries: one partition per learner, so a learner's log is a single-partition read. */
export class EntryStore {
  constructor(private readonly table: TableClient) {}

  static partitionKey(tenantId: string, userId: string): string {
    return keyOf(tenantId, userId);
  }

  /**
   * Saves an entry made from one card submission, once. The entry and its submission marker
   * are written in one batch in the learner's partition: both or neither, and a second
   * attempt with the same submission id finds the first entry instead of adding another.
   */
  async addOnce(entry: LearningEntry, submissionId: string): Promise<{ entry: LearningEntry; created: boolean }> {
    const partitionKey = EntryStore.partitionKey(entry.tenantId, entry.userId);
    const entity = toEntity(entry);
    const marker: SubmissionMarker = {
      partitionKey,
      rowKey: keyOf(SUBMISSION_PREFIX, submissionId),
      kind: 'submission',
      entryRowKey: entity.rowKey,
    };
    if (await createAllOnce(this.table, [marker, entity])) return { entry, created: true };
    const existing = await this.findBySubmission(entry.tenantId, entry.userId, submissionId);
    if (!existing) throw new Error('A row of this submission exists, yet its entry cannot be found');
    return { entry: existing, created: false };
  }

  /**
   * Records the learner's answer about an earlier entry's action (with its words, for a result).
   * The key is built from the learner's own partition, so a learner can only ever answer for their
   * own entries. The entry as it now stands; undefined when it is gone.
   */
  async recordActionAnswer(
    tenantId: string,
    userId: string,
    entry: { id: string; createdAt: string },
    answer: { answer: ActionAnswer; at: string; result: string | null },
  ): Promise<LearningEntry | undefined> {
    const keys = {
      partitionKey: EntryStore.partitionKey(tenantId, userId),
      rowKey: keyOf(ENTRY_PREFIX, newestFirstTimeKey(new Date(entry.createdAt)), entry.id),
    };
    const words = answer.answer === 'result' && answer.result !== null ? { result: answer.result } : {};
    const answered = { actionAnswer: answer.answer, actionAnsweredAt: answer.at, ...words };
    // Read beside the merge rather than after it, and shown with the merged fields on it: what a read after it would give.
    const [written, stored] = await Promise.all([
      updateIfPresent(this.table, { ...keys, ...answered }, 'Merge'),
      getOrUndefined<EntryEntity>(this.table, keys.partitionKey, keys.rowKey),
    ]);
    return written && stored?.kind === 'entry' ? fromEntity({ ...stored, ...answered }) : undefined;
  }

  /** The learner's actions still awaiting a result, oldest first, as a check-in asks about them: one read of recent weeks. */
  async actionsAwaiting(tenantId: string, userId: string, now: Date): Promise<LearningEntry[]> {
    const recent: LearningEntry[] = [];
    const from = new Date(now.getTime() - ASK_WITHIN_MS);
    for await (const e of this.streamBetween(tenantId, userId, from, new Date(now.getTime() + 1))) recent.push(e);
    return actionsToAsk(recent);
  }

  async findBySubmission(tenantId: string, userId: string, submissionId: string): Promise<LearningEntry | undefined> {
    const partitionKey = EntryStore.partitionKey(tenantId, userId);
    const marker = await getOrUndefined<SubmissionMarker>(this.table, partitionKey, keyOf(SUBMISSION_PREFIX, submissionId));
    if (!marker) return undefined;
    const entity = await getOrUndefined<EntryEntity>(this.table, partitionKey, marker.entryRowKey);
    return entity ? fromEntity(entity) : undefined;
  }

  /**
   * A page of the learner's entries, newest first. `since` keeps to those made at or after it, in
   * the query itself (keys are ordered by time), so every page is full however old the log is.
   */
  async listForUser(tenantId: string, userId: string, options: { limit: number; cursor?: string; since?: Date }): Promise<EntryPage> {
    const { since, ...paging } = options;
    const entries = rowKeysUnder(keyOf(ENTRY_PREFIX));
    const page = await listPage<EntryEntity>(this.table, EntryStore.partitionKey(tenantId, userId), {
      ...paging,
      filter: since ? allOf(entries, odata`RowKey lt ${prefixEnd(keyOf(ENTRY_PREFIX, newestFirstTimeKey(since)))}`) : entries,
    });
    return { entries: page.rows.map(fromEntity), nextCursor: page.nextCursor };
  }

  /** The learner's entries made in [from, to): one range read, as row keys are ordered by time. */
  async listBetween(tenantId: string, userId: string, from: Date, to: Date): Promise<LearningEntry[]> {
    const entries: LearningEntry[] = [];
    for await (const e of this.streamBetween(tenantId, userId, from, to)) entries.push(e);
    return entries;
  }

  /** The same range, newest first, one storage page in memory at a time: for exports of any length. */
  async *streamBetween(tenantId: string, userId: string, from: Date, to: Date): AsyncGenerator<LearningEntry> {
    const partitionKey = EntryStore.partitionKey(tenantId, userId);
    const newest = keyOf(ENTRY_PREFIX, newestFirstTimeKey(new Date(to.getTime() - 1)));
    const oldest = prefixEnd(keyOf(ENTRY_PREFIX, newestFirstTimeKey(from)));
    const rows = this.table.listEntities<EntryEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${newest} and RowKey lt ${oldest}` },
    });
    for await (const e of rows) yield fromEntity(e);
  }

  /** One of the learner's own entries, by id; the partition makes anyone else's unreachable. */
  async getOwn(tenantId: string, userId: string, entryId: string): Promise<{ entry: LearningEntry; etag: string } | undefined> {
    const partitionKey = EntryStore.partitionKey(tenantId, userId);
    const rows = this.table.listEntities<EntryEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey} and kind eq 'entry' and id eq ${entryId}` },
    });
    for await (const e of rows) return { entry: fromEntity(e), etag: (e as EntryEntity & { etag: string }).etag };
    return undefined;
  }

  /** Replaces an entry if it is unchanged since read; false if it changed or is gone. */
  async replace(entry: LearningEntry, etag: string): Promise<boolean> {
    return (await updateIfUnchanged(this.table, toEntity(entry), 'Replace', etag)).kind === 'written';
  }

  /**
   * Deletes an entry with the marker of the card it came from, in one batch, so the same card
   * can be answered again rather than point at nothing.
   */
  async remove(tenantId: string, userId: string, entry: LearningEntry): Promise<boolean> {
    const partitionKey = EntryStore.partitionKey(tenantId, userId);
    const rowKey = toEntity(entry).rowKey;
    const actions: TransactionAction[] = [['delete', { partitionKey, rowKey }]];
    const markers = this.table.listEntities<SubmissionMarker>({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey} and kind eq 'submission' and entryRowKey eq ${rowKey}` },
    });
    for await (const m of markers) actions.push(['delete', { partitionKey, rowKey: m.rowKey }]);
    return submitIfUnchanged(this.table, actions);
  }

  /** Every entry of the learner, newest first, for their own export: the whole partition, page by page. */
  async listAll(tenantId: string, userId: string): Promise<LearningEntry[]> {
    const entries: LearningEntry[] = [];
    for await (const e of this.streamAll(tenantId, userId)) entries.push(e);
    return entries;
  }

  /** The same, one storage page in memory at a time: for a download of any length. */
  async *streamAll(tenantId: string, userId: string): AsyncGenerator<LearningEntry> {
    const rows = this.table.listEntities<EntryEntity>({
      queryOptions: {
        filter: allOf(odata`PartitionKey eq ${EntryStore.partitionKey(tenantId, userId)}`, rowKeysUnder(keyOf(ENTRY_PREFIX))),
      },
    });
    for await (const e of rows) yield fromEntity(e);
  }

  /** Erases the learner's log: their partition holds only their entries and submission markers. */
  async removeLearner(tenantId: string, userId: string): Promise<number> {
    return deletePartition(this.table, EntryStore.partitionKey(tenantId, userId));
  }

  /**
   * Deletes every learner's entries made before `cutoff` in the tenant, with their submission
   * markers: entry keys are newest first, so the old ones are one key range of each partition,
   * and markers are found by the entry key they point at (a rerun finds whatever a crash left).
   */
  async removeOlderThan(tenantId: string, cutoff: Date): Promise<number> {
    const { from, to } = tenantPartitions(tenantId);
    const oldest = keyOf(ENTRY_PREFIX, newestFirstTimeKey(new Date(cutoff.getTime() - 1)));
    const end = prefixEnd(keyOf(ENTRY_PREFIX));
    // Markers first: a run cut short leaves entries whose markers are gone, never markers pointing nowhere.
    await deleteMatching(
      this.table,
      odata`PartitionKey gt ${from} and PartitionKey lt ${to} and kind eq 'submission' and entryRowKey ge ${oldest} and entryRowKey lt ${end}`,
    );
    return deleteMatching(
      this.table,
      odata`PartitionKey gt ${from} and PartitionKey lt ${to} and RowKey ge ${oldest} and RowKey lt ${end}`,
    );
  }
}

function toEntity(entry: LearningEntry): EntryEntity {
  return {
    partitionKey: EntryStore.partitionKey(entry.tenantId, entry.userId),
    rowKey: keyOf(ENTRY_PREFIX, newestFirstTimeKey(new Date(entry.createdAt)), entry.id),
    kind: 'entry',
    id: entry.id,
    tenantId: entry.tenantId,
    userId: entry.userId,
    what: entry.what,
    sourceType: entry.sourceType,
    visibility: entry.visibility,
    createdAt: entry.createdAt,
    ...(entry.link !== null ? { link: entry.link } : {}),
    ...(entry.minutes !== null ? { minutes: entry.minutes } : {}),
    ...(entry.rating !== null ? { rating: entry.rating } : {}),
    ...(entry.insight !== null ? { insight: entry.insight } : {}),
    ...(entry.action !== null ? { action: entry.action } : {}),
    ...(entry.result !== null ? { result: entry.result } : {}),
    ...(entry.actionAnswer ? { actionAnswer: entry.actionAnswer.answer, actionAnsweredAt: entry.actionAnswer.at } : {}),
  };
}

function fromEntity(e: EntryEntity): LearningEntry {
  return {
    id: e.id,
    tenantId: e.tenantId,
    userId: e.userId,
    what: e.what,
    sourceType: e.sourceType as SourceType,
    link: e.link ?? null,
    minutes: e.minutes ?? null,
    rating: e.rating ?? null,
    insight: e.insight ?? null,
    action: e.action ?? null,
    result: e.result ?? null,
    visibility: storedVisibility(e.visibility),
    createdAt: e.createdAt,
    ...(isActionAnswer(e.actionAnswer) && e.actionAnsweredAt ? { actionAnswer: { answer: e.actionAnswer, at: e.actionAnsweredAt } } : {}),
  };
}

function isActionAnswer(value: unknown): value is ActionAnswer {
  return typeof value === 'string' && (ACTION_ANSWERS as readonly string[]).includes(value);
}
