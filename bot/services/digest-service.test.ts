import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { TeamSettings } from '../contract/team-settings.js';
import { storesOver } from '../service-stores.js';
import { digestCycle } from '../store/send-store.js';
import { freshTestStorage } from '../testing/test-storage.js';
import { DigestService } from './digest-service.js';
import type { SendWork } from './send-work.js';

const settingsOf = (teamId: string, timeZone: string | null): TeamSettings => ({
  tenantId: 't1',
  teamId,
  name: `Team ${teamId}`,
  schedule: timeZone
    ? { cadence: 'weekly', weekday: 5, localTime: '16:00', timeZone, reminderAfterHours: 24, anchorMonday: '2026-11-02' }
    : null,
  sharesChannelId: null,
  updatedBy: null,
  updatedAt: '2026-11-01T00:00:00.000Z',
});

type Stores = ReturnType<typeof storesOver>;

/** The service over fresh tables (or those given), as instance `instanceId`; its walk stops after `failAfterPages` pages when given. */
async function digests(now: { at: Date }, options: { stores?: Stores; instanceId?: string; failAfterPages?: number } = {}) {
  const stores = options.stores ?? storesOver((await freshTestStorage()).tables);
  const queued: SendWork[] = [];
  let pages = 0;
  const service = new DigestService({
    teams: {
      getSettings: (t, id) => stores.teams.getSettings(t, id),
      listLeads: (t, id) => stores.teams.listLeads(t, id),
      listTeamsAfter: async (after, limit) => {
        if (options.failAfterPages !== undefined && pages++ >= options.failAfterPages) throw new Error('the instance stopped');
        return stores.teams.listTeamsAfter(after, limit);
      },
    },
    dueIndex: stores.dueIndex,
    sends: stores.sends,
    queue: {
      send: async (work) => {
        queued.push(work);
        return { messageId: `m${queued.length}`, popReceipt: 'p' };
      },
    },
    leases: stores.leases,
    instanceId: options.instanceId ?? 'one',
    dashboards: { dashboardFor: () => Promise.reject(new Error('not read when planning')) },
    shareLists: { sharedSince: () => Promise.reject(new Error('not read when planning')) },
    clock: () => now.at,
    logger: pino({ level: 'silent' }),
  });
  const addTeam = async (teamId: string, timeZone: string | null, leads: string[]) => {
    await stores.teams.createSettingsIfAbsent(settingsOf(teamId, timeZone));
    for (const userId of leads)
      await stores.teams.upsertMember({
        tenantId: 't1',
        teamId,
        userId,
        teamsUserId: `29:${userId}`,
        displayName: userId,
        role: 'lead',
        joinedAt: '2026-11-01T00:00:00.000Z',
      });
  };
  return { service, stores, queued, addTeam };
}

