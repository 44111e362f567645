import { effectiveZone, nextDue } from '../domain/check-in-schedule.js';
import type { DueIndexStore } from '../store/due-index-store.js';
import { minuteKey } from '../store/due-index-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { UserStore } from '../store/user-store.js';

/**
 * Works out when each learner's next check-in falls due and files it in the due index. A
 * learner in several teams follows the schedule of the first team they joined that has one,
 * so they get one check-in per cycle, not one per team.
 */
export class DuePlanner {
  constructor(private readonly deps: { teams: TeamStore; users: UserStore; dueIndex: DueIndexStore }) {}

  async planNext(tenantId: string, userId: string, after: Date): Promise<{ cycle: string; dueAt: Date; teamId: string } | undefined> {
    const profile = await this.deps.users.get(tenantId, userId);
    if (profile?.pausedAt) {
      await this.deps.dueIndex.remove(tenantId, userId);
      return undefined;
    }
    for (const teamId of await this.deps.teams.teamsOf(tenantId, userId)) {
      const settings = await this.deps.teams.getSettings(tenantId, teamId);
      if (!settings?.schedule) continue;
      const schedule = settings.schedule;
      const zone = effectiveZone(schedule, profile?.timeZone);
      const { cycle, dueAt: at } = nextDue(schedule, zone, after);
      await this.deps.dueIndex.put({ kind: 'checkin', minute: minuteKey(at), tenantId, userId, teamId, cycle, dueAt: at.toISOString() });
      return { cycle, dueAt: at, teamId };
    }
    await this.deps.dueIndex.remove(tenantId, userId);
    return undefined;
  }

  /** After a team's schedule changes, every member's next check-in is worked out again. */
  async planTeam(tenantId: string, teamId: string, now: Date): Promise<number> {
    let planned = 0;
    for (const member of await this.deps.teams.listMembers(tenantId, teamId)) {
      if (await this.planNext(tenantId, member.userId, now)) planned++;
    }
    return planned;
  }
}
