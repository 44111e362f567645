import { type TableClient } from '@azure/data-tables';
import { createOnce, getOrUndefined, updateIfUnchanged } from './table-ops.js';

type LeaseEntity = { partitionKey: string; rowKey: string; holder: string; expiresAt: string; cursor?: string };

export interface Lease {
  holder: string;
  expiresAt: Date;
  /** Where the holder got to (for the scheduler: the last UTC minute it has planned). */
  cursor?: string;
  etag: string;
}

/**
 * A named lease in Table Storage: one holder at a time across all instances. Taking or renewing
 * is a conditional write (ETag), so two instances can never both believe they hold it.
 */
export class LeaseStore {
  constructor(private readonly table: TableClient) {}

  async acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<Lease | undefined> {
    const expiresAt = new Date(now.getTime() + ttlMs);
    const current = await getOrUndefined<LeaseEntity>(this.table, 'lease', name);
    const row = { partitionKey: 'lease', rowKey: name, holder, expiresAt: expiresAt.toISOString() };
    if (!current) {
      // Another instance creating it first holds it.
      const created = await createOnce(this.table, row);
      return created.kind === 'created' ? { holder, expiresAt, etag: created.etag } : undefined;
    }
    if (current.holder !== holder && new Date(current.expiresAt) > now) return undefined;
    const updated = await updateIfUnchanged(this.table, row, 'Merge', current.etag);
    if (updated.kind !== 'written') return undefined;
    return { holder, expiresAt, etag: updated.etag, ...(current.cursor ? { cursor: current.cursor } : {}) };
  }

  /** Saves progress; fails (false) if the lease was lost to another instance meanwhile. */
  async saveCursor(name: string, lease: Lease, cursor: string): Promise<Lease | undefined> {
    const updated = await updateIfUnchanged(this.table, { partitionKey: 'lease', rowKey: name, cursor }, 'Merge', lease.etag);
    return updated.kind === 'written' ? { ...lease, cursor, etag: updated.etag } : undefined;
  }
}
