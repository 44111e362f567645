import { RestError, type TableClient, odata } from '@azure/data-tables';
import { SOURCE_TYPES, type SourceType } from '../domain/learning-entry.js';
import type { MemberRollup } from '../domain/member-rollup.js';
import { keyOf, prefixEnd } from './keys.js';

/**
 * Stored compactly, because the dashboard reads a whole team's rows in one query: one string
 * of `;`-separated week cells, each `YYYY-Www,entries,minutes,ratingSum,ratingCount,lastAt,sources,answer,at`
 * with times as base-36 epoch milliseconds, sources as letters and counts ("a2v1"), answer as
 * r/n/x, and empty fields where the week had no entries or no check-in.
 */
type RollupEntity = {
  partitionKey: string;
  rowKey: string;
  userId: string;
  cells: string;
  paused: boolean;
};

export interface StoredRollup {
  rollup: MemberRollup;
  etag: string;
}

const MEMBER = 'm';
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
    try {
      const e = await this.table.getEntity<RollupEntity>(RollupStore.partitionKey(tenantId, teamId), keyOf(MEMBER, userId));
      return { rollup: fromEntity(e), etag: e.etag };
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return undefined;
      throw error;
    }
  }

  /**
   * Writes a rollup only if nobody changed it since `etag` was read (or, with no etag, only if
   * it does not exist yet); false when someone got there first.
   */
  async put(tenantId: string, teamId: string, rollup: MemberRollup, etag: string | undefined): Promise<boolean> {
    const entity = toEntity(RollupStore.partitionKey(tenantId, teamId), rollup);
    try {
      if (etag) await this.table.updateEntity(entity, 'Replace', { etag });
      else await this.table.createEntity(entity);
      return true;
    } catch (error) {
      if (error instanceof RestError && (error.statusCode === 409 || error.statusCode === 412 || error.statusCode === 404)) return false;
      throw error;
    }
  }

  /** Every member's rollup in a team: one query, one page for teams up to 1,000. */
  async listTeam(tenantId: string, teamId: string): Promise<MemberRollup[]> {
    const partitionKey = RollupStore.partitionKey(tenantId, teamId);
    const from = keyOf(MEMBER);
    const rows = this.table.listEntities<RollupEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey} and RowKey gt ${from} and RowKey lt ${prefixEnd(from)}` },
    });
    const result: MemberRollup[] = [];
    for await (const e of rows) result.push(fromEntity(e));
    return result;
  }
}

function toEntity(partitionKey: string, r: MemberRollup): RollupEntity {
  const weeks = new Set([...Object.keys(r.weeks), ...Object.keys(r.cycles)]);
  const cells = [...weeks].sort().map((week) => {
    const a = r.weeks[week];
    const o = r.cycles[week];
    const activity = a
      ? [a.entries, a.minutes, a.ratingSum, a.ratingCount, time36(a.lastAt), (Object.entries(a.sources) as [SourceType, number][]).map(([t, n]) => `${LETTERS[t]}${n}`).join('')]
      : ['', '', '', '', '', ''];
    return [week, ...activity, o ? ANSWER_CODES[o.answer] : '', o ? time36(o.at) : ''].join(',');
  });
  return { partitionKey, rowKey: keyOf(MEMBER, r.userId), userId: r.userId, cells: cells.join(';'), paused: r.paused };
}

function fromEntity(e: RollupEntity): MemberRollup {
  const rollup: MemberRollup = { userId: e.userId, weeks: {}, cycles: {}, paused: e.paused === true };
  if (!e.cells) return rollup;
  for (const cell of e.cells.split(';')) {
    const [week = '', entries, minutes, ratingSum, ratingCount, lastAt, sources = '', answer, at] = cell.split(',');
    if (entries) {
      const counts: Partial<Record<SourceType, number>> = {};
      for (const [, letter, n] of sources.matchAll(/([a-z])(\d+)/g)) {
        const type = BY_LETTER.get(letter!);
        if (type) counts[type] = Number(n);
      }
      rollup.weeks[week] = { entries: Number(entries), minutes: Number(minutes), ratingSum: Number(ratingSum), ratingCount: Number(ratingCount), lastAt: iso36(lastAt!), sources: counts };
    }
    if (answer) rollup.cycles[week] = { answer: ANSWERS[answer as keyof typeof ANSWERS], at: iso36(at!) };
  }
  return rollup;
}

function time36(iso: string): string {
  return Date.parse(iso).toString(36);
}

function iso36(value: string): string {
  return new Date(parseInt(value, 36)).toISOString();
}
