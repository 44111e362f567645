import { RestError, type TableClient } from '@azure/data-tables';
import { keyOf } from './keys.js';

type AdminEntity = { partitionKey: string; rowKey: string; userId: string; addedBy: string; addedAt: string };

/** The L&D admins an existing admin named, one partition per tenant. */
export class AdminStore {
  constructor(private readonly table: TableClient) {}

  async isAdmin(tenantId: string, userId: string): Promise<boolean> {
    try {
      await this.table.getEntity(keyOf(tenantId), keyOf(userId));
      return true;
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return false;
      throw error;
    }
  }

  async add(tenantId: string, userId: string, addedBy: string, addedAt: string): Promise<void> {
    const entity: AdminEntity = { partitionKey: keyOf(tenantId), rowKey: keyOf(userId), userId, addedBy, addedAt };
    await this.table.upsertEntity(entity, 'Replace');
  }
}
