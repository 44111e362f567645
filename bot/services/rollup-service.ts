import type { Logger } from 'pino';
import {
  cycleOutcomeOf,
  emptyRollup,
  goalFlagsOf,
  isKeptWeek,
  weekActivityOf,
  weekKeyOf,
  weekSpan,
  withCycle,
  withWeek,
  type MemberRollup,
} from '../domain/member-rollup.js';
import type { Goal } from '../contract/goal-rules.js';
import { writtenSinceJoining } from '../domain/entry-visibility.js';
import type { EntryStore } from '../store/entry-store.js';
import type { RollupStore } from '../store/rollup-store.js';
import type { SendStore } from '../store/send-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { UserStore } from '../store/user-store.js';
import type { Clock, Learner } from './learner.js';
import { readsOf, type LearnerReads } from './learner-reads.js';

export interface RollupServiceDeps {
  rollups: RollupStore;
  teams: TeamStore;
  entries: EntryStore;
  sends: SendStore;
  users: UserStore;
  clock: Clock;
  logger: Logger;
}

const MAX_TRIES = 10;

/**
 * Keeps each team's per-member rollups current as learning is written. A refresh reads the
 * rollup's ETag *before* reading what it summarises, then writes only if the ETag still holds:
 * a refresh that lost a race starts again with fresh inputs, so the last write always reflects
 * the newest records.
 */
export class RollupService {
  constructor(private readonly deps: RollupServiceDeps) {}

  /** An entry made at `createdAt` was added, edited or deleted: refresh that week in each of the learner's teams. */
  async entryChanged(learner: Learner, createdAt: string, given?: LearnerReads): Promise<void> {
    const reads = readsOf(this.deps, learner, given);
    await this.guard('entry', learner, async () => {
      const teamIds = await reads.teamIds();
      await Promise.all(teamIds.map((teamId) => this.refresh(reads, teamId, { entryAts: [createdAt] })));
    });
  }

  /** A scheduled check-in was sent or answered: refresh its cycle for the team that sent it. */
  async checkInChanged(learner: Learner, cycle: string, teamId?: string): Promise<void> {
    await this.guard('check-in', learner, async () => {
      const team = teamId ?? (await this.deps.sends.get(learner.tenantId, learner.userId, cycle, 'checkin'))?.teamId;
      if (!team || !isKeptWeek(cycle, this.deps.clock())) return;
      await this.refresh(readsOf(this.deps, learner, undefined), team, { cycle });
    });
  }

  /**
   * A check-in's entry was saved, answering `cycle` when it came on a scheduled card, and perhaps
   * telling what came of earlier entries' actions and answering goals: as `entryChanged` for each
   * entry, `checkInChanged` and `goalsChanged` together, but each team's row gets every week, the
   * cycle and the goals in one write, where several refreshes of the same row at once would race
   * and write again. Called as soon as the entry is saved, so the rollups' own reads go beside the
   * check-in's other writes: `written` gives the creation times of the entries whose action answers
   * were written, once the answers and the cycle answered are written (each row's ETag is read
   * before, what it summarises after); it fails when they failed, and then nothing is written.
   * `goals`: the learner's goals once the check-in's answers about them are written (undefined when
   * they could not be: the row keeps the goals it shows).
   */
  async checkInSaved(
    learner: Learner,
    saved: {
      createdAt: string;
      cycle: string | undefined;
      written: Promise<readonly string[]>;
      goals?: Promise<readonly Goal[] | undefined>;
    },
    given?: LearnerReads,
  ): Promise<void> {
    const reads = readsOf(this.deps, learner, given);
    const { cycle } = saved;
    const written = saved.written.then(
      (answeredAt) => ({ ok: true as const, entryAts: [saved.createdAt, ...answeredAt] }),
      () => ({ ok: false as const }),
    );
    const goals = saved.goals?.catch(() => undefined);
    await this.guard('check-in', learner, async () => {
      const [teamIds, record] = await Promise.all([
        reads.teamIds(),
        cycle ? this.deps.sends.get(learner.tenantId, learner.userId, cycle, 'checkin') : undefined,
      ]);
      const sentBy = cycle && record?.teamId && isKeptWeek(cycle, this.deps.clock()) ? record.teamId : undefined;
      const teams = sentBy && !teamIds.includes(sentBy) ? [...teamIds, sentBy] : teamIds;
      await Promise.all(
        teams.map((teamId) => {
          const member = teamIds.includes(teamId);
          return this.refresh(reads, teamId, {
            ...(member ? { entryAts: written.then((w) => (w.ok ? w.entryAts : [])) } : {}),
            ...(teamId === sentBy ? { cycle } : {}),
            ...(member && goals ? { goals } : {}),
            ready: written.then((w) => w.ok),
          });
        }),
      );
    });
  }

  /**
   * A goal was set or reported on: every team's dashboard they belong to shows their open goals,
   * each team only those set since the learner joined it (its leads read the goals' titles).
   */
  async goalsChanged(learner: Learner, goals: readonly Goal[], given?: LearnerReads): Promise<void> {
    const reads = readsOf(this.deps, learner, given);
    await this.guard('goal', learner, async () => {
      const teamIds = await reads.teamIds();
      await Promise.all(teamIds.map((teamId) => this.refresh(reads, teamId, { goals: Promise.resolve(goals) })));
    });
  }

