import type { TransactionAction } from '@azure/data-tables';
import type { LrsStatus } from '../contract/lrs-view.js';
import type { XapiStatement } from '../domain/xapi/statement-types.js';
import { keyOf } from './keys.js';

/* How the xAPI outbox's statements are written as table rows and read back; xapi-outbox-store.ts keeps them. */

export type OutboxStatus = 'pending' | 'sent' | 'failed';

/** A statement waiting for, or done with, its trip to the LRS. */
export interface OutboxRow {
  statementId: string;
  statement: XapiStatement;
  status: OutboxStatus;
  attempts: number;
  /** A pending row is due from this instant: after a claim or a failed attempt, later. */
  notBefore: string;
  lastError: string | null;
  /** When the last attempt ended, or when it was written. */
  updatedAt: string;
  /** Who the statement is about and the lead it names, kept so erasure can find it once sent. */
  actorId: string;
  instructorId: string;
  /** Someone other than the actor whose words it carries. */
  authorId?: string;
  etag: string;
}

export interface NewOutboxRow {
  statement: XapiStatement;
  /** The people a statement names, so erasing one finds their rows. */
  actorId: string;
  instructorId: string | undefined;
  /** Someone other than the actor whose words it carries, so erasing them finds it too. */
  authorId?: string | undefined;
}

export type OutboxEntity = {
  partitionKey: string;
  rowKey: string;
  statement: string;
  actorId: string;
  instructorId: string;
  /** Absent on rows written before it was kept. */
  authorId?: string;
  status: OutboxStatus;
  attempts: number;
  notBefore: string;
  lastError: string;
  updatedAt: string;
  /** The verb's English name, for the status's latest failure without reading the statement. */
  verb?: string;
};

export interface OutboxSummary extends Pick<LrsStatus, 'sent' | 'pending' | 'failed' | 'latestFailure'> {
  /** The earliest instant a pending row is due, if any is. */
  nextDue: string | null;
}

/** The row in the waiting partition that counts what has gone to the LRS. */
export const COUNTS = '~counts';

export type SentEntity = {
  partitionKey: string;
  rowKey: string;
  actorId: string;
  instructorId: string;
  authorId?: string;
  updatedAt: string;
};
export type CountsEntity = { partitionKey: string; rowKey: string; sent: number };

/** What waits, or failed, beside the count of what went: in the outbox table. */
export function waitingPartition(tenantId: string): string {
  return keyOf(tenantId, 'waiting');
}

/** What went, as slim rows: in the sent table. */
export function sentPartition(tenantId: string): string {
  return keyOf(tenantId);
}

export function countAction(partitionKey: string, counts: (CountsEntity & { etag: string }) | undefined, n: number): TransactionAction {
  return counts
    ? ['update', { partitionKey, rowKey: COUNTS, sent: counts.sent + n }, 'Merge', { etag: counts.etag }]
    : ['create', { partitionKey, rowKey: COUNTS, sent: n }];
}

export function toEntity(tenantId: string, row: NewOutboxRow, at: string): OutboxEntity {
  return {
    partitionKey: waitingPartition(tenantId),
    rowKey: row.statement.id,
    statement: JSON.stringify(row.statement),
    actorId: row.actorId,
    instructorId: row.instructorId ?? '',
    authorId: row.authorId ?? '',
    status: 'pending',
    attempts: 0,
    notBefore: at,
    lastError: '',
    updatedAt: at,
    verb: row.statement.verb.display['en-US'] ?? '',
  };
}

export function fromEntity(e: OutboxEntity & { etag: string }): OutboxRow {
  return {
    statementId: e.rowKey,
    statement: JSON.parse(e.statement) as XapiStatement,
    status: e.status,
    attempts: e.attempts,
    notBefore: e.notBefore,
    lastError: e.lastError || null,
    updatedAt: e.updatedAt,
    actorId: e.actorId,
    instructorId: e.instructorId,
    ...(e.authorId ? { authorId: e.authorId } : {}),
    etag: e.etag,
  };
}
