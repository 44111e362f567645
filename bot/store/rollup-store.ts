import { type TableClient, odata } from '@azure/data-tables';
import { SOURCE_TYPES, type SourceType } from '../contract/learning-entry.js';
import type { ActionOutcomes } from '../domain/follow-through.js';
import type { GoalFlag, MemberRollup } from '../domain/member-rollup.js';
import { keyOf, tenantPartitions } from './keys.js';
import { listKeys } from './row-deletes.js';
import { allOf, createOnce, getOrUndefined, rowKeysUnder, updateIfUnchanged } from './table-ops.js';

/**
 * Stored compactly, because the dashboard reads a whole team's rows in one query: one string
 * of `;`-separated week cells, each `YYYY-Www,entries,minutes,ratingSum,ratingCount,lastAt,sources,answer,at,insights,actions`
 * with times as base-36 epoch milliseconds, sources as letters and counts ("a2v1"), answer as
 * r/n/x, and empty fields where the week had no entries or no check-in. Then what became of the
 * week's actions, when any was planned: `results,dropped,days,awaiting`, the last two `/`-separated
 * lists (whole days; base-36 times).
 */
type RollupEntity = {
  partitionKey: string;
  rowKey: string;
  userId: string;
  cells: string;
  paused: boolean;
  /** The open goals' flags, as JSON; absent when there are none. */
  goals?: string;
};

export interface WrittenRollup {
  userId: string;
  etag: string;
  writtenAt: number;
  decode(): MemberRollup;
}

export interface StoredRollup {
  rollup: MemberRollup;
  etag: string;
}

const MEMBER = 'm';
const MEMBER_PREFIX = `${keyOf(MEMBER)}|`;
/** Rewritten whenever a member's row is deleted (erasure): it tells readers of changes to start again. */
const RESET_KEY = keyOf('reset');
const LETTERS: Record<SourceType, string> = {
  article: 'a',
  video: 'v',
  course: 'c',
  podcast: 'p',
  book: 'b',
  mentoring: 'm',
  'on-the-job': 'j',
  other: 'o',
};
const BY_LETTER = new Map(SOURCE_TYPES.map((t) => [LETTERS[t], t]));
const ANSWER_CODES = { responded: 'r', nothing: 'n', noAnswer: 'x' } as const;
const ANSWERS = { r: 'responded', n: 'nothing', x: 'noAnswer' } as const;

/** Per-member rollups, one partition per team: the dashboard's only read of learning data. */
export class RollupStore {
  constructor(private readonly table: TableClient) {}

  static partitionKey(tenantId: string, teamId: string): string {
    return keyOf(tenantId, teamId);
  }

  async get(tenantId: string, teamId: string, userId: string): Promise<StoredRollup | undefined> {
    const e = await getOrUndefined<RollupEntity>(this.table, RollupStore.partitionKey(tenantId, teamId), keyOf(MEMBER, userId));
    return e ? { rollup: fromEntity(e), etag: e.etag } : undefined;
  }

  /**
   * Writes a rollup only if nobody changed it since `etag` was read (or, with no etag, only if
   * it does not exist yet); false when someone got there first. One row per write: a team's
   * members never queue behind a shared row.
   */
  async put(tenantId: string, teamId: string, rollup: MemberRollup, etag: string | undefined): Promise<boolean> {
    const entity = toEntity(RollupStore.partitionKey(tenantId, teamId), rollup);
    const outcome = etag ? await updateIfUnchanged(this.table, entity, 'Replace', etag) : await createOnce(this.table, entity);
    return outcome.kind === 'written' || outcome.kind === 'created';
  }

  /**
   * Deletes the person's row from every team's rollups in the tenant (teams they left included).
   * Each delete goes with a reset mark in the same partition, in one transaction: a deleted row
   * never shows in a read of rows changed since, so the mark is how every instance's copy of the
   * team learns to drop what it holds and read the team afresh.
   */
  async removeMemberEverywhere(tenantId: string, userId: string): Promise<number> {
    const { from, to } = tenantPartitions(tenantId);
    const rows = await listKeys(
      this.table,
      odata`PartitionKey gt ${from} and PartitionKey lt ${to} and RowKey eq ${keyOf(MEMBER, userId)}`,
    );
    for (const { partitionKey, rowKey } of rows) {
      await this.table.submitTransaction([
        ['delete', { partitionKey, rowKey }],
        ['upsert', { partitionKey, rowKey: RESET_KEY, resetAt: Date.now() }, 'Replace'],
      ]);
    }
    return rows.length;
  }

  /** Every member's rollup in a team: one query, one page for teams up to 1,000. */
  async listTeam(tenantId: string, teamId: string): Promise<MemberRollup[]> {
    return (await this.changedSince(tenantId, teamId, undefined)).map((r) => r.decode());
  }

  /**
   * The members' rollups written at or after `since` (all of them without it), each with its ETag
   * and the time the service stamped it. Decoding waits until asked: a reader holding a row with
   * the same ETag already has it.
   */
  async changedSince(tenantId: string, teamId: string, since: Date | undefined): Promise<WrittenRollup[]> {
    return (await this.readSince(tenantId, teamId, since)).rows;
  }

  /**
   * The members' rollups of a team, one storage page of 100 in memory at a time (for passes over big
   * teams): a row is up to ~18 KB, so Table Storage's default page of 1,000 would hold ~18 MB at once.
   */
  async *streamTeam(tenantId: string, teamId: string): AsyncGenerator<WrittenRollup> {
    const partitionKey = RollupStore.partitionKey(tenantId, teamId);
    const pages = this.table
      .listEntities<RollupEntity & { etag: string; timestamp?: string }>({
        queryOptions: { filter: allOf(odata`PartitionKey eq ${partitionKey}`, rowKeysUnder(keyOf(MEMBER))) },
      })
      .byPage({ maxPageSize: 100 });
    for await (const page of pages)
      for (const e of page)
        yield { userId: e.userId, etag: e.etag, writtenAt: Date.parse(e.timestamp ?? '') || 0, decode: () => fromEntity(e) };
  }

