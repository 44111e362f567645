import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TeamStore } from '../store/team-store.js';
import { freshTestStorage } from '../testing/test-storage.js';
import { TeamService, type RosterPerson } from './team-service.js';
import { ConflictError, NotAllowedError } from '../domain/errors.js';
import type { AuditEvent } from './audit-log.js';

const tenantId = 'tenant-1';
const teamId = '19:team@thread.tacv2';
const person = (n: number): RosterPerson => ({ userId: `user-${n}`, teamsUserId: `29:user-${n}`, displayName: `Person ${n}` });
/** Someone Teams lists as an owner of the team. */
const owner = (n: number): RosterPerson => ({ ...person(n), owner: true });
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
  let audited: AuditEvent[];
  let announced: [string, string, string][];

  beforeEach(async () => {
    const { tables } = await freshTestStorage();
    teams = new TeamStore(tables.teams, tables.memberships);
    now = new Date('2026-11-25T10:00:00Z');
    audited = [];
    announced = [];
    service = new TeamService({
      teams,
      clock: () => now,
      audit: { record: async (event) => void audited.push(event) },
      leadNotices: { announce: vi.fn(async (...args: [string, string, string]) => announced.push(args)) },
    });
    await service.channelsListed(tenantId, teamId, [{ id: validSchedule.sharesChannelId, name: 'Shares' }]);
  });

  it('makes the installer the first lead and everyone else a member', async () => {
    const result = await service.installed({
      tenantId,
      teamId,
      name: 'Design',
      installer: owner(1),
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
    await service.installed({ tenantId, teamId, name: 'Design', installer: owner(1), roster: [person(1), person(2)] });
    await service.updateSchedule({ tenantId, userId: 'user-1' }, teamId, validSchedule);
    const again = await service.installed({ tenantId, teamId, name: 'Design', installer: person(2), roster: [person(1), person(2)] });
    expect(again.firstInstall).toBe(false);
    expect(again.settings.schedule?.localTime).toBe('16:00');
    expect((await teams.getMember(tenantId, teamId, 'user-2'))?.role).toBe('member');
    expect((await teams.getMember(tenantId, teamId, 'user-1'))?.role).toBe('lead');
  });

  it('syncs the roster: adds newcomers, removes leavers, keeps roles', async () => {
    await service.installed({ tenantId, teamId, name: 'Design', installer: owner(1), roster: [person(1), person(2)] });
    const result = await service.syncRoster(tenantId, teamId, [person(1), { ...person(3), displayName: 'New Person' }]);
    expect(result).toEqual({ added: 1, removed: 1 });
    const members = await teams.listMembers(tenantId, teamId);
    expect(members.map((m) => m.userId).sort()).toEqual(['user-1', 'user-3']);
    expect((await teams.getMember(tenantId, teamId, 'user-1'))?.role).toBe('lead');
    expect(await teams.teamsOf(tenantId, 'user-2')).toEqual([]);
  });

  it('lets a lead set the schedule and refuses members and outsiders', async () => {
    await service.installed({ tenantId, teamId, name: 'Design', installer: owner(1), roster: [person(1), person(2)] });
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
    await service.installed({ tenantId, teamId, name: 'Design', installer: owner(1), roster: [person(1)] });
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
    await service.installed({ tenantId, teamId, name: 'Design', installer: owner(1), roster: [person(1)] });
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
    await service.installed({ tenantId, teamId, name: 'Design', installer: owner(1), roster: [owner(1)] });
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

  it('leaves a team installed by someone who does not own it without a lead, until an owner claims it', async () => {
    const result = await service.installed({ tenantId, teamId, name: 'Design', installer: person(1), roster: [person(1), owner(2)] });
    expect(result).toMatchObject({ firstInstall: true, installerLeads: false });
    expect((await teams.listMembers(tenantId, teamId)).filter((m) => m.role === 'lead')).toEqual([]);
    expect(audited).toEqual([]);

    const notOwner = vi.fn(async () => false);
    expect(await service.claimFirstLead({ tenantId, userId: 'user-1' }, teamId, notOwner)).toBe('not-owner');
    expect(await service.claimFirstLead({ tenantId, userId: 'user-2' }, teamId, async () => true)).toBe('leads');
    expect((await teams.getMember(tenantId, teamId, 'user-2'))?.role).toBe('lead');
    // Once it has a lead, nobody else claims it, and Teams is not asked.
    notOwner.mockClear();
    expect(await service.claimFirstLead({ tenantId, userId: 'user-1' }, teamId, notOwner)).toBe('led-by-others');
    expect(notOwner).not.toHaveBeenCalled();
    await expect(service.claimFirstLead({ tenantId, userId: 'stranger' }, teamId, async () => true)).rejects.toBeInstanceOf(
      NotAllowedError,
    );
    expect(audited).toEqual([
      {
        tenantId,
        kind: 'lead_granted',
        teamId,
        actor: { userId: 'user-2', displayName: 'Person 2' },
        subject: { userId: 'user-2', displayName: 'Person 2' },
      },
    ]);
    expect(announced).toEqual([[tenantId, teamId, 'user-2']]);
  });

  it('makes an owner who installs the first lead, records it and announces it to the team', async () => {
    await service.installed({ tenantId, teamId, name: 'Design', installer: owner(1), roster: [owner(1), person(2)] });
    expect(audited.map((e) => [e.kind, e.actor.userId, e.subject?.userId])).toEqual([['lead_granted', 'user-1', 'user-1']]);
    expect(announced).toEqual([[tenantId, teamId, 'user-1']]);
    expect((await teams.getMember(tenantId, teamId, 'user-1'))?.owner).toBe(true);
    expect((await teams.getMember(tenantId, teamId, 'user-2'))?.owner).toBe(false);
    // An install event without the installer's name keeps the name the roster gives.
    await service.installed({ tenantId, teamId, name: 'Design', installer: { ...owner(1), displayName: 'Someone' }, roster: [owner(1)] });
    expect((await teams.getMember(tenantId, teamId, 'user-1'))?.displayName).toBe('Person 1');
  });

  it('keeps each member’s joining time across roster syncs, installs and joins, and refreshes who owns the team', async () => {
    await service.installed({ tenantId, teamId, name: 'Design', installer: owner(1), roster: [owner(1), person(2)] });
    const joined = (await teams.getMember(tenantId, teamId, 'user-2'))?.joinedAt;
    expect(joined).toBe('2026-11-25T10:00:00.000Z');
    now = new Date('2026-12-01T10:00:00Z');
    await service.syncRoster(tenantId, teamId, [owner(1), owner(2)]);
    await service.join(tenantId, teamId, person(2), 'member');
    await service.installed({ tenantId, teamId, name: 'Design', installer: owner(2), roster: [owner(1), owner(2)] });
    const after = await teams.getMember(tenantId, teamId, 'user-2');
    expect(after).toMatchObject({ joinedAt: joined, owner: true, role: 'member' });
    // Leaving and coming back is a new membership: what was written in between stays closed to the leads.
    await service.leave(tenantId, teamId, 'user-2');
    await service.join(tenantId, teamId, person(2), 'member');
    expect((await teams.getMember(tenantId, teamId, 'user-2'))?.joinedAt).toBe('2026-12-01T10:00:00.000Z');
  });

  it('lets leads and owners name leads, keeps at least one, and refuses a member who is neither', async () => {
    await service.installed({ tenantId, teamId, name: 'Design', installer: owner(1), roster: [owner(1), person(2), owner(3), person(4)] });
    audited = [];
    announced = [];
    await expect(service.setRole({ tenantId, userId: 'user-2' }, teamId, 'user-4', 'lead')).rejects.toBeInstanceOf(NotAllowedError);
    expect((await service.setRole({ tenantId, userId: 'user-3' }, teamId, 'user-2', 'lead')).role).toBe('lead');
    expect((await service.setRole({ tenantId, userId: 'user-1' }, teamId, 'user-1', 'member')).role).toBe('member');
    await expect(service.setRole({ tenantId, userId: 'user-2' }, teamId, 'user-2', 'member')).rejects.toBeInstanceOf(ConflictError);
    // Naming someone what they already are changes, records and announces nothing.
    await service.setRole({ tenantId, userId: 'user-2' }, teamId, 'user-2', 'lead');
    expect(audited.map((e) => [e.kind, e.actor.userId, e.subject?.userId])).toEqual([
      ['lead_granted', 'user-3', 'user-2'],
      ['lead_removed', 'user-1', 'user-1'],
    ]);
    expect(announced).toEqual([[tenantId, teamId, 'user-2']]);
  });

  it('files the team’s digest when it is first installed and each time its settings are saved, not on a reinstall', async () => {
    const filed: Array<[string, string | undefined]> = [];
    const withDigests = new TeamService({
      teams,
      clock: () => now,
      digests: { settingsChanged: async (settings) => void filed.push([settings.teamId, settings.schedule?.timeZone]) },
    });
    await withDigests.installed({ tenantId, teamId, name: 'Design', installer: owner(1), roster: [person(1)] });
    await withDigests.channelsListed(tenantId, teamId, [{ id: validSchedule.sharesChannelId, name: 'Shares' }]);
    await withDigests.updateSchedule({ tenantId, userId: 'user-1' }, teamId, { ...validSchedule, timeZone: 'America/New_York' });
    await withDigests.installed({ tenantId, teamId, name: 'Design', installer: owner(1), roster: [person(1)] });
    expect(filed).toEqual([
      [teamId, undefined],
      [teamId, 'America/New_York'],
    ]);
  });
});
