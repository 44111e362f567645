import { LRUCache } from 'lru-cache';
import type { TeamSettings } from '../contract/team-settings.js';
import type { TeamMember, TeamStore } from '../store/team-store.js';

/** A team's settings and roster as `TeamStore.readTeam` answers them. */
interface HeldTeam {
  team: TeamRosterRead['team'];
  /** What the decoded roster costs this instance, roughly: its JSON length in UTF-16 bytes. */
  bytes: number;
}

/** A team's read, and a way to keep it as this instance's copy once the reader may see it. */
export interface TeamRosterRead {
  team: { settings: TeamSettings | undefined; members: TeamMember[]; stamp: string };
  /** Holds the copy for the next read; call only once the caller is known to belong to the team. */
  keep(): void;
}

/** Teams whose roster this instance keeps, and how much memory they may take. */
export const ROSTER_COPY_LIMITS = { maxTeams: 500, maxBytes: 8 * 1024 * 1024 };

/**
 * This instance's copy of recently read teams' settings and rosters. A roster rarely changes, and
 * a large team's rows cost more to send and decode than their keys: a read asks only for the
 * rows' keys and ETags, and reads the rows themselves only when the stamp they make has moved (a
 * member joined, left or was erased, a role or the settings changed) — one more request then.
 * Bounded by teams held and by bytes (least recently read goes first). An erased member's row is
 * gone from the stamp, so the next read of the team drops the copy that named them; nothing is
 * held for a team until its reader has been let in.
 */
export class TeamRosterCopies {
  private readonly teams: LRUCache<string, HeldTeam>;

  constructor(
    private readonly store: Pick<TeamStore, 'readTeam' | 'readStamp'>,
    private readonly limits: { maxTeams: number; maxBytes: number } = ROSTER_COPY_LIMITS,
  ) {
    this.teams = new LRUCache<string, HeldTeam>({
      max: limits.maxTeams,
      maxSize: limits.maxBytes,
      sizeCalculation: (held) => Math.max(1, held.bytes),
    });
  }

  async read(tenantId: string, teamId: string): Promise<TeamRosterRead> {
    const key = `${tenantId}\n${teamId}`;
    const held = this.teams.get(key);
    // Nothing held: the rows at once, rather than their stamp first.
    const unchanged = held !== undefined && (await this.store.readStamp(tenantId, teamId)) === held.team.stamp;
    if (held && !unchanged) this.teams.delete(key);
    const read = unchanged ? held.team : await this.store.readTeam(tenantId, teamId);
    return {
      team: read,
      keep: () => {
        if (this.teams.get(key)?.team !== read) this.teams.set(key, { team: read, bytes: JSON.stringify(read).length * 2 });
      },
    };
  }

  /** Teams and bytes held now, and the bounds, for the benchmarks and tests. */
  get held(): { entries: number; bytes: number; maxEntries: number; maxBytes: number } {
    return { entries: this.teams.size, bytes: this.teams.calculatedSize, maxEntries: this.limits.maxTeams, maxBytes: this.limits.maxBytes };
  }
}
