import { type TableClient } from '@azure/data-tables';
import type { BackfillMarker } from '../contract/lrs-view.js';
import type { LrsSettings } from '../domain/xapi/lrs-settings.js';
import { keyOf } from './keys.js';
import { createOnce, deleteIfPresent, getOrUndefined, updateIfUnchanged } from './table-ops.js';

type SettingsEntity = { partitionKey: string; rowKey: string; endpoint: string; key: string; secret: string; updatedAt: string };
type BackfillEntity = {
  /** Where the history has been turned into statements up to (empty: not begun). */
  cursor?: string;
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

  /** Where the backfill got to (its last slice's end), with the ETag to move it on by. */
  async backfillCursor(tenantId: string): Promise<{ cursor: string; written: number; etag: string } | undefined> {
    const e = await getOrUndefined<BackfillEntity>(this.table, keyOf(tenantId), BACKFILL);
    return e ? { cursor: e.cursor ?? '', written: e.written, etag: e.etag } : undefined;
  }

  /** Moves the backfill on past a slice, if nobody else did meanwhile (false: a duplicate message did this slice already). */
  async advanceBackfill(
    tenantId: string,
    from: { etag: string },
    progress: { cursor: string; written: number; finishedAt?: string },
  ): Promise<boolean> {
    const row = {
      partitionKey: keyOf(tenantId),
      rowKey: BACKFILL,
      cursor: progress.cursor,
      written: progress.written,
      ...(progress.finishedAt ? { status: 'done', finishedAt: progress.finishedAt } : {}),
    };
    return (await updateIfUnchanged(this.table, row, 'Merge', from.etag)).kind === 'written';
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
