import { type TableClient } from '@azure/data-tables';
import type { BackfillMarker, LrsSettings } from '../domain/xapi/lrs-settings.js';
import { keyOf } from './keys.js';
import { createOnce, deleteIfPresent, getOrUndefined } from './table-ops.js';

type SettingsEntity = { partitionKey: string; rowKey: string; endpoint: string; key: string; secret: string; updatedAt: string };
type BackfillEntity = {
  partitionKey: string;
  rowKey: string;
  status: 'running' | 'done';
  startedAt: string;
  finishedAt?: string;
  written: number;
};

const SETTINGS = 'settings';
const BACKFILL = 'backfill';

/** Each tenant's LRS settings and the record of its one history backfill, in the tenant's partition. */
export class LrsSettingsStore {
  constructor(private readonly table: TableClient) {}

  async get(tenantId: string): Promise<LrsSettings | undefined> {
    const e = await getOrUndefined<SettingsEntity>(this.table, keyOf(tenantId), SETTINGS);
    return e ? { endpoint: e.endpoint, key: e.key, secret: e.secret, updatedAt: e.updatedAt } : undefined;
  }

  async save(tenantId: string, settings: LrsSettings): Promise<void> {
    const entity: SettingsEntity = { partitionKey: keyOf(tenantId), rowKey: SETTINGS, ...settings };
    await this.table.upsertEntity(entity, 'Replace');
  }

  async remove(tenantId: string): Promise<boolean> {
    return deleteIfPresent(this.table, keyOf(tenantId), SETTINGS);
  }

  async backfill(tenantId: string): Promise<BackfillMarker | undefined> {
    const e = await getOrUndefined<BackfillEntity>(this.table, keyOf(tenantId), BACKFILL);
    return e ? { status: e.status, startedAt: e.startedAt, finishedAt: e.finishedAt ?? null, written: e.written } : undefined;
  }

  /** Starts the backfill unless one was started before: the history goes once. */
  async claimBackfill(
    tenantId: string,
    at: string,
  ): Promise<{ claimed: true; marker: BackfillMarker } | { claimed: false; marker: BackfillMarker }> {
    const entity: BackfillEntity = { partitionKey: keyOf(tenantId), rowKey: BACKFILL, status: 'running', startedAt: at, written: 0 };
    if ((await createOnce(this.table, entity)).kind === 'created') {
      return { claimed: true, marker: { status: 'running', startedAt: at, finishedAt: null, written: 0 } };
    }
    const marker = await this.backfill(tenantId);
    if (!marker) throw new Error('The backfill marker went while it was being claimed');
    return { claimed: false, marker };
  }

  async recordBackfill(tenantId: string, progress: { written: number; finishedAt?: string }): Promise<void> {
    await this.table.updateEntity(
      {
        partitionKey: keyOf(tenantId),
        rowKey: BACKFILL,
        written: progress.written,
        ...(progress.finishedAt ? { status: 'done', finishedAt: progress.finishedAt } : {}),
      },
      'Merge',
    );
  }
}
