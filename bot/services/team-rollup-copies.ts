import { LRUCache } from 'lru-cache';
import type { MemberRollup } from '../domain/member-rollup.js';
import type { RollupStore } from '../store/rollup-store.js';

interface HeldRow {
  rollup: MemberRollup;
  etag: string;
  /** What the decoded row costs this instance, roughly: its JSON length in UTF-16 bytes. */
  bytes: number;
}

interface TeamCopy {
  rows: Map<string, HeldRow>;
  /** The newest write time seen: the next read asks only for rows written since (less a margin)… */
  newest: number;
  /** …or since storage last answered (less a wider margin), whichever is later: a quiet team's reads then fetch nothing. */
  answeredAt: number;
  /** Moves whenever a row is added or changed, so views built from the copy know they are stale. */
  generation: number;
  bytes: number;
}

/** Rows stamped within this of the newest seen are fetched again, in case an earlier-stamped write became visible late. */
const CLOCK_MARGIN_MS = 2_000;
/**
 * And within this of when storage last answered. Wider: that time is the Date header (to the
 * second), from storage's front end, not the clock that stamps rows. Without it, rows written in
 * one burst (a check-in round, a recount) would come back on every read until the next write.
 */
export const ANSWERED_MARGIN_MS = 5_000;

let generations = 0;

/** A team's rollups as read now, and a way to keep them as this instance's copy once the reader may see them. */
export interface TeamRollupsRead {
  rollups: MemberRollup[];
  generation: number;
  /** Holds the copy for the next read; call only once the caller is known to belong to the team. */
  keep(): void;
}

/**
 * This instance's decoded copy of recently read teams' rollups, caught up by reading only the
 * rows written since the last read — usually none or a few, where decoding a large team's rows
 * costs more than reading them. Bounded by teams held and by bytes (least recently read goes
 * first), and nothing is held for a team until its reader has been let in, so reads of teams that
 * do not exist or are not the caller's cost this instance nothing.
 */
export class TeamRollupCopies {
  private readonly teams: LRUCache<string, TeamCopy>;
  /** Teams held at most, and bytes. */
  readonly bounds: { maxEntries: number; maxBytes: number };

  constructor(
    private readonly store: RollupStore,
    limits: { maxTeams?: number; maxBytes?: number } = {},
  ) {
    this.bounds = { maxEntries: limits.maxTeams ?? 500, maxBytes: limits.maxBytes ?? 16 * 1024 * 1024 };
    this.teams = new LRUCache<string, TeamCopy>({
      max: this.bounds.maxEntries,
      maxSize: this.bounds.maxBytes,
      sizeCalculation: (copy) => Math.max(1, copy.bytes),
    });
  }

  async read(tenantId: string, teamId: string): Promise<TeamRollupsRead> {
    const key = `${tenantId}\n${teamId}`;
    const fresh = (): TeamCopy => ({ rows: new Map(), newest: 0, answeredAt: 0, generation: ++generations, bytes: 0 });
    // A team not held yet is read into a fresh copy that only `keep` makes this instance's.
    let copy: TeamCopy = this.teams.get(key) ?? fresh();
    const since = Math.max(copy.newest - CLOCK_MARGIN_MS, copy.answeredAt - ANSWERED_MARGIN_MS);
    let read = await this.store.readSince(tenantId, teamId, copy.newest ? new Date(since) : undefined);
    if (read.resetAt !== undefined && copy.newest) {
      // Someone's rows were deleted (an erasure): nothing held may outlive them, so the team is read afresh.
      this.teams.delete(key);
      copy = fresh();
      read = await this.store.readSince(tenantId, teamId, undefined);
    }
    for (const row of read.rows) {
      const before = copy.rows.get(row.userId);
      if (before?.etag !== row.etag) {
        const rollup = row.decode();
        const bytes = JSON.stringify(rollup).length * 2;
        copy.rows.set(row.userId, { rollup, etag: row.etag, bytes });
        copy.bytes += bytes - (before?.bytes ?? 0);
        copy.generation = ++generations;
      }
      copy.newest = Math.max(copy.newest, row.writtenAt);
    }
    // The mark counts as written too, so that reads after this one pass it by instead of starting again.
    if (read.resetAt !== undefined) copy.newest = Math.max(copy.newest, read.resetAt);
    copy.answeredAt = Math.max(copy.answeredAt, read.answeredAt ?? 0);
    return {
      rollups: [...copy.rows.values()].map((r) => r.rollup),
      generation: copy.generation,
      // Set again even when held: its size may have changed, and it becomes the most recently used.
      keep: () => void this.teams.set(key, copy),
    };
  }

  /** Teams and bytes held now, for the benchmarks and tests. */
  get held(): { teams: number; bytes: number } {
    return { teams: this.teams.size, bytes: this.teams.calculatedSize };
  }
}
