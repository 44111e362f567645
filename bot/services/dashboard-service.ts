import { LRUCache } from 'lru-cache';
import { buildDashboard } from '../domain/dashboard.js';
import { followUpsFor, nudgesNeededSince, teamFollowUps, type TeamFollowUps } from '../domain/dashboard-follow-ups.js';
import type { DashboardPeriod, DashboardResponse } from '../contract/dashboard-view.js';
import type { Cadence } from '../contract/ld-settings.js';
import { nudgeFact } from '../domain/leader-metrics.js';
import type { NudgeStore } from '../store/nudge-store.js';
import type { RollupStore } from '../store/rollup-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { Clock, Learner } from './learner.js';
import { NotAllowedError } from '../domain/errors.js';
import { TeamRollupCopies } from './team-rollup-copies.js';
import { TeamRosterCopies } from './team-roster-copies.js';

interface CachedView {
  generation: number;
  stamp: string;
  minute: number;
  /** Moves whenever the view is built or its follow-up figures are worked out again. */
  revision: number;
  view: DashboardResponse;
  /** The leaders' figures, worked out for the first lead to ask, with the nudges they were worked out from. */
  followUps?: { nudges: string; figures: TeamFollowUps };
}

/** Teams × periods whose lead view this instance keeps; the oldest is dropped first. */
const CACHE_LIMIT = 64;
/** And at most this much of this instance's memory: a 2,000-member team's view is about 2 MB. */
const CACHE_BYTES = 8 * 1024 * 1024;
/** As many nudges as the admins' report reads: one page of a team's partition. */
const NUDGE_LIMIT = 1000;

let revisions = 0;

/** A caller's dashboard, and a revision that moves whenever what this caller is sent may have changed. */
export interface DashboardAnswer {
  view: DashboardResponse;
  /** Equal for two answers to the same caller, team and period only when their views are equal. */
  revision: string;
}

/**
 * The team dashboard, from three reads made side by side: the team's settings and roster (which
 * decide who may see what: the rows' ETags, with the rows themselves only when this instance holds
 * none or they moved), the team's rollups written since this instance last read them, caught up
 * into its decoded copy, and the team's nudges sent in the period, for a lead's follow-up figures. The view is rebuilt only when the rollups, the roster or the minute
 * have moved since it was last built; the follow-up figures also when a nudge was sent.
 */
export class DashboardService {
  private readonly cache = new LRUCache<string, CachedView>({
    max: CACHE_LIMIT,
    maxSize: CACHE_BYTES,
    // Measured once per build, which happens at most once a minute per team and period.
    sizeCalculation: (entry) => Math.max(1, JSON.stringify(entry.view).length * 2),
  });
  private readonly copies: TeamRollupCopies;
  private readonly rosters: TeamRosterCopies;

  constructor(
    private readonly deps: {
      teams: TeamStore;
      rollups: RollupStore;
      nudges: NudgeStore;
      /** The check-in cadence L&D set for new teams (LdSettingsService): a never set-up team's form starts from it. */
      defaultCadence: (tenantId: string) => Promise<Cadence>;
      clock: Clock;
    },
  ) {
    this.copies = new TeamRollupCopies(deps.rollups);
    this.rosters = new TeamRosterCopies(deps.teams);
  }

  /** Each per-instance cache's bounds and what it holds now, for the benchmarks. */
  get caches(): Record<'views' | 'rollups' | 'rosters', { entries: number; bytes: number; maxEntries: number; maxBytes: number }> {
    return {
      views: { entries: this.cache.size, bytes: this.cache.calculatedSize, maxEntries: CACHE_LIMIT, maxBytes: CACHE_BYTES },
      rollups: { entries: this.copies.held.teams, bytes: this.copies.held.bytes, ...this.copies.bounds },
      rosters: this.rosters.held,
    };
  }

  async dashboardFor(caller: Learner, teamId: string, weeks: DashboardPeriod): Promise<DashboardResponse> {
    return (await this.answerFor(caller, teamId, weeks)).view;
  }

