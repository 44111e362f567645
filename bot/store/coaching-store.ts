import { type TableClient, odata } from '@azure/data-tables';
import type { CoachingNote } from '../contract/coaching-rules.js';
import { keyOf, tenantPartitions } from './keys.js';
import { deletePartition, deleteMadeBefore } from './row-deletes.js';
import { allOf, getOrUndefined, rowKeysUnder, updateIfUnchanged } from './table-ops.js';

type NoteEntity = {
  partitionKey: string;
  rowKey: string;
  teamId: string;
  /** One of the two: what the note is about. */
  shareId?: string;
  entryId?: string;
  about: string;
  noteId: string;
  leadId: string;
  leadName: string;
  note: string;
  at: string;
  answer?: string;
  answeredAt?: string;
};

const NOTE = 'c';

/** Coaching notes in the learner's own partition, newest first: their thread is one read. */
export class CoachingStore {
  constructor(private readonly table: TableClient) {}

  async create(note: CoachingNote): Promise<void> {
    await this.table.createEntity(toEntity(note));
  }

  async get(tenantId: string, learnerId: string, noteId: string): Promise<{ note: CoachingNote; etag: string } | undefined> {
    const e = await getOrUndefined<NoteEntity>(this.table, keyOf(tenantId, learnerId), keyOf(NOTE, noteId));
    return e ? { note: fromEntity(tenantId, learnerId, e), etag: e.etag } : undefined;
  }

  /** Records the learner's answer if the note is unchanged since read; false if it changed or went meanwhile. */
  async setAnswer(note: CoachingNote, etag: string, answer: string, at: string): Promise<boolean> {
    const row = { partitionKey: keyOf(note.tenantId, note.learnerId), rowKey: keyOf(NOTE, note.noteId), answer, answeredAt: at };
    return (await updateIfUnchanged(this.table, row, 'Merge', etag)).kind === 'written';
  }

  /** Erases the learner's whole thread: every note written to them, with their answers. */
  async removeLearner(tenantId: string, learnerId: string): Promise<number> {
    return deletePartition(this.table, keyOf(tenantId, learnerId));
  }

  /** Deletes every learner's coaching notes written before `cutoff` (with their answers): ids start newest first. */
  async removeWrittenBefore(tenantId: string, cutoff: Date): Promise<number> {
    return deleteMadeBefore(this.table, tenantId, NOTE, cutoff);
  }

  /** The notes one lead wrote, in any learner's thread in the tenant, each with its ETag. */
  async listByLead(tenantId: string, leadId: string): Promise<{ note: CoachingNote; etag: string }[]> {
    const { from, to } = tenantPartitions(tenantId);
    const rows = this.table.listEntities<NoteEntity>({
      queryOptions: {
        filter: allOf(odata`PartitionKey gt ${from} and PartitionKey lt ${to}`, rowKeysUnder(NOTE), odata`leadId eq ${leadId}`),
      },
    });
    const found: { note: CoachingNote; etag: string }[] = [];
    for await (const e of rows)
      found.push({ note: fromEntity(tenantId, decodeURIComponent(e.partitionKey.slice(from.length)), e), etag: e.etag });
    return found;
  }

  /** Puts someone else in the lead's place if the note is unchanged since read; false if it changed or went meanwhile. */
  async replaceLead(note: CoachingNote, etag: string, lead: { id: string; name: string }): Promise<boolean> {
    const row = {
      partitionKey: keyOf(note.tenantId, note.learnerId),
      rowKey: keyOf(NOTE, note.noteId),
      leadId: lead.id,
      leadName: lead.name,
    };
    return (await updateIfUnchanged(this.table, row, 'Merge', etag)).kind === 'written';
  }

  async listForLearner(tenantId: string, learnerId: string): Promise<CoachingNote[]> {
    const rows = this.table.listEntities<NoteEntity>({
      queryOptions: { filter: allOf(odata`PartitionKey eq ${keyOf(tenantId, learnerId)}`, rowKeysUnder(NOTE)) },
    });
    const notes: CoachingNote[] = [];
    for await (const e of rows) notes.push(fromEntity(tenantId, learnerId, e));
    return notes;
  }
}

function toEntity(n: CoachingNote): NoteEntity {
  return {
    partitionKey: keyOf(n.tenantId, n.learnerId),
    rowKey: keyOf(NOTE, n.noteId),
    teamId: n.teamId,
    ...(n.shareId ? { shareId: n.shareId } : {}),
    ...(n.entryId ? { entryId: n.entryId } : {}),
    about: n.about,
    noteId: n.noteId,
    leadId: n.leadId,
    leadName: n.leadName,
    note: n.note,
    at: n.at,
    ...(n.answer ? { answer: n.answer.text, answeredAt: n.answer.at } : {}),
  };
}

function fromEntity(tenantId: string, learnerId: string, e: NoteEntity): CoachingNote {
  return {
    tenantId,
    teamId: e.teamId,
    ...(e.shareId ? { shareId: e.shareId } : {}),
    ...(e.entryId ? { entryId: e.entryId } : {}),
    about: e.about,
    learnerId,
    noteId: e.noteId,
    leadId: e.leadId,
    leadName: e.leadName,
    note: e.note,
    at: e.at,
    answer: e.answer && e.answeredAt ? { text: e.answer, at: e.answeredAt } : null,
  };
}
