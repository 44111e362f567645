import { beforeEach, describe, expect, it } from 'vitest';
import { TeamStore } from '../store/team-store.js';
import { freshTestStorage } from '../testing/test-storage.js';
import { TeamService, type RosterPerson } from './team-service.js';
import { NotAllowedError } from '../domain/errors.js';

const tenantId = 'tenant-1';
const teamId = '19:team@thread.tacv2';
const person = (n: number): RosterPerson => ({ userId: `user-${n}`, teamsUserId: `29:user-${n}`, displayName: `Person ${n}` });
const validSchedule = {
  cadence: 'weekly',
  weekday: '5',
  localTime: '16:00',
  timeZone: 'Europe/London',
  reminderAfterHours: '24',
  sharesChannelId: '19:shares@thread.tacv2',
};

describe('TeamService (Azurite)', () => {
  let teams: TeamStore;
  let service: TeamService;
  let now = new Date('2026-11-25T10:00:00Z');

  beforeEach(async () => {
    const { tables } = await freshTestStorage();
    teams = new TeamStore(tables.teams, tables.memberships);
    now = new Date('2026-11-25T10:00:00Z');
    service = new TeamService({ teams, clock: () => now });
    await service.channelsListed(tenantId, teamId, [{ id: validSchedule.sharesChannelId, name: 'Shares' }]);
  });

  it('makes the installer the first lead and everyone else a member', async () => {
    const result = await service.installed({
      tenantId,
      teamId,
      name: 'Design',
      installer: person(1),
      roster: [person(1), person(2), person(3)],
    });
    expect(result.firstInstall).toBe(true);
    expect(result.settings.schedule).toBeNull();
    const members = await teams.listMembers(tenantId, teamId);
    expect(members.map((m) => [m.userId, m.role]).sort()).toEqual([
      ['user-1', 'lead'],
      ['user-2', 'member'],
      ['user-3', 'member'],
    ]);
    expect(await teams.teamsOf(tenantId, 'user-2')).toEqual([teamId]);
  });

  it('keeps settings and leads when the app is installed again by someone else', async () => {
    await service.installed({ tenantId, teamId, name: 'Design', installer: person(1), roster: [person(1), person(2)] });
    await service.updateSchedule({ tenantId, userId: 'user-1' }, teamId, validSchedule);
    const again = await service.installed({ tenantId, teamId, name: 'Design', installer: person(2), roster: [person(1), person(2)] });
    expect(again.firstInstall).toBe(false);
    expect(again.settings.schedule?.localTime).toBe('16:00');
    expect((await teams.getMember(tenantId, teamId, 'user-2'))?.role).toBe('member');
    expect((await teams.getMember(tenantId, teamId, 'user-1'))?.role).toBe('lead');
  });

  it('syncs the roster: adds newcomers, removes leavers, keeps roles', async () => {
    await service.installed({ tenantId, teamId, name: 'Design', installer: person(1), roster: [person(1), person(2)] });
    const result = await service.syncRoster(tenantId, teamId, [person(1), { ...person(3), displayName: 'New Person' }]);
    expect(result).toEqual({ added: 1, removed: 1 });
    const members = await teams.listMembers(tenantId, teamId);
    expect(members.map((m) => m.userId).sort()).toEqual(['user-1', 'user-3']);
    expect((await teams.getMember(tenantId, teamId, 'user-1'))?.role).toBe('lead');
    expect(await teams.teamsOf(tenantId, 'user-2')).toEqual([]);
  });

  it('lets a lead set the schedule and refuses members and outsiders', async () => {
    await service.installed({ tenantId, teamId, name: 'Design', installer: person(1), roster: [person(1), person(2)] });
    const saved = await service.updateSchedule({ tenantId, userId: 'user-1' }, teamId, validSchedule);
    expect(saved.ok && saved.settings.schedule).toMatchObject({
      cadence: 'weekly',
      weekday: 5,
      localTime: '16:00',
      anchorMonday: '2026-11-23',
    });
    await expect(service.updateSchedule({ tenantId, userId: 'user-2' }, teamId, validSchedule)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(service.settingsFor({ tenantId, userId: 'stranger' }, teamId)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(service.settingsFor({ tenantId: 'other-tenant', userId: 'user-1' }, teamId)).rejects.toBeInstanceOf(NotAllowedError);
    expect((await service.settingsFor({ tenantId, userId: 'user-2' }, teamId)).role).toBe('member');
  });

  it('states what is wrong with a bad schedule and changes nothing', async () => {
    await service.installed({ tenantId, teamId, name: 'Design', installer: person(1), roster: [person(1)] });
    const result = await service.updateSchedule({ tenantId, userId: 'user-1' }, teamId, {
      ...validSchedule,
      localTime: '4pm',
      timeZone: 'Atlantis',
    });
    expect(result).toEqual({
      ok: false,
      errors: { localTime: 'Give a time as HH:mm, e.g. 16:00', timeZone: 'Choose a time zone such as Europe/London' },
    });
    expect((await teams.getSettings(tenantId, teamId))?.schedule).toBeNull();
  });

  it('keeps the fortnight rhythm when a lead changes only the time', async () => {
    await service.installed({ tenantId, teamId, name: 'Design', installer: person(1), roster: [person(1)] });
    await service.updateSchedule({ tenantId, userId: 'user-1' }, teamId, { ...validSchedule, cadence: 'biweekly' });
    now = new Date('2026-12-09T10:00:00Z');
    const later = await service.updateSchedule({ tenantId, userId: 'user-1' }, teamId, {
      ...validSchedule,
      cadence: 'biweekly',
      localTime: '09:30',
    });
    expect(later.ok && later.settings.schedule?.anchorMonday).toBe('2026-11-23');
  });

  it('sends shares only to a channel of the team: General, or one Teams listed or told of, kept as Teams changes them', async () => {
    await service.installed({ tenantId, teamId, name: 'Design', installer: person(1), roster: [person(1)] });
    const lead = { tenantId, userId: 'user-1' };
    const choose = (sharesChannelId: string) => service.updateSchedule(lead, teamId, { ...validSchedule, sharesChannelId });
    const refused = { ok: false, errors: { sharesChannelId: 'Choose one of this team’s channels' } };

    expect(await choose('19:elsewhere@thread.tacv2')).toEqual(refused);
    expect(await choose('a:personal-chat-of-someone')).toEqual(refused);
    expect((await teams.getSettings(tenantId, teamId))?.sharesChannelId).toBeNull();
    expect((await choose(teamId)).ok).toBe(true);

    // Teams lists the channels again: a new one is there, the old one gone.
    await service.channelsListed(tenantId, teamId, [{ id: '19:new@thread.tacv2', name: 'New' }]);
    expect(await choose(validSchedule.sharesChannelId)).toEqual(refused);
    expect((await choose('19:new@thread.tacv2')).ok).toBe(true);
    // A channel created, renamed and deleted, as Teams tells of each.
    await service.channelChanged(tenantId, teamId, { channel: { id: '19:later@thread.tacv2', name: 'Later' }, gone: false });
    await service.channelChanged(tenantId, teamId, { channel: { id: '19:new@thread.tacv2', name: 'Renamed' }, gone: false });
    expect(await service.channelsFor(lead, teamId)).toEqual([
      { id: teamId, name: 'General' },
      { id: '19:later@thread.tacv2', name: 'Later' },
      { id: '19:new@thread.tacv2', name: 'Renamed' },
    ]);
    await service.channelChanged(tenantId, teamId, { channel: { id: '19:later@thread.tacv2', name: '' }, gone: true });
    expect(await choose('19:later@thread.tacv2')).toEqual(refused);
    // The channel already saved stays acceptable (a team set up before its channels were kept keeps its choice).
    await service.channelsListed(tenantId, teamId, []);
    expect(await service.channelsFor(lead, teamId)).toEqual([{ id: teamId, name: 'General' }]);
    expect((await choose('19:new@thread.tacv2')).ok).toBe(true);
    await expect(service.channelsFor({ tenantId, userId: 'stranger' }, teamId)).rejects.toBeInstanceOf(NotAllowedError);
  });
});