describe('DigestService planning from the due index (Azurite)', () => {
  it('plans each lead’s digest when the team’s window falls due and files next week’s, in the team’s zone', async () => {
    const now = { at: new Date('2026-11-30T08:00:00Z') };
    const { service, stores, queued, addTeam } = await digests(now);
    await addTeam('berlin', 'Europe/Berlin', ['ana', 'bo']);
    await service.settingsChanged((await stores.teams.getSettings('t1', 'berlin'))!, now.at);
    // Monday 09:00 in Berlin is 08:00 UTC in winter: just passed, so next week's.
    expect(await stores.dueIndex.digestMinute('t1', 'berlin')).toBe('202612070800');
    now.at = new Date('2026-12-07T08:01:00Z');
    const [entry] = await stores.dueIndex.listMinute('202612070800');
    expect(await service.planDue(entry!)).toBe(2);
    expect(queued.map((w) => [w.kind, w.userId, w.cycle]).sort()).toEqual([
      ['digest', 'ana', digestCycle('2026-W49', 'berlin')],
      ['digest', 'bo', digestCycle('2026-W49', 'berlin')],
    ]);
    expect(await stores.sends.get('t1', 'ana', digestCycle('2026-W49', 'berlin'), 'digest')).toMatchObject({
      status: 'pending',
      dueAt: '2026-12-07T08:00:00.000Z',
    });
    expect(await stores.dueIndex.digestMinute('t1', 'berlin')).toBe('202612140800');
  });

  it('plans a window up to two days late, skips one later but files the next; a team gone gets neither', async () => {
    const now = { at: new Date('2026-12-09T08:59:00Z') };
    const { service, stores, queued, addTeam } = await digests(now);
    await addTeam('late', 'UTC', ['ana']);
    const entry = {
      kind: 'digest' as const,
      minute: '202612070900',
      tenantId: 't1',
      userId: 'late',
      teamId: 'late',
      cycle: '2026-W49',
      dueAt: '2026-12-07T09:00:00.000Z',
    };
    // Two days less a minute: still sent.
    expect(await service.planDue(entry)).toBe(1);
    // A week later the scheduler was down for the whole catch-up: skipped, and the week after filed.
    now.at = new Date('2026-12-16T09:01:00Z');
    const nextWeek = { ...entry, minute: '202612140900', cycle: '2026-W50', dueAt: '2026-12-14T09:00:00.000Z' };
    expect(await service.planDue(nextWeek)).toBe(0);
    expect(queued).toHaveLength(1);
    expect(await stores.sends.get('t1', 'ana', digestCycle('2026-W50', 'late'), 'digest')).toBeUndefined();
    expect(await stores.dueIndex.digestMinute('t1', 'late')).toBe('202612210900');
    expect(await service.planDue({ ...entry, teamId: 'gone', userId: 'gone' })).toBe(0);
    expect(await stores.dueIndex.digestMinute('t1', 'gone')).toBeUndefined();
  });

  it('files every team set up before digests were filed once, resuming where a stopped walk left off', async () => {
    const now = { at: new Date('2026-12-02T12:00:00Z') };
    const first = await digests(now, { failAfterPages: 1 });
    const teamIds = Array.from({ length: 230 }, (_, i) => `team-${String(i).padStart(3, '0')}`);
    for (const teamId of teamIds)
      await first.stores.teams.createSettingsIfAbsent(settingsOf(teamId, teamId === 'team-005' ? 'Asia/Tokyo' : null));
    // One team already filed (its lead saved its settings), one filed long ago and never planned (the scheduler was down past its catch-up).
    await first.service.settingsChanged(settingsOf('team-001', 'Europe/London'), now.at);
    await first.stores.dueIndex.putDigest({
      minute: '202611020900',
      tenantId: 't1',
      teamId: 'team-002',
      cycle: '2026-W44',
      dueAt: '2026-11-02T09:00:00.000Z',
    });
    // The first instance stops after its first page of teams.
    await expect(first.service.fileExistingTeams()).rejects.toThrow('the instance stopped');
    const filedByFirst = await Promise.all(teamIds.map((id) => first.stores.dueIndex.digestMinute('t1', id)));
    expect(filedByFirst.filter((m) => m !== undefined)).toHaveLength(100);
    // Another instance, once the first one's lease ran out, goes on from the saved page.
    now.at = new Date('2026-12-02T12:01:00Z');
    const second = await digests(now, { stores: first.stores, instanceId: 'two' });
    expect(await second.service.fileExistingTeams()).toBe(130);
    expect(await second.service.fileExistingTeams()).toBe(0);
    const minutes = await Promise.all(teamIds.map((id) => first.stores.dueIndex.digestMinute('t1', id)));
    expect(minutes.every((m) => m !== undefined)).toBe(true);
    expect(minutes[1]).toBe('202612070900');
    // Filed, if long ago: the first walk leaves it.
    expect(minutes[2]).toBe('202611020900');
    // Monday 09:00 in Tokyo is Monday 00:00 UTC.
    expect(minutes[5]).toBe('202612070000');
  });

  it('walks again after the scheduler skipped minutes, filing only the teams whose window was filed in them', async () => {
    const now = { at: new Date('2026-12-02T12:00:00Z') };
    const { service, stores } = await digests(now);
    for (const teamId of ['fresh', 'skipped', 'missing']) await stores.teams.createSettingsIfAbsent(settingsOf(teamId, null));
    await service.settingsChanged(settingsOf('fresh', null), now.at);
    const skipped = { minute: '202611300900', tenantId: 't1', teamId: 'skipped', cycle: '2026-W48', dueAt: '2026-11-30T09:00:00.000Z' };
    await stores.dueIndex.putDigest(skipped);
    expect(await service.fileExistingTeams()).toBe(1);
    expect(await service.fileExistingTeams()).toBe(0);
    expect(await stores.dueIndex.digestMinute('t1', 'skipped')).toBe('202611300900');
    // The scheduler comes back after days away and reads from a day ago: Monday's entry is never read.
    await service.walkAgain(new Date('2026-12-01T12:00:00Z'));
    expect(await service.fileExistingTeams()).toBe(1);
    expect(await stores.dueIndex.digestMinute('t1', 'skipped')).toBe('202612070900');
    expect(await stores.dueIndex.listMinute('202611300900')).toEqual([]);
    expect(await service.fileExistingTeams()).toBe(0);
  });
});
