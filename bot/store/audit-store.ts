import { randomBytes } from 'node:crypto';
import { type TableClient, odata } from '@azure/data-tables';
import type { AuditDetail, AuditEventView, AuditKind } from '../contract/audit.js';
import { personFold } from '../domain/audit-trail.js';
import { keyOf, newestFirstTimeKey, prefixEnd } from './keys.js';
import { deleteMatching } from './row-deletes.js';
import { allOf, listPage } from './table-ops.js';

type AuditEntity = {
  partitionKey: string;
  rowKey: string;
  at: string;
  kind: AuditKind;
  actorId: string;
  actorName: string;
  /** The actor's name folded (personFold), for the person filter: Table Storage compares exactly. */
  actorFold: string;
  subjectId: string;
  subjectName: string;
  subjectFold: string;
  teamId: string;
  /** AuditDetail as JSON. */
  detail: string;
};

/** What the trail can be narrowed to: one person (by id or name, as actor or subject) and one kind. */
export interface AuditFilter {
  person?: string;
  kind?: AuditKind;
}

/** A recorded event, without the team's current name (the service adds it). */
export type AuditRecord = Omit<AuditEventView, 'teamName'>;

/** An event as a service reports it (the AuditLog's AuditEvent). */
export type NewAuditEvent = Omit<AuditRecord, 'at' | 'detail'> & { tenantId: string; detail?: AuditDetail };
type AuditPerson = AuditRecord['actor'];

export interface AuditPage {
  events: AuditRecord[];
  nextCursor: string | null;
}

/** Counts down per process, so the later of two events one instance records in the same millisecond is listed first. */
let countdown = 0xffffffff;

function newestFirstSuffix(): string {
  countdown = countdown > 0 ? countdown - 1 : 0xffffffff;
  return countdown.toString(16).padStart(8, '0') + randomBytes(4).toString('hex');
}

/**
 * The audit trail, one partition per tenant, newest first. Rows are only ever created: there is no
 * method that changes or deletes one, save two the system itself runs — an erasure writes a
 * pseudonym over the erased person (`pseudonymise`), and the retention removes rows past it.
 */
export class AuditStore {
  constructor(
    private readonly table: TableClient,
    /** The row key's tail after the time: two events in one millisecond never share a key. */
    private readonly suffix: () => string = newestFirstSuffix,
  ) {}

  static partitionKey(tenantId: string): string {
    return keyOf(tenantId);
  }

  /** Appends one event: `createEntity`, so a key already there is a failure, never an overwrite. */
  async add(event: NewAuditEvent, at: Date): Promise<void> {
    const entity: AuditEntity = {
      partitionKey: AuditStore.partitionKey(event.tenantId),
      rowKey: keyOf(newestFirstTimeKey(at), this.suffix()),
      at: at.toISOString(),
      kind: event.kind,
      ...personColumns('actor', event.actor),
      ...personColumns('subject', event.subject),
      teamId: event.teamId ?? '',
      detail: JSON.stringify(event.detail ?? {}),
    };
    await this.table.createEntity(entity);
  }

  /** One page of the tenant's trail, newest first. A filtered page may come back short, or empty with a cursor: storage reads a bounded stretch per page. */
  async page(tenantId: string, filter: AuditFilter, options: { limit: number; cursor?: string }): Promise<AuditPage> {
    const where = filterOf(filter);
    const page = await listPage<AuditEntity>(this.table, AuditStore.partitionKey(tenantId), {
      limit: options.limit,
      ...(options.cursor ? { cursor: options.cursor } : {}),
      ...(where ? { filter: where } : {}),
    });
    return { events: page.rows.map(recordOf), nextCursor: page.nextCursor };
  }

