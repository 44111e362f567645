import { RestError, type TableClient, odata } from '@azure/data-tables';
import { keyOf } from './keys.js';
import { deleteIfPresent } from './table-ops.js';

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

  async remove(tenantId: string, userId: string): Promise<void> {
    await deleteIfPresent(this.table, keyOf(tenantId), keyOf(userId));
  }

  /** Puts someone else in place of the admin who named others; the admins they named stay admins. */
  async replaceAdder(tenantId: string, userId: string, adder: { id: string }): Promise<number> {
    const rows = this.table.listEntities<AdminEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${keyOf(tenantId)} and addedBy eq ${userId}` },
    });
    let replaced = 0;
    for await (const e of rows) {
      try {
        await this.table.updateEntity({ partitionKey: e.partitionKey, rowKey: e.rowKey, addedBy: adder.id }, 'Merge', { etag: e.etag });
        replaced++;
      } catch (error) {
        // Removed or named again meanwhile: either way the row no longer says this person added it.
        if (!(error instanceof RestError && (error.statusCode === 412 || error.statusCode === 404))) throw error;
      }
    }
    return replaced;
  }
}
