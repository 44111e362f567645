import { type TableClient, odata } from '@azure/data-tables';
import type { Recommendation } from '../contract/recommendation-rules.js';
import { keyOf, tenantPartitions } from './keys.js';
import { deleteMatching } from './row-deletes.js';
import { allOf, deleteIfPresent, getOrUndefined, listAcrossTenant, rowKeysUnder, updateIfUnchanged } from './table-ops.js';

type RecEntity = {
  partitionKey: string;
  rowKey: string;
  recId: string;
  leadId: string;
  leadName: string;
  learnerId?: string;
  title: string;
  link: string;
  note?: string;
  at: string;
};
type DoneEntity = { partitionKey: string; rowKey: string; recId: string; userId: string; doneAt: string };

const REC = 'r';
const DONE = 'd';

/**
 * A team's recommendations, newest first, and who has done each: one partition per team, one row
 * per recommendation and one per member who marked it done, so completion is counted exactly.
 */
export class RecommendationStore {
  constructor(private readonly table: TableClient) {}

  async create(rec: Recommendation): Promise<void> {
    await this.table.createEntity({
      partitionKey: keyOf(rec.tenantId, rec.teamId),
      rowKey: keyOf(REC, rec.recId),
      recId: rec.recId,
      leadId: rec.leadId,
      leadName: rec.leadName,
      ...(rec.learnerId ? { learnerId: rec.learnerId } : {}),
      title: rec.title,
      link: rec.link,
      ...(rec.note ? { note: rec.note } : {}),
      at: rec.at,
    } satisfies RecEntity);
  }

  async listTeam(tenantId: string, teamId: string): Promise<Recommendation[]> {
    const rows = this.table.listEntities<RecEntity>({
      queryOptions: { filter: allOf(odata`PartitionKey eq ${keyOf(tenantId, teamId)}`, rowKeysUnder(REC)) },
    });
    const recs: Recommendation[] = [];
    for await (const e of rows) recs.push(fromEntity(tenantId, teamId, e));
    return recs;
  }

  async get(tenantId: string, teamId: string, recId: string): Promise<Recommendation | undefined> {
    const e = await getOrUndefined<RecEntity>(this.table, keyOf(tenantId, teamId), keyOf(REC, recId));
    return e ? fromEntity(tenantId, teamId, e) : undefined;
  }

  /** Recommendations made by the person or to them, in any team of the tenant, each with its ETag. */
  async listNaming(tenantId: string, userId: string): Promise<{ rec: Recommendation; etag: string }[]> {
    return listAcrossTenant<RecEntity, { rec: Recommendation; etag: string }>(
      this.table,
      tenantId,
      REC,
      odata`(leadId eq ${userId} or learnerId eq ${userId})`,
      (e, teamId) => ({ rec: fromEntity(tenantId, teamId, e), etag: e.etag }),
    );
  }

  /** What the person marked done, in any team of the tenant. */
  async listDoneBy(tenantId: string, userId: string): Promise<{ teamId: string; recId: string; doneAt: string }[]> {
    const { from, to } = tenantPartitions(tenantId);
    const rows = this.table.listEntities<DoneEntity>({
      queryOptions: {
        filter: allOf(odata`PartitionKey gt ${from} and PartitionKey lt ${to}`, rowKeysUnder(DONE), odata`userId eq ${userId}`),
      },
    });
    const done: { teamId: string; recId: string; doneAt: string }[] = [];
    for await (const e of rows)
      done.push({ teamId: decodeURIComponent(e.partitionKey.slice(from.length)), recId: e.recId, doneAt: e.doneAt });
    return done;
  }

  /** Deletes a recommendation and who marked it done: the marks first, so a run cut short still finds it and finishes. */
  async remove(rec: Pick<Recommendation, 'tenantId' | 'teamId' | 'recId'>): Promise<void> {
    const partitionKey = keyOf(rec.tenantId, rec.teamId);
    await deleteMatching(this.table, allOf(odata`PartitionKey eq ${partitionKey}`, rowKeysUnder(keyOf(DONE, rec.recId))));
    await deleteIfPresent(this.table, partitionKey, keyOf(REC, rec.recId));
  }

  /** Past retention: recommendations made before the cutoff, each with who marked it done. Answers how many went. */
  async removeMadeBefore(tenantId: string, cutoff: Date): Promise<number> {
    const { from, to } = tenantPartitions(tenantId);
    const rows = this.table.listEntities<RecEntity>({
      queryOptions: {
        filter: allOf(odata`PartitionKey gt ${from} and PartitionKey lt ${to}`, rowKeysUnder(REC), odata`at lt ${cutoff.toISOString()}`),
      },
    });
    const old: Pick<Recommendation, 'tenantId' | 'teamId' | 'recId'>[] = [];
    for await (const e of rows) old.push({ tenantId, teamId: decodeURIComponent(e.partitionKey.slice(from.length)), recId: e.recId });
    for (const rec of old) await this.remove(rec);
    return old.length;
  }

  /** Puts someone else in the lead's place if the recommendation is unchanged since read; false if it changed or went meanwhile. */
  async replaceLead(rec: Recommendation, etag: string, lead: { id: string; name: string }): Promise<boolean> {
    const row = { partitionKey: keyOf(rec.tenantId, rec.teamId), rowKey: keyOf(REC, rec.recId), leadId: lead.id, leadName: lead.name };
    return (await updateIfUnchanged(this.table, row, 'Merge', etag)).kind === 'written';
  }

  /** Who marked what done in the team; one person's only when named. */
  async listDone(tenantId: string, teamId: string, userId?: string): Promise<{ recId: string; userId: string; doneAt: string }[]> {
    const partition = keyOf(tenantId, teamId);
    const teamDone = allOf(odata`PartitionKey eq ${partition}`, rowKeysUnder(DONE));
    const filter = userId === undefined ? teamDone : allOf(teamDone, odata`userId eq ${userId}`);
    const done: { recId: string; userId: string; doneAt: string }[] = [];
    for await (const e of this.table.listEntities<DoneEntity>({ queryOptions: { filter } }))
      done.push({ recId: e.recId, userId: e.userId, doneAt: e.doneAt });
    return done;
  }

  /** Marks a recommendation done or not done for a member; idempotent either way. */
  async setDone(tenantId: string, teamId: string, recId: string, userId: string, done: boolean, at: string): Promise<void> {
    const partitionKey = keyOf(tenantId, teamId);
    const rowKey = keyOf(DONE, recId, userId);
    if (done) {
      const entity: DoneEntity = { partitionKey, rowKey, recId, userId, doneAt: at };
      await this.table.upsertEntity(entity, 'Replace');
      return;
    }
    await deleteIfPresent(this.table, partitionKey, rowKey);
  }
}

function fromEntity(tenantId: string, teamId: string, e: RecEntity): Recommendation {
  return {
    tenantId,
    teamId,
    recId: e.recId,
    leadId: e.leadId,
    leadName: e.leadName,
    learnerId: e.learnerId || null,
    title: e.title,
    link: e.link,
    note: e.note || null,
    at: e.at,
  };
}
