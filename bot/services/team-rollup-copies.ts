import type { MemberRollup } from '../domain/member-rollup.js';
import type { RollupStore } from '../store/rollup-store.js';

interface TeamCopy {
  rows: Map<string, { rollup: MemberRollup; etag: string }>;
  /** The newest write time seen: the next read asks only for rows written since (less a margin). */
  newest: number;
  /** Moves whenever a row is added or changed, so views built from the copy know they are stale. */
  generation: number;
}

/** Rows stamped within this of the newest seen are fetched again, in case an earlier-stamped write became visible late. */
const CLOCK_MARGIN_MS = 2_000;

let generations = 0;

/**
 * This instance's decoded copy of recently read teams' rollups, caught up by reading only the
 * rows written since the last read — usually none or a few, where decoding a large team's rows
 * costs more than reading them. Bounded by rows held, so a 96 MB instance spends a few MB on it.
 */
export class TeamRollupCopies {
  private readonly teams = new Map<string, TeamCopy>();

  constructor(
    private readonly store: RollupStore,
    private readonly maxRows = 2_000,
  ) {}

  async current(tenantId: string, teamId: string): Promise<{ rollups: MemberRollup[]; generation: number }> {
    const key = `${tenantId}\n${teamId}`;
    const copy = this.teams.get(key) ?? { rows: new Map(), newest: 0, generation: ++generations };
    const since = copy.newest ? new Date(copy.newest - CLOCK_MARGIN_MS) : undefined;
    for (const row of await this.store.changedSince(tenantId, teamId, since)) {
      const held = copy.rows.get(row.userId);
      if (held?.etag !== row.etag) {
        copy.rows.set(row.userId, { rollup: row.decode(), etag: row.etag });
        copy.generation = ++generations;
      }
      copy.newest = Math.max(copy.newest, row.writtenAt);
    }
    this.teams.delete(key);
    this.teams.set(key, copy);
    this.evict();
    return { rollups: [...copy.rows.values()].map((r) => r.rollup), generation: copy.generation };
  }

  private evict(): void {
    let held = [...this.teams.values()].reduce((n, t) => n + t.rows.size, 0);
    for (const [key, copy] of this.teams) {
      if (held <= this.maxRows || this.teams.size === 1) return;
      this.teams.delete(key);
      held -= copy.rows.size;
    }
  }
}
