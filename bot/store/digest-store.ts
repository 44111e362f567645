import { RestError, type TableClient } from '@azure/data-tables';
import { keyOf } from './keys.js';

/** Which weekly digests went out: one row per team, lead and week, claimed before sending so each goes once. */
export class DigestStore {
  constructor(private readonly table: TableClient) {}

  /** False when this lead's digest for this week was already claimed (by this or another instance). */
  async claim(tenantId: string, teamId: string, leadId: string, week: string, at: string): Promise<boolean> {
    try {
      await this.table.createEntity({ partitionKey: keyOf(tenantId, teamId), rowKey: keyOf(leadId, week), sentAt: at });
      return true;
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 409) return false;
      throw error;
    }
  }
}
