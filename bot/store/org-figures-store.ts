import { odata, type TableClient, type TableEntity, type TransactionAction } from '@azure/data-tables';
import type { LeadLine, ReportPage, ReportRow } from '../contract/report.js';
import type { OrganisationTotals, ReportSums } from '../contract/report-totals.js';
import type { ResourceView } from '../contract/share-view.js';
import { mapBounded } from '../domain/map-bounded.js';
import { keyOf, prefixEnd } from './keys.js';
import { decodeCursor, encodeCursor } from './page-cursor.js';
import { deleteMatching } from './row-deletes.js';
import { getOrUndefined } from './table-ops.js';

/**
 * The organisation's figures as the figures job last computed them: each team's and each lead's
 * report rows per period, the organisation's totals, and its top resources. A run writes its rows
 * under its own generation (`tenant|generation|…` partitions); readers follow the tenant's pointer
 * (partition `tenants`) to the generation whose run finished, so they never see half of one run and
 * half of another. The run's working rows (`…|stage|…`) are dropped once it is finished.
 */

/** Where a tenant's figures are: the finished generation, and when it was computed or first asked for. */
export interface FiguresPointer {
  tenantId: string;
  generation: string | null;
  /** When the current generation's figures were computed. */
  asOf: string | null;
  /** When someone first asked for figures the tenant did not have yet. */
  requestedAt: string | null;
}

/** One resource's votes and latest share, as one chunk of teams saw them. */
export interface ResourceFacts {
  /** [userId, rating, saved, at (epoch ms)], one per vote. */
  votes: [string, number | null, boolean, number][];
  /** Its latest share with a link (`at` when it was made) and how many shares it had; none when only linkless shares were marked. */
  about?: Pick<ResourceView, 'link' | 'title' | 'sourceType' | 'shares'> & { at: string };
}

export interface TopResourceLists {
  topRated: ResourceView[];
  mostSaved: ResourceView[];
}

type PointerEntity = { partitionKey: string; rowKey: string; generation?: string; asOf?: string; requestedAt?: string };
type JsonEntity = { partitionKey: string; rowKey: string; parts: number } & Record<string, unknown>;

const TENANTS = 'tenants';
/** A string property holds at most 32K UTF-16 characters; larger JSON is split over several. */
const PART_CHARS = 30_000;
/** Team rows carry up to a year of weeks (~25K characters): a batch stays well under the 4 MB transaction limit. */
const BATCH_ROWS = 25;
const WRITES_IN_FLIGHT = 8;

export class OrgFiguresStore {
  constructor(private readonly table: TableClient) {}

  async pointer(tenantId: string): Promise<FiguresPointer | undefined> {
    const row = await getOrUndefined<PointerEntity>(this.table, TENANTS, keyOf(tenantId));
    return row && pointerOf(tenantId, row);
  }

  /** Every tenant that has figures or asked for them: one partition, one row per tenant. */
  async *tenants(): AsyncGenerator<FiguresPointer> {
    for await (const row of this.table.listEntities<PointerEntity>({ queryOptions: { filter: odata`PartitionKey eq ${TENANTS}` } }))
      yield pointerOf(decodeURIComponent(row.rowKey), row);
  }

  /** Marks that a tenant wants figures (idempotent; keeps a finished generation as it is). */
  async request(tenantId: string, at: string): Promise<void> {
    await this.table.upsertEntity<PointerEntity>({ partitionKey: TENANTS, rowKey: keyOf(tenantId), requestedAt: at }, 'Merge');
  }

  /** Makes a finished generation the one readers see. */
  async publish(tenantId: string, generation: string, asOf: string): Promise<void> {
    await this.table.upsertEntity<PointerEntity>({ partitionKey: TENANTS, rowKey: keyOf(tenantId), generation, asOf }, 'Merge');
  }

  /**
   * After an erasure: the published figures go (lead lines name people) and the tenant is asked
   * for again, so the report says "being prepared" until a pass without the person is published.
   */
  async withdrawPublished(tenantId: string, at: string): Promise<number> {
    const current = await this.pointer(tenantId);
    if (!current?.generation) return 0;
    await this.table.upsertEntity<PointerEntity>({ partitionKey: TENANTS, rowKey: keyOf(tenantId), requestedAt: at }, 'Replace');
    await this.dropGeneration(tenantId, current.generation);
    return 1;
  }

  // ---- A run's rows (written by the job) ----

  /** One period's rows of a chunk of teams: each team's rows and its leads' lines. */
  async writeTeams(
    tenantId: string,
    generation: string,
    weeks: number,
    teams: readonly { teamId: string; teamName: string; rows: ReportRow[]; leads: LeadLine[] }[],
  ): Promise<void> {
    // The whole-period row also on its own, so a page of the team table reads only that.
    const teamRows = teams.map((t) => ({
      ...jsonEntity(keyOf(tenantId, generation, 'teams', String(weeks)), teamRowKey(t.teamName, t.teamId), { rows: t.rows }),
      all: JSON.stringify(t.rows.find((r) => r.week === 'all')),
    }));
    const leadRows = teams.flatMap((t) =>
      t.leads.map((line, i) =>
        jsonEntity(
          keyOf(tenantId, generation, 'leads', String(weeks)),
          keyOf(sortName(t.teamName), t.teamId, String(i).padStart(5, '0')),
          line,
        ),
      ),
    );
    await this.upsertAll([...teamRows, ...leadRows]);
  }

