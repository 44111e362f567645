import { RestError, type TableClient, odata } from '@azure/data-tables';
import type { Recommendation } from '../domain/recommendation.js';
import { keyOf, prefixEnd } from './keys.js';

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
      queryOptions: { filter: odata`PartitionKey eq ${keyOf(tenantId, teamId)} and RowKey ge ${`${REC}|`} and RowKey lt ${prefixEnd(REC)}` },
    });
    const recs: Recommendation[] = [];
    for await (const e of rows) {
      recs.push({ tenantId, teamId, recId: e.recId, leadId: e.leadId, leadName: e.leadName, learnerId: e.learnerId || null, title: e.title, link: e.link, note: e.note || null, at: e.at });
    }
    return recs;
  }

  /** Who marked what done in the team; one person's only when named. */
  async listDone(tenantId: string, teamId: string, userId?: string): Promise<{ recId: string; userId: string; doneAt: string }[]> {
    const partition = keyOf(tenantId, teamId);
    const filter =
      userId === undefined
        ? odata`PartitionKey eq ${partition} and RowKey ge ${`${DONE}|`} and RowKey lt ${prefixEnd(DONE)}`
        : odata`PartitionKey eq ${partition} and RowKey ge ${`${DONE}|`} and RowKey lt ${prefixEnd(DONE)} and userId eq ${userId}`;
    const done: { recId: string; userId: string; doneAt: string }[] = [];
    for await (const e of this.table.listEntities<DoneEntity>({ queryOptions: { filter } })) done.push({ recId: e.recId, userId: e.userId, doneAt: e.doneAt });
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
    try {
      await this.table.deleteEntity(partitionKey, rowKey);
    } catch (error) {
      if (!(error instanceof RestError && error.statusCode === 404)) throw error;
    }
  }
}
