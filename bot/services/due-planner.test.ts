import { beforeEach, describe, expect, it } from 'vitest';
import type { CheckInSchedule } from '../contract/check-in-schedule.js';
import { DueIndexStore } from '../store/due-index-store.js';
import { TeamStore } from '../store/team-store.js';
import { UserStore } from '../store/user-store.js';
import { freshTestStorage } from '../testing/test-storage.js';
import { DuePlanner } from './due-planner.js';

const tenantId = 't';
const friday16London: CheckInSchedule = {
  cadence: 'weekly',
  weekday: 5,
  localTime: '16:00',
  timeZone: 'Europe/London',
  reminderAfterHours: 24,
  anchorMonday: '2026-11-23',
};
const monday9Tokyo: CheckInSchedule = { ...friday16London, weekday: 1, localTime: '09:00', timeZone: 'Asia/Tokyo' };

describe('DuePlanner (Azurite)', () => {
  let teams: TeamStore;
  let users: UserStore;
  let dueIndex: DueIndexStore;
  let planner: DuePlanner;

  async function team(teamId: string, schedule: CheckInSchedule | null, joinedAt: string) {
    await teams.saveSettings({ tenantId, teamId, name: teamId, schedule, sharesChannelId: null, updatedBy: null, updatedAt: joinedAt });
    await teams.upsertMember({ tenantId, teamId, userId: 'u', teamsUserId: '29:u', displayName: 'U', role: 'member', joinedAt });
  }

  beforeEach(async () => {
    const { tables } = await freshTestStorage();
    teams = new TeamStore(tables.teams, tables.memberships);
    users = new UserStore(tables.users);
    dueIndex = new DueIndexStore(tables.dueIndex);
    planner = new DuePlanner({ teams, users, dueIndex });
  });

  it('files one check-in per cycle for a learner in several teams, on the first team’s schedule', async () => {
    await team('team-a', friday16London, '2026-01-01T00:00:00.000Z');
    await team('team-b', monday9Tokyo, '2026-02-01T00:00:00.000Z');
    const planned = await planner.planNext(tenantId, 'u', new Date('2026-11-25T10:00:00Z'));
    expect(planned).toMatchObject({ teamId: 'team-a', cycle: '2026-W48' });
    expect(planned?.dueAt.toISOString()).toBe('2026-11-27T16:00:00.000Z');
    // Planning again (a second team's event) moves the one entry rather than adding another.
    await planner.planNext(tenantId, 'u', new Date('2026-11-25T10:00:00Z'));
    expect(await dueIndex.listMinute('202611271600')).toHaveLength(1);
  });

  it('uses the learner’s own zone over the team’s, and moves the entry when it changes', async () => {
    await team('team-a', friday16London, '2026-01-01T00:00:00.000Z');
    await users.upsert({ tenantId, userId: 'u', displayName: 'U', timeZone: 'America/New_York', updatedAt: '2026-11-01T00:00:00.000Z' });
    const planned = await planner.planNext(tenantId, 'u', new Date('2026-11-25T10:00:00Z'));
    expect(planned?.dueAt.toISOString()).toBe('2026-11-27T21:00:00.000Z');
    await users.upsert({ tenantId, userId: 'u', displayName: 'U', timeZone: 'Europe/Berlin', updatedAt: '2026-11-01T00:00:00.000Z' });
    await planner.planNext(tenantId, 'u', new Date('2026-11-25T10:00:00Z'));
    expect(await dueIndex.listMinute('202611272100')).toHaveLength(0);
    expect(await dueIndex.listMinute('202611271500')).toHaveLength(1);
  });

  it('files nothing for a paused learner or one whose teams have no schedule', async () => {
    await team('team-a', null, '2026-01-01T00:00:00.000Z');
    expect(await planner.planNext(tenantId, 'u', new Date('2026-11-25T10:00:00Z'))).toBeUndefined();
    await team('team-b', friday16London, '2026-02-01T00:00:00.000Z');
    await users.upsert({ tenantId, userId: 'u', displayName: 'U', updatedAt: '2026-11-01T00:00:00.000Z' });
    await users.setPaused(tenantId, 'u', '2026-11-24T00:00:00.000Z');
    expect(await planner.planNext(tenantId, 'u', new Date('2026-11-25T10:00:00Z'))).toBeUndefined();
    expect(await dueIndex.listMinute('202611271600')).toHaveLength(0);
  });
});
