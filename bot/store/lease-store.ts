import { RestError, type TableClient } from '@azure/data-tables';

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
    let current: (LeaseEntity & { etag: string }) | undefined;
    try {
      current = await this.table.getEntity<LeaseEntity>('lease', name);
    } catch (error) {
      if (!(error instanceof RestError && error.statusCode === 404)) throw error;
    }
    try {
      if (!current) {
        const created = await this.table.createEntity({ partitionKey: 'lease', rowKey: name, holder, expiresAt: expiresAt.toISOString() });
        return { holder, expiresAt, etag: created.etag ?? '' };
      }
      if (current.holder !== holder && new Date(current.expiresAt) > now) return undefined;
      const updated = await this.table.updateEntity(
        { partitionKey: 'lease', rowKey: name, holder, expiresAt: expiresAt.toISOString() },
        'Merge',
        { etag: current.etag },
      );
      return { holder, expiresAt, etag: updated.etag ?? '', ...(current.cursor ? { cursor: current.cursor } : {}) };
    } catch (error) {
      if (error instanceof RestError && (error.statusCode === 409 || error.statusCode === 412)) return undefined;
      throw error;
    }
  }

  /** Saves progress; fails (false) if the lease was lost to another instance meanwhile. */
  async saveCursor(name: string, lease: Lease, cursor: string): Promise<Lease | undefined> {
    try {
      const updated = await this.table.updateEntity({ partitionKey: 'lease', rowKey: name, cursor }, 'Merge', { etag: lease.etag });
      return { ...lease, cursor, etag: updated.etag ?? '' };
    } catch (error) {
      if (error instanceof RestError && (error.statusCode === 412 || error.statusCode === 404)) return undefined;
      throw error;
    }
  }
}