  /** Where each team's rows are, so one team's rows can be read without its name. */
  async writeTeamKeys(tenantId: string, generation: string, teams: readonly { teamId: string; teamName: string }[]): Promise<void> {
    await this.upsertAll(
      teams.map((t) => ({
        partitionKey: keyOf(tenantId, generation, 'teamkeys'),
        rowKey: keyOf(t.teamId),
        row: teamRowKey(t.teamName, t.teamId),
      })),
    );
  }

  async writeTotals(tenantId: string, generation: string, weeks: number, totals: OrganisationTotals): Promise<void> {
    await this.upsertAll([jsonEntity(keyOf(tenantId, generation, 'totals'), String(weeks), totals)]);
  }

  async writeTopResources(tenantId: string, generation: string, lists: TopResourceLists): Promise<void> {
    await this.upsertAll([jsonEntity(keyOf(tenantId, generation, 'resources'), 'top', lists)]);
  }

  /** A chunk's sums per period and week, kept until the run adds every chunk up. */
  async stageSums(tenantId: string, generation: string, chunk: number, sums: Record<string, Record<string, ReportSums>>): Promise<void> {
    await this.upsertAll([jsonEntity(keyOf(tenantId, generation, 'stage', 'sums'), chunkKey(chunk), sums)]);
  }

  async *stagedSums(tenantId: string, generation: string): AsyncGenerator<Record<string, Record<string, ReportSums>>> {
    yield* this.jsonRows(keyOf(tenantId, generation, 'stage', 'sums'));
  }

  /**
   * A chunk's facts about each resource. Keyed resource first, so reading the stage back meets all
   * of one resource's rows together; a chunk done again after a restart writes the same keys.
   */
  async stageResources(tenantId: string, generation: string, chunk: number, facts: ReadonlyMap<string, ResourceFacts>): Promise<void> {
    await this.upsertAll(
      [...facts].map(([resourceKey, f]) =>
        jsonEntity(keyOf(tenantId, generation, 'stage', 'resources'), keyOf(resourceKey, chunkKey(chunk)), f),
      ),
    );
  }

  /** Every resource's staged facts, one resource at a time (its rows from every chunk together). */
  async *stagedResources(tenantId: string, generation: string): AsyncGenerator<{ resourceKey: string; facts: ResourceFacts[] }> {
    let current: { resourceKey: string; facts: ResourceFacts[] } | undefined;
    for await (const { rowKey, value } of this.jsonRowsWithKeys<ResourceFacts>(keyOf(tenantId, generation, 'stage', 'resources'))) {
      const resourceKey = decodeURIComponent(rowKey.slice(0, rowKey.lastIndexOf('|')));
      if (current?.resourceKey !== resourceKey) {
        if (current) yield current;
        current = { resourceKey, facts: [] };
      }
      current.facts.push(value);
    }
    if (current) yield current;
  }

  /** Drops a finished run's working rows. */
  async dropStage(tenantId: string, generation: string): Promise<void> {
    await deleteMatching(this.table, partitionsUnder(keyOf(tenantId, generation, 'stage')));
  }

  /** Drops every row of a generation (one no reader follows any more). */
  async dropGeneration(tenantId: string, generation: string): Promise<void> {
    await deleteMatching(this.table, partitionsUnder(keyOf(tenantId, generation)));
  }

  // ---- Reading the current generation ----

  async totals(tenantId: string, generation: string, weeks: number): Promise<OrganisationTotals | undefined> {
    const row = await getOrUndefined<JsonEntity>(this.table, keyOf(tenantId, generation, 'totals'), String(weeks));
    return row && readJson<OrganisationTotals>(row);
  }

  async topResources(tenantId: string, generation: string): Promise<TopResourceLists | undefined> {
    const row = await getOrUndefined<JsonEntity>(this.table, keyOf(tenantId, generation, 'resources'), 'top');
    return row && readJson<TopResourceLists>(row);
  }

