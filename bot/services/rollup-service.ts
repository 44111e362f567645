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
  async entryChanged(learner: Learner, createdAt: string): Promise<void> {
    await this.guard('entry', learner, async () => {
      const teamIds = await this.deps.teams.teamsOf(learner.tenantId, learner.userId);
      await Promise.all(teamIds.map((teamId) => this.refreshWeek(learner, teamId, createdAt)));
    });
  }

  /** A scheduled check-in was sent or answered: refresh its cycle for the team that sent it. */
  async checkInChanged(learner: Learner, cycle: string, teamId?: string): Promise<void> {
    await this.guard('check-in', learner, async () => {
      const team = teamId ?? (await this.deps.sends.get(learner.tenantId, learner.userId, cycle, 'checkin'))?.teamId;
      if (!team || !isKeptWeek(cycle, this.deps.clock())) return;
      await this.modify(learner.tenantId, team, learner.userId, async (rollup) => {
        const record = await this.deps.sends.get(learner.tenantId, learner.userId, cycle, 'checkin');
        const outcome = record?.teamId === team ? cycleOutcomeOf(record) : undefined;
        return withCycle(rollup, cycle, outcome, this.deps.clock());
      });
    });
  }

  /**
   * A goal was set or reported on: every team's dashboard they belong to shows their open goals,
   * each team only those set since the learner joined it (its leads read the goals' titles).
   */
  async goalsChanged(learner: Learner, goals: readonly Goal[]): Promise<void> {
    await this.guard('goal', learner, async () => {
      const [teamIds, profile] = await Promise.all([
        this.deps.teams.teamsOf(learner.tenantId, learner.userId),
        this.deps.users.get(learner.tenantId, learner.userId),
      ]);
      const now = this.deps.clock();
      await Promise.all(
        teamIds.map(async (teamId) => {
          const joinedAt = (await this.deps.teams.getMember(learner.tenantId, teamId, learner.userId))?.joinedAt ?? '';
          const seen = goals.filter((g) => writtenSinceJoining(g.createdAt, joinedAt));
          const flags = goalFlagsOf(seen, now, profile?.timeZone ?? 'UTC');
          await this.modify(learner.tenantId, teamId, learner.userId, async (r) => ({ ...r, goals: flags }));
        }),
      );
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

  private async refreshWeek(learner: Learner, teamId: string, createdAt: string): Promise<void> {
    const settings = await this.deps.teams.getSettings(learner.tenantId, teamId);
    const zone = settings?.schedule?.timeZone ?? 'UTC';
    const week = weekKeyOf(createdAt, zone);
    if (!isKeptWeek(week, this.deps.clock())) return;
    const { start, end } = weekSpan(week, zone);
    await this.modify(learner.tenantId, teamId, learner.userId, async (rollup) => {
      const entries = await this.deps.entries.listBetween(learner.tenantId, learner.userId, start, end);
      return withWeek(rollup, week, weekActivityOf(entries), this.deps.clock());
    });
  }

  private async modify(
    tenantId: string,
    teamId: string,
    userId: string,
    change: (r: MemberRollup) => Promise<MemberRollup>,
  ): Promise<void> {
    for (let attempt = 1; attempt <= MAX_TRIES; attempt++) {
      const stored = await this.deps.rollups.get(tenantId, teamId, userId);
      const updated = await change(stored?.rollup ?? emptyRollup(userId));
      if (await this.deps.rollups.put(tenantId, teamId, updated, stored?.etag)) return;
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
