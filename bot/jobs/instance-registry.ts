import { type TableClient, odata } from '@azure/data-tables';

const PARTITION = 'instances';

/**
 * Instances of the service announce themselves every few seconds. Each sends at
 * `appLimit / live instances`, so together they stay under Teams' per-tenant limit however
 * many run; a dead instance's share returns to the others once its heartbeat ages out.
 */
export class InstanceRegistry {
  constructor(
    private readonly table: TableClient,
    private readonly instanceId: string,
    private readonly staleAfterMs = 15_000,
  ) {}

  /** Hands this instance's share back at once on a clean shutdown. */
  async leave(): Promise<void> {
    try {
      await this.table.deleteEntity(PARTITION, this.instanceId);
    } catch {
      // Already gone, or storage unreachable: the heartbeat ages out on its own.
    }
  }

  async heartbeat(now: Date): Promise<number> {
    await this.table.upsertEntity({ partitionKey: PARTITION, rowKey: this.instanceId, seenAt: now.toISOString() }, 'Replace');
    let live = 0;
    const cutoff = new Date(now.getTime() - this.staleAfterMs).toISOString();
    for await (const e of this.table.listEntities<{ seenAt: string }>({ queryOptions: { filter: odata`PartitionKey eq ${PARTITION}` } })) {
      if (e.seenAt >= cutoff) live++;
    }
    return Math.max(1, live);
  }
}
