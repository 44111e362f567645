import { type TableClient, odata } from '@azure/data-tables';
import { keyOf } from './keys.js';
import { deleteIfPresent, getOrUndefined, updateIfUnchanged } from './table-ops.js';

type AdminEntity = { partitionKey: string; rowKey: string; userId: string; addedBy: string; addedAt: string };

/** The L&D admins an existing admin named, one partition per tenant. */
export class AdminStore {
  constructor(private readonly table: TableClient) {}

  async isAdmin(tenantId: string, userId: string): Promise<boolean> {
    return (await getOrUndefined(this.table, keyOf(tenantId), keyOf(userId))) !== undefined;
  }

  async add(tenantId: string, userId: string, addedBy: string, addedAt: string): Promise<void> {
    const entity: AdminEntity = { partitionKey: keyOf(tenantId), rowKey: keyOf(userId), userId, addedBy, addedAt };
    await this.table.upsertEntity(entity, 'Replace');
  }

  /** The tenant's admins named in the app; a tenant has a handful. */
  async list(tenantId: string): Promise<{ userId: string; addedAt: string }[]> {
    const rows = this.table.listEntities<AdminEntity>({ queryOptions: { filter: odata`PartitionKey eq ${keyOf(tenantId)}` } });
    const admins: { userId: string; addedAt: string }[] = [];
    for await (const e of rows) admins.push({ userId: e.userId, addedAt: e.addedAt });
    return admins;
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
      // Removed or named again meanwhile: either way the row no longer says this person added it.
      const outcome = await updateIfUnchanged(
        this.table,
        { partitionKey: e.partitionKey, rowKey: e.rowKey, addedBy: adder.id },
        'Merge',
        e.etag,
      );
      if (outcome.kind === 'written') replaced++;
    }
    return replaced;
  }
}