  /** A page of teams' whole-period rows, by team name. */
  async teamPage(tenantId: string, generation: string, weeks: number, limit: number, cursor?: string): Promise<ReportPage<ReportRow>> {
    const partitionKey = keyOf(tenantId, generation, 'teams', String(weeks));
    const pages = this.table
      .listEntities<{ all: string }>({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ['all'] } })
      .byPage({ maxPageSize: limit, ...continuing(partitionKey, cursor) });
    for await (const page of pages)
      return { rows: page.map((e) => JSON.parse(e.all) as ReportRow), nextCursor: encodeCursor(partitionKey, page.continuationToken) };
    return { rows: [], nextCursor: null };
  }

  async leadPage(tenantId: string, generation: string, weeks: number, limit: number, cursor?: string): Promise<ReportPage<LeadLine>> {
    return this.jsonPage<LeadLine>(keyOf(tenantId, generation, 'leads', String(weeks)), limit, cursor);
  }

  /** One team's rows for the period (whole period first), or undefined when the figures have no such team. */
  async teamRows(tenantId: string, generation: string, weeks: number, teamId: string): Promise<ReportRow[] | undefined> {
    const key = await getOrUndefined<{ row: string }>(this.table, keyOf(tenantId, generation, 'teamkeys'), keyOf(teamId));
    if (!key) return undefined;
    const row = await getOrUndefined<JsonEntity>(this.table, keyOf(tenantId, generation, 'teams', String(weeks)), key.row);
    return row && readJson<{ rows: ReportRow[] }>(row).rows;
  }

  /** Every team's rows for the period, by team name, a page of storage at a time (for the CSV). */
  async *allTeamRows(tenantId: string, generation: string, weeks: number): AsyncGenerator<ReportRow> {
    for await (const team of this.jsonRows<{ rows: ReportRow[] }>(keyOf(tenantId, generation, 'teams', String(weeks)))) yield* team.rows;
  }

  private async jsonPage<T>(partitionKey: string, limit: number, cursor?: string): Promise<ReportPage<T>> {
    const pages = this.table
      .listEntities<JsonEntity>({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` } })
      .byPage({ maxPageSize: limit, ...continuing(partitionKey, cursor) });
    for await (const page of pages)
      return { rows: page.map((e) => readJson<T>(e)), nextCursor: encodeCursor(partitionKey, page.continuationToken) };
    return { rows: [], nextCursor: null };
  }

  private async *jsonRows<T>(partitionKey: string): AsyncGenerator<T> {
    for await (const { value } of this.jsonRowsWithKeys<T>(partitionKey)) yield value;
  }

  private async *jsonRowsWithKeys<T>(partitionKey: string): AsyncGenerator<{ rowKey: string; value: T }> {
    const pages = this.table
      .listEntities<JsonEntity>({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` } })
      .byPage({ maxPageSize: 100 });
    for await (const page of pages) for (const e of page) yield { rowKey: e.rowKey, value: readJson<T>(e) };
  }

  /** Upserts rows, grouped by partition into batches, a few batches in flight. */
  private async upsertAll(rows: readonly TableEntity<object>[]): Promise<void> {
    const byPartition = new Map<string, TableEntity<object>[]>();
    for (const row of rows) {
      const group = byPartition.get(row.partitionKey);
      if (group) group.push(row);
      else byPartition.set(row.partitionKey, [row]);
    }
    const batches: TableEntity<object>[][] = [];
    for (const group of byPartition.values())
      for (let i = 0; i < group.length; i += BATCH_ROWS) batches.push(group.slice(i, i + BATCH_ROWS));
    await mapBounded(batches, WRITES_IN_FLIGHT, (batch) =>
      this.table.submitTransaction(batch.map((e): TransactionAction => ['upsert', e, 'Replace'])),
    );
  }
}

/** The row key that orders teams by name (then id, so equal names stay apart). */
function teamRowKey(teamName: string, teamId: string): string {
  return keyOf(sortName(teamName), teamId);
}

/**
 * Row keys sort by code unit, not by language: without case and accents, "Échecs" files under E as
 * a reader expects (names in other scripts sort after Latin ones, each script in its own order).
 */
function sortName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

/** The page options that continue from a cursor this list issued (InvalidCursorError for any other). */
function continuing(partitionKey: string, cursor: string | undefined): { continuationToken?: string } {
  return cursor ? { continuationToken: decodeCursor(cursor, partitionKey) } : {};
}

function chunkKey(chunk: number): string {
  return String(chunk).padStart(6, '0');
}

function partitionsUnder(prefix: string): string {
  return odata`PartitionKey gt ${`${prefix}|`} and PartitionKey lt ${prefixEnd(prefix)}`;
}

function pointerOf(tenantId: string, row: PointerEntity): FiguresPointer {
  return { tenantId, generation: row.generation ?? null, asOf: row.asOf ?? null, requestedAt: row.requestedAt ?? null };
}

/** A row holding one JSON value, split over `p0…pN` when it is longer than one property may be. */
function jsonEntity(partitionKey: string, rowKey: string, value: unknown): JsonEntity {
  const text = JSON.stringify(value);
  const entity: JsonEntity = { partitionKey, rowKey, parts: 0 };
  let at = 0;
  do {
    let end = Math.min(text.length, at + PART_CHARS);
    // Never between the two halves of a surrogate pair: each part must be text on its own.
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
    entity[`p${entity.parts++}`] = text.slice(at, end);
    at = end;
  } while (at < text.length);
  return entity;
}

function readJson<T>(e: JsonEntity): T {
  let text = '';
  for (let i = 0; i < e.parts; i++) text += String(e[`p${i}`] ?? '');
  return JSON.parse(text) as T;
}
