import { type TableClient, odata } from '@azure/data-tables';
import { keyOf, tenantPartitions } from './keys.js';
import { deleteMatching } from './row-deletes.js';
import { allOf, createOnce, rowKeysUnder } from './table-ops.js';

/**
 * Which weekly digests went out before digests became queued sends (their send records now say
 * it): one row per team, lead and week. Nothing writes here in the product any more; the rows
 * already written name a lead, so erasure and retention still clear them.
 */
export class DigestStore {
  constructor(private readonly table: TableClient) {}

  /** How rows were written (kept so tests can lay down the rows an older version left behind). */
  async claim(tenantId: string, teamId: string, leadId: string, week: string, at: string): Promise<boolean> {
    return (
      (await createOnce(this.table, { partitionKey: keyOf(tenantId, teamId), rowKey: keyOf(leadId, week), sentAt: at })).kind === 'created'
    );
  }

  /** Forgets which digests went to this lead, in every team of the tenant (the row keys name them). */
  async removeClaimsOf(tenantId: string, leadId: string): Promise<number> {
    const { from, to } = tenantPartitions(tenantId);
    return deleteMatching(this.table, allOf(odata`PartitionKey gt ${from} and PartitionKey lt ${to}`, rowKeysUnder(keyOf(leadId))));
  }

  /** Past retention: the record of digests sent before the cutoff (they name the lead). */
  async removeSentBefore(tenantId: string, cutoff: Date): Promise<number> {
    const { from, to } = tenantPartitions(tenantId);
    return deleteMatching(this.table, odata`PartitionKey gt ${from} and PartitionKey lt ${to} and sentAt lt ${cutoff.toISOString()}`);
  }
}