  /** Every event matching the filter, newest first, one storage page in memory at a time: for the CSV of any length. */
  async *stream(tenantId: string, filter: AuditFilter): AsyncGenerator<AuditRecord> {
    const where = filterOf(filter);
    const inTenant = odata`PartitionKey eq ${AuditStore.partitionKey(tenantId)}`;
    for await (const row of this.table.listEntities<AuditEntity>({ queryOptions: { filter: where ? allOf(inTenant, where) : inTenant } }))
      yield recordOf(row);
  }

  /**
   * What one person did of one kind since a moment, newest first. Newest-first keys put those
   * events in one range at the partition's start, so the read is bounded by that stretch of time.
   */
  async *recentBy(tenantId: string, actorId: string, kind: AuditKind, since: Date): AsyncGenerator<AuditRecord> {
    const partitionKey = AuditStore.partitionKey(tenantId);
    const newer = prefixEnd(keyOf(newestFirstTimeKey(since)));
    const filter = odata`PartitionKey eq ${partitionKey} and RowKey lt ${newer} and kind eq ${kind} and actorId eq ${actorId}`;
    for await (const row of this.table.listEntities<AuditEntity>({ queryOptions: { filter } })) yield recordOf(row);
  }

  /**
   * Erasure, the one rewrite of the trail: every event naming the person, as actor or subject,
   * names the pseudonym instead. What they did and what was done to them stays accountable;
   * who they were does not. Answers how many events were rewritten.
   */
  async pseudonymise(tenantId: string, userId: string, pseudonym: Required<AuditPerson>): Promise<number> {
    const partitionKey = AuditStore.partitionKey(tenantId);
    let rewritten = 0;
    for await (const row of this.table.listEntities<AuditEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey} and (actorId eq ${userId} or subjectId eq ${userId})` },
    })) {
      await this.table.updateEntity(
        {
          partitionKey,
          rowKey: row.rowKey,
          ...(row.actorId === userId ? personColumns('actor', pseudonym) : {}),
          ...(row.subjectId === userId ? personColumns('subject', pseudonym) : {}),
        },
        'Merge',
      );
      rewritten++;
    }
    return rewritten;
  }

  /** Retention: the events recorded before the cutoff. Newest-first keys put them in one range at the partition's end. */
  async removeBefore(tenantId: string, cutoff: Date): Promise<number> {
    const partitionKey = AuditStore.partitionKey(tenantId);
    // Keys of events before the cutoff start with a larger time key than the cutoff's own, so sort after `cutoffKey}`.
    const older = prefixEnd(keyOf(newestFirstTimeKey(cutoff)));
    return deleteMatching(this.table, odata`PartitionKey eq ${partitionKey} and RowKey ge ${older}`);
  }
}

function personColumns<P extends 'actor' | 'subject'>(side: P, person: AuditPerson | undefined) {
  const name = person?.displayName ?? '';
  return { [`${side}Id`]: person?.userId ?? '', [`${side}Name`]: name, [`${side}Fold`]: personFold(name) } as Record<
    `${P}Id` | `${P}Name` | `${P}Fold`,
    string
  >;
}

/** The filter's `odata` clauses, or undefined for the whole trail. A person matches by id or by name, on either side. */
function filterOf({ person, kind }: AuditFilter): string | undefined {
  const parts: string[] = [];
  if (person) {
    const fold = personFold(person);
    parts.push(odata`(actorId eq ${person} or subjectId eq ${person} or actorFold eq ${fold} or subjectFold eq ${fold})`);
  }
  if (kind) parts.push(odata`kind eq ${kind}`);
  return parts.length > 0 ? allOf(...parts) : undefined;
}

function recordOf(row: AuditEntity): AuditRecord {
  const person = (userId: string, displayName: string) => ({ userId, ...(displayName ? { displayName } : {}) });
  return {
    at: row.at,
    kind: row.kind,
    actor: person(row.actorId, row.actorName),
    ...(row.subjectId ? { subject: person(row.subjectId, row.subjectName) } : {}),
    ...(row.teamId ? { teamId: row.teamId } : {}),
    detail: JSON.parse(row.detail) as AuditDetail,
  };
}