  /**
   * As `changedSince`, and when a member's row was last deleted if that is since then (`resetAt`,
   * the mark's write time): a copy held from before must be dropped; and the time storage answered
   * (`answeredAt`, from its Date header), from which a reader may ask only for later writes next time.
   */
  async readSince(
    tenantId: string,
    teamId: string,
    since: Date | undefined,
  ): Promise<{ rows: WrittenRollup[]; resetAt?: number; answeredAt?: number }> {
    const partitionKey = RollupStore.partitionKey(tenantId, teamId);
    const filter = since ? odata`PartitionKey eq ${partitionKey} and Timestamp ge ${since}` : odata`PartitionKey eq ${partitionKey}`;
    let answeredAt: number | undefined;
    const entities = this.table.listEntities<RollupEntity & { etag: string; timestamp?: string }>({
      queryOptions: { filter },
      // Storage's own clock (to the second, rounded down) when it answered the first page: the rows' stamps are on that clock.
      onResponse: (raw) => void (answeredAt ??= Date.parse(raw.headers.get('date') ?? '') || undefined),
    });
    const rows: WrittenRollup[] = [];
    let resetAt: number | undefined;
    for await (const e of entities) {
      if (e.rowKey === RESET_KEY) resetAt = Date.parse(e.timestamp ?? '') || 0;
      if (!e.rowKey.startsWith(MEMBER_PREFIX)) continue;
      rows.push({ userId: e.userId, etag: e.etag, writtenAt: Date.parse(e.timestamp ?? '') || 0, decode: () => fromEntity(e) });
    }
    return { rows, ...(resetAt !== undefined ? { resetAt } : {}), ...(answeredAt !== undefined ? { answeredAt } : {}) };
  }
}

function toEntity(partitionKey: string, r: MemberRollup): RollupEntity {
  const weeks = new Set([...Object.keys(r.weeks), ...Object.keys(r.cycles)]);
  const cells = [...weeks].sort().map((week) => {
    const a = r.weeks[week];
    const o = r.cycles[week];
    const activity = a
      ? [
          a.entries,
          a.minutes,
          a.ratingSum,
          a.ratingCount,
          a.lastAt.toString(36),
          (Object.entries(a.sources) as [SourceType, number][]).map(([t, n]) => `${LETTERS[t]}${n}`).join(''),
        ]
      : ['', '', '', '', '', ''];
    // Insights and actions came later: at the end, so cells written before them still read.
    const outcomes = a?.outcomes
      ? [
          a.outcomes.results,
          a.outcomes.dropped,
          a.outcomes.resultDays.join('/'),
          a.outcomes.awaitingAt.map((t) => t.toString(36)).join('/'),
        ]
      : [];
    return [
      week,
      ...activity,
      o ? ANSWER_CODES[o.answer] : '',
      o ? o.at.toString(36) : '',
      a ? a.insights : '',
      a ? a.actions : '',
      ...outcomes,
    ].join(',');
  });
  return {
    partitionKey,
    rowKey: keyOf(MEMBER, r.userId),
    userId: r.userId,
    cells: cells.join(';'),
    paused: r.paused,
    ...(r.goals.length > 0 ? { goals: JSON.stringify(r.goals) } : {}),
  };
}

function fromEntity(e: RollupEntity): MemberRollup {
  const rollup: MemberRollup = { userId: e.userId, weeks: {}, cycles: {}, paused: e.paused === true, goals: goalsFrom(e.goals) };
  if (!e.cells) return rollup;
  for (const cell of e.cells.split(';')) {
    const [
      week = '',
      entries,
      minutes,
      ratingSum,
      ratingCount,
      lastAt = '',
      sources = '',
      answer,
      at = '',
      insights,
      actions,
      ...outcomes
    ] = cell.split(',');
    if (entries) {
      rollup.weeks[week] = {
        entries: Number(entries),
        minutes: Number(minutes),
        ratingSum: Number(ratingSum),
        ratingCount: Number(ratingCount),
        lastAt: parseInt(lastAt, 36),
        sources: sourcesFrom(sources),
        insights: Number(insights || 0),
        actions: Number(actions || 0),
        ...outcomesFrom(outcomes),
      };
    }
    if (answer) rollup.cycles[week] = { answer: ANSWERS[answer as keyof typeof ANSWERS], at: parseInt(at, 36) };
  }
  return rollup;
}

function outcomesFrom([results, dropped, days = '', awaiting = '']: string[]): { outcomes?: ActionOutcomes } {
  if (!results) return {};
  const list = (text: string, radix: number) => (text ? text.split('/').map((v) => parseInt(v, radix)) : []);
  return {
    outcomes: { results: Number(results), dropped: Number(dropped || 0), resultDays: list(days, 10), awaitingAt: list(awaiting, 36) },
  };
}

function goalsFrom(json: string | undefined): GoalFlag[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as GoalFlag[]) : [];
  } catch {
    return [];
  }
}

/** "a2v1" → { article: 2, video: 1 }, by hand: this runs for every cell of a team on every dashboard read. */
function sourcesFrom(text: string): Partial<Record<SourceType, number>> {
  const counts: Partial<Record<SourceType, number>> = {};
  let i = 0;
  while (i < text.length) {
    const type = BY_LETTER.get(text[i]!);
    let j = i + 1;
    while (j < text.length && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    if (type) counts[type] = Number(text.slice(i + 1, j));
    i = j;
  }
  return counts;
}