  /** The learner paused or resumed: every team's dashboard they belong to shows it. */
  async pausedChanged(learner: Learner): Promise<void> {
    await this.guard('pause', learner, async () => {
      const teamIds = await this.deps.teams.teamsOf(learner.tenantId, learner.userId);
      await Promise.all(
        teamIds.map((teamId) =>
          this.modify(learner.tenantId, teamId, learner.userId, async (r) => ({
            ...r,
            paused: Boolean((await this.deps.users.get(learner.tenantId, learner.userId))?.pausedAt),
          })),
        ),
      );
    });
  }

  /**
   * Refreshes, in one write, the weeks of entries made at `entryAts` (in the team's zone), a
   * check-in cycle this team sent and the goals the team sees; each from the records as they are
   * once the rollup was read. `ready`: what the refresh shows is written (false: write nothing).
   */
  private async refresh(
    reads: LearnerReads,
    teamId: string,
    what: {
      entryAts?: readonly string[] | Promise<readonly string[]>;
      cycle?: string;
      goals?: Promise<readonly Goal[] | undefined>;
      ready?: Promise<boolean>;
    },
  ): Promise<void> {
    const { tenantId, userId } = reads.learner;
    const { cycle } = what;
    // Read beside the rollup, not after it: the team's zone decides the weeks, and when the member joined which goals the team sees.
    const zone = what.entryAts ? reads.settings(teamId).then((settings) => settings?.schedule?.timeZone ?? 'UTC') : undefined;
    const seen = what.goals ? this.goalsSeen(reads, teamId, what.goals) : undefined;
    // Awaited in the write below, which may stop before it reads them (the rollup unread, the check-in failed): never left unhandled.
    for (const read of [zone, seen]) read?.catch(() => undefined);
    const weeksOf = async () => {
      const [entryAts, tz] = await Promise.all([what.entryAts ?? [], zone ?? 'UTC']);
      const weeks = new Map<string, { start: Date; end: Date }>();
      for (const at of entryAts) {
        const key = weekKeyOf(at, tz);
        if (isKeptWeek(key, this.deps.clock())) weeks.set(key, weekSpan(key, tz));
      }
      return weeks;
    };
    // Entries alone, in no week kept: nothing to refresh, so nothing read.
    if (!what.ready && !what.goals && cycle === undefined && (await weeksOf()).size === 0) return;
    await this.modify(tenantId, teamId, userId, async (rollup) => {
      if (what.ready && !(await what.ready)) return undefined;
      const weeks = await weeksOf();
      const [activities, record, goals] = await Promise.all([
        Promise.all(
          [...weeks].map(async ([key, span]) => ({
            key,
            activity: weekActivityOf(await this.deps.entries.listBetween(tenantId, userId, span.start, span.end)),
          })),
        ),
        cycle !== undefined ? this.deps.sends.get(tenantId, userId, cycle, 'checkin') : undefined,
        seen,
      ]);
      if (weeks.size === 0 && cycle === undefined && goals === undefined) return undefined;
      let updated = rollup;
      for (const { key, activity } of activities) updated = withWeek(updated, key, activity, this.deps.clock());
      if (cycle !== undefined)
        updated = withCycle(updated, cycle, record?.teamId === teamId ? cycleOutcomeOf(record) : undefined, this.deps.clock());
      if (goals) updated = { ...updated, goals };
      return updated;
    });
  }

  /** The goals' flags a team shows: those set since the learner joined it; undefined when the goals are not known. */
  private async goalsSeen(
    reads: LearnerReads,
    teamId: string,
    goals: Promise<readonly Goal[] | undefined>,
  ): Promise<MemberRollup['goals'] | undefined> {
    const [known, member, profile] = await Promise.all([goals, reads.member(teamId), reads.profile()]);
    if (!known) return undefined;
    const joinedAt = member?.joinedAt ?? '';
    const seen = known.filter((g) => writtenSinceJoining(g.createdAt, joinedAt));
    return goalFlagsOf(seen, this.deps.clock(), profile?.timeZone ?? 'UTC');
  }

  private async modify(
    tenantId: string,
    teamId: string,
    userId: string,
    /** The row as it should be; undefined: leave it as it is. */
    change: (r: MemberRollup) => Promise<MemberRollup | undefined>,
  ): Promise<void> {
    for (let attempt = 1; attempt <= MAX_TRIES; attempt++) {
      const stored = await this.deps.rollups.get(tenantId, teamId, userId);
      const updated = await change(stored?.rollup ?? emptyRollup(userId));
      if (!updated || (await this.deps.rollups.put(tenantId, teamId, updated, stored?.etag))) return;
      // Someone else refreshed this member at the same moment: back off a little and redo.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
    throw new Error(`Rollup for ${userId} in ${teamId} kept changing under us`);
  }

  /**
   * The learning itself is already saved when a rollup is refreshed: a failure here is logged,
   * not shown to the learner, and the next write in that week puts the cell right.
   */
  private async guard(what: string, learner: Learner, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.deps.logger.warn(
        { err: error, tenantId: learner.tenantId, userId: learner.userId },
        `rollup refresh after ${what} change failed`,
      );
    }
  }
}