  /**
   * The dashboard with its revision, for the API to keep what it sent the caller (serialised and
   * compressed) and send it again while the revision holds. Every call reads and authorises as
   * `dashboardFor` does: the revision is never an answer in itself.
   */
  async answerFor(caller: Learner, teamId: string, weeks: DashboardPeriod): Promise<DashboardAnswer> {
    const now = this.deps.clock();
    // Whether the caller leads is known only once the roster is read; the nudges are read alongside all the same, to save a round trip.
    const [roster, current, nudges] = await Promise.all([
      this.rosters.read(caller.tenantId, teamId),
      this.copies.read(caller.tenantId, teamId),
      this.deps.nudges.listTeam(caller.tenantId, teamId, NUDGE_LIMIT, nudgesNeededSince(now, weeks)),
    ]);
    const { team } = roster;
    const me = team.members.find((m) => m.userId === caller.userId);
    // Read first, decide after: nothing read is shown unless the caller is on the roster.
    if (!team.settings || !me) throw new NotAllowedError('You are not a member of this team.');
    // Only now is anything of this team kept on this instance: asking about teams one is not in costs it nothing.
    current.keep();
    roster.keep();
    // Open check-ins and long silences depend on the time: a view is good for the minute it was built in.
    const minute = Math.floor(now.getTime() / 60_000);
    const key = `${caller.tenantId}\n${teamId}\n${weeks}`;
    let cached = this.cache.get(key);
    if (!cached || cached.generation !== current.generation || cached.stamp !== team.stamp || cached.minute !== minute) {
      const view = buildDashboard({
        settings: team.settings,
        roster: team.members,
        rollups: current.rollups,
        caller: { userId: caller.userId, role: 'lead' },
        weeks,
        now,
      });
      cached = { generation: current.generation, stamp: team.stamp, minute, revision: ++revisions, view };
      this.cache.set(key, cached);
    }
    // The caller, their role and their row are in the view as well: another caller's revision means nothing here.
    const revisionOf = (c: CachedView) => `${c.revision} ${me.role} ${caller.tenantId}\n${caller.userId}`;
    if (me.role !== 'lead') {
      // Members see the same team figures, and of the member table only their own row.
      const view: DashboardResponse = {
        ...cached.view,
        role: 'member',
        callerId: caller.userId,
        members: cached.view.members.filter((m) => m.userId === caller.userId),
      };
      return { view, revision: revisionOf(cached) };
    }
    // Nudges are added newest first, and later answered, closed or followed by a result (never undone):
    // their count, the newest, and how many reached each of those say whether anything changed since.
    const ended = (has: (n: (typeof nudges)[number]) => unknown) => nudges.filter(has).length;
    const nudgeStamp = `${nudges.length} ${nudges[0]?.nudgeId ?? ''} ${ended((n) => n.reply)} ${ended((n) => n.closedAt)} ${ended((n) => n.resultAt)}`;
    if (cached.followUps?.nudges !== nudgeStamp) {
      const zone = team.settings.schedule?.timeZone ?? 'UTC';
      const figures = teamFollowUps({ roster: team.members, rollups: current.rollups, nudges: nudges.map(nudgeFact), weeks, zone, now });
      cached.followUps = { nudges: nudgeStamp, figures };
      cached.revision = ++revisions;
    }
    // A team never set up starts from the cadence L&D set for new teams, as its setup card does: read for its leads alone, each time.
    const defaultCadence = cached.view.settings.schedule ? undefined : await this.deps.defaultCadence(caller.tenantId);
    const view: DashboardResponse = {
      ...cached.view,
      ...(defaultCadence ? { settings: { ...cached.view.settings, defaultCadence } } : {}),
      callerId: caller.userId,
      followUps: followUpsFor(cached.followUps.figures, caller.userId),
    };
    // L&D's cadence can change while the team's records do not: it is part of the revision.
    return { view, revision: `${defaultCadence ?? 'own'} ${revisionOf(cached)}` };
  }
}
