import { validateScheduleSubmission, type ScheduleErrors } from '../domain/team-settings.js';
import type { AudienceTeam } from '../contract/audience.js';
import type { TeamRole, TeamSettings } from '../contract/team-settings.js';
import { roundupSettingOf } from '../contract/weekly-roundup.js';
import type { TeamChannel, TeamMember, TeamStore } from '../store/team-store.js';
import type { AuditLog, AuditPerson } from './audit-log.js';
import type { DigestService } from './digest-service.js';
import type { DuePlanner } from './due-planner.js';
import type { Introductions } from './introductions.js';
import type { LeadNotices } from './lead-notices.js';
import type { Clock, Learner } from './learner.js';
import type { WeeklyRoundups } from './weekly-roundups.js';
import { ConflictError, NotAllowedError, NotFoundError } from '../domain/errors.js';

/** A person on a team's roster, as Teams reports them. */
export interface RosterPerson {
  userId: string;
  teamsUserId: string;
  displayName: string;
  /** Whether Teams says they own the team; undefined when it did not say (an event naming who joined). */
  owner?: boolean | undefined;
}

/** Where a caller stands on leading a team: they lead it, someone else does, or it has no lead and they do not own it. */
export type FirstLead = 'leads' | 'led-by-others' | 'not-owner';

export type ScheduleUpdate = { ok: true; settings: TeamSettings } | { ok: false; errors: ScheduleErrors };

/** Teams using the app: who is in them, who leads them, and how they check in. */
export class TeamService {
  constructor(
    private readonly deps: {
      teams: TeamStore;
      clock: Clock;
      planner?: DuePlanner;
      introductions?: Introductions;
      /** Told of every lead granted or removed. */
      audit?: AuditLog;
      /** Tells the members when someone becomes a lead who can read what they write from then on. */
      leadNotices?: Pick<LeadNotices, 'announce'>;
      /** Files the team's next weekly round-up when its day, zone or channel may have changed. */
      roundups?: Pick<WeeklyRoundups, 'settingsChanged'>;
      /** Files the team's next digest window when it is set up or its time zone may have changed. */
      digests?: Pick<DigestService, 'settingsChanged'>;
    },
  ) {}

  /**
   * The app was installed in a team. The first install creates the team; a reinstall keeps the
   * settings and leads already there. A team's leads read its members' entries, so only an owner
   * of the team becomes its first lead: an installer who is not one leaves the team without a lead
   * until an owner sets it up (`claimFirstLead`).
   */
  async installed(input: {
    tenantId: string;
    teamId: string;
    name: string;
    installer: RosterPerson | undefined;
    /** Undefined when Teams could not give it: the members already known stay. */
    roster: RosterPerson[] | undefined;
    /** The installer's Teams locale: the team's channel posts start in their language. */
    locale?: string;
  }): Promise<{ firstInstall: boolean; settings: TeamSettings; installerLeads: boolean }> {
    const now = this.deps.clock().toISOString();
    const fresh: TeamSettings = {
      tenantId: input.tenantId,
      teamId: input.teamId,
      name: input.name,
      schedule: null,
      sharesChannelId: null,
      updatedBy: null,
      updatedAt: now,
      ...(input.locale ? { locale: input.locale } : {}),
    };
    const firstInstall = await this.deps.teams.createSettingsIfAbsent(fresh);
    // The installer as the roster names them (an install event may carry no name), owning the team or not as the caller settled it.
    const listed = input.roster?.find((p) => p.userId === input.installer?.userId);
    const installer = input.installer && listed ? { ...listed, owner: input.installer.owner } : input.installer;
    const others = (input.roster ?? []).filter((p) => p.userId !== installer?.userId);
    if (input.roster) await this.syncRoster(input.tenantId, input.teamId, installer ? [...others, installer] : others);
    else if (installer) await this.join(input.tenantId, input.teamId, installer, 'member');
    const installerLeads = installer
      ? (await this.makeFirstLead(input.tenantId, input.teamId, installer, async () => installer.owner === true)) === 'leads'
      : false;
    const settings = (await this.deps.teams.getSettings(input.tenantId, input.teamId)) ?? fresh;
    // A reinstall keeps the digest filed for the team's settings.
    if (firstInstall) await this.deps.digests?.settingsChanged(settings, this.deps.clock());
    return { firstInstall, settings, installerLeads };
  }

  /**
   * An owner of a team without a lead opens its setup: they become its first lead. Says whether
   * the caller leads the team (already, or now), or why not; whether they own it is asked only
   * when it matters.
   */
  async claimFirstLead(caller: Learner, teamId: string, isOwner: () => Promise<boolean>): Promise<FirstLead> {
    const { member } = await this.deps.teams.accessOf(caller.tenantId, teamId, caller.userId);
    if (!member) throw new NotAllowedError('You are not a member of this team.', 'not_member');
    return this.makeFirstLead(caller.tenantId, teamId, member, isOwner);
  }

  /** Makes the person the team's first lead if it has none and they own it. */
  private async makeFirstLead(
    tenantId: string,
    teamId: string,
    person: Pick<RosterPerson, 'userId' | 'displayName'>,
    isOwner: () => Promise<boolean>,
  ): Promise<FirstLead> {
    const leads = (await this.deps.teams.listMembers(tenantId, teamId)).filter((m) => m.role === 'lead');
    if (leads.length > 0) return leads.some((m) => m.userId === person.userId) ? 'leads' : 'led-by-others';
    if (!(await isOwner()) || !(await this.deps.teams.setRole(tenantId, teamId, person.userId, 'lead', true))) return 'not-owner';
    const who = { userId: person.userId, displayName: person.displayName };
    await this.leadChanged(tenantId, teamId, who, who, 'lead');
    return 'leads';
  }

  /** Records who granted or removed a lead; a new lead is announced to the team's other members. */
  private async leadChanged(tenantId: string, teamId: string, actor: AuditPerson, subject: AuditPerson, role: TeamRole): Promise<void> {
    await this.deps.audit?.record({ tenantId, kind: role === 'lead' ? 'lead_granted' : 'lead_removed', actor, subject, teamId });
    if (role === 'lead') await this.deps.leadNotices?.announce(tenantId, teamId, subject.userId);
  }

  /** Brings the roster in line with Teams: adds newcomers, refreshes names, removes leavers. */
  async syncRoster(tenantId: string, teamId: string, roster: RosterPerson[]): Promise<{ added: number; removed: number }> {
    const known = new Map((await this.deps.teams.listMembers(tenantId, teamId)).map((m) => [m.userId, m]));
    let added = 0;
    for (const person of roster) {
      if (!known.has(person.userId)) added++;
      await this.join(tenantId, teamId, person, 'member');
      known.delete(person.userId);
    }
    for (const leaver of known.values()) await this.deps.teams.removeMember(tenantId, teamId, leaver.userId);
    return { added, removed: known.size };
  }

  async join(tenantId: string, teamId: string, person: RosterPerson, role: TeamRole): Promise<TeamMember> {
    const member = await this.deps.teams.upsertMember({ tenantId, teamId, ...person, role, joinedAt: this.deps.clock().toISOString() });
    await this.deps.planner?.planNext(tenantId, person.userId, this.deps.clock());
    await this.deps.introductions?.introduce(tenantId, person.userId, teamId);
    return member;
  }

  async leave(tenantId: string, teamId: string, userId: string): Promise<void> {
    await this.deps.teams.removeMember(tenantId, teamId, userId);
    await this.deps.planner?.planNext(tenantId, userId, this.deps.clock());
  }

  /** The teams the caller belongs to, with their role in each, oldest membership first. */
  async teamsFor(caller: Learner): Promise<{ teamId: string; name: string; role: TeamRole }[]> {
    const teamIds = await this.deps.teams.teamsOf(caller.tenantId, caller.userId);
    const found = await Promise.all(
      teamIds.map(async (teamId) => {
        const [settings, member] = await Promise.all([
          this.deps.teams.getSettings(caller.tenantId, teamId),
          this.deps.teams.getMember(caller.tenantId, teamId, caller.userId),
        ]);
        return settings && member ? { teamId, name: settings.name, role: member.role } : undefined;
      }),
    );
    return found.filter((t) => t !== undefined);
  }

  /**
   * Who can see the caller's entries, per team they are in: its leads (other than them), from when
   * they joined it. Each team is two small reads (the caller's row with the settings, and the leads).
   */
  async audienceOf(caller: Learner): Promise<AudienceTeam[]> {
    const teamIds = await this.deps.teams.teamsOf(caller.tenantId, caller.userId);
    const found = await Promise.all(
      teamIds.map(async (teamId) => {
        const [{ settings, member }, leads] = await Promise.all([
          this.deps.teams.accessOf(caller.tenantId, teamId, caller.userId),
          this.deps.teams.listLeads(caller.tenantId, teamId),
        ]);
        if (!settings || !member) return undefined;
        return {
          teamId,
          name: settings.name,
          joinedAt: member.joinedAt,
          leads: leads
            .filter((l) => l.userId !== caller.userId)
            .map((l) => ({ displayName: l.displayName }))
            .sort((a, b) => a.displayName.localeCompare(b.displayName)),
          hasSharesChannel: settings.sharesChannelId !== null,
        };
      }),
    );
    return found.filter((t) => t !== undefined);
  }

  /** Members may read their team's settings; nobody else may. */
  async settingsFor(caller: Learner, teamId: string): Promise<{ settings: TeamSettings; role: TeamRole }> {
    // One request: the caller's row and the settings together.
    const { member, settings } = await this.deps.teams.accessOf(caller.tenantId, teamId, caller.userId);
    if (!member || !settings) throw new NotAllowedError('You are not a member of this team.', 'not_member');
    return { settings, role: member.role };
  }

  /** Leads see their team's roster, with who has paused their check-ins. */
  async rosterFor(caller: Learner, teamId: string, pausedOf: (userId: string) => Promise<string | undefined>) {
    const { role } = await this.settingsFor(caller, teamId);
    if (role !== 'lead') throw new NotAllowedError('Only the team’s leads can see its members.');
    const members = await this.deps.teams.listMembers(caller.tenantId, teamId);
    return Promise.all(
      members.map(async (m) => ({
        userId: m.userId,
        displayName: m.displayName,
        role: m.role,
        pausedAt: (await pausedOf(m.userId)) ?? null,
      })),
    );
  }

  /**
   * Leads and owners of the team make other members leads (or step a lead back to member). A
   * team always keeps at least one lead, so nobody can leave it without one.
   */
  async setRole(caller: Learner, teamId: string, userId: string, role: TeamRole): Promise<TeamMember> {
    const { member: me, settings } = await this.deps.teams.accessOf(caller.tenantId, teamId, caller.userId);
    if (!me || !settings) throw new NotAllowedError('You are not a member of this team.', 'not_member');
    if (me.role !== 'lead' && !me.owner) throw new NotAllowedError('Only the team’s leads and owners can change who leads it.');
    const members = await this.deps.teams.listMembers(caller.tenantId, teamId);
    const member = members.find((m) => m.userId === userId);
    if (!member) throw new NotFoundError('That person is not a member of this team.');
    if (role === 'member' && member.role === 'lead' && members.filter((m) => m.role === 'lead').length === 1) {
      throw new ConflictError('A team needs at least one lead: make someone else a lead first.');
    }
    if (member.role !== role) {
      await this.deps.teams.setRole(caller.tenantId, teamId, userId, role);
      await this.leadChanged(
        caller.tenantId,
        teamId,
        { userId: me.userId, displayName: me.displayName },
        { userId: member.userId, displayName: member.displayName },
        role,
      );
    }
    return { ...member, role };
  }

  /** Only a team's leads change its schedule; a bad submission changes nothing. */
  async updateSchedule(
    caller: Learner & { locale?: string; displayName?: string },
    teamId: string,
    submission: unknown,
  ): Promise<ScheduleUpdate> {
    const { settings, role } = await this.settingsFor(caller, teamId);
    if (role !== 'lead') throw new NotAllowedError('Only the team’s leads can change its check-in schedule.');
    const now = this.deps.clock();
    const result = validateScheduleSubmission(submission, now);
    if (!result.ok) return result;
    // On every path (card or API), the shares channel must be one of the team's channels as Teams told us of them.
    if (!(await this.isTeamChannel(caller.tenantId, settings, result.sharesChannelId))) {
      return { ok: false, errors: { sharesChannelId: 'Choose one of this team’s channels' } };
    }
    // Keep the fortnight rhythm when only other settings change.
    const anchorMonday =
      settings.schedule && settings.schedule.cadence === result.schedule.cadence
        ? settings.schedule.anchorMonday
        : result.schedule.anchorMonday;
    // A submission without the round-up's fields keeps what the team has.
    const roundup = Object.keys(result.roundup).length > 0 ? { ...roundupSettingOf(settings), ...result.roundup } : settings.roundup;
    const updated: TeamSettings = {
      ...settings,
      ...(roundup ? { roundup } : {}),
      schedule: { ...result.schedule, anchorMonday },
      sharesChannelId: result.sharesChannelId,
      updatedBy: caller.userId,
      updatedAt: now.toISOString(),
      // The lead setting the team up decides the language of its channel posts from now on.
      ...(caller.locale ? { locale: caller.locale } : {}),
    };
    await this.deps.teams.saveSettings(updated);
    // Recorded once changed: the schedule decides when every member is asked, the channel where their shares go.
    const s = updated.schedule!;
    await this.deps.audit?.record({
      tenantId: caller.tenantId,
      kind: 'team_settings_changed',
      actor: { userId: caller.userId, ...(caller.displayName ? { displayName: caller.displayName } : {}) },
      teamId,
      detail: {
        cadence: s.cadence,
        weekday: s.weekday,
        localTime: s.localTime,
        timeZone: s.timeZone,
        reminderAfterHours: s.reminderAfterHours ?? 0,
        sharesChannelId: updated.sharesChannelId ?? '',
        channelChanged: settings.sharesChannelId !== updated.sharesChannelId,
      },
    });
    await this.deps.planner?.planTeam(caller.tenantId, teamId, now);
    await this.deps.roundups?.settingsChanged(updated, now);
    await this.deps.digests?.settingsChanged(updated, now);
    return { ok: true, settings: updated };
  }

  /** Teams listed the team's channels (the setup card, an install): the stored list follows. */
  async channelsListed(tenantId: string, teamId: string, channels: readonly TeamChannel[]): Promise<void> {
    await this.deps.teams.replaceChannels(tenantId, teamId, channels);
  }

  /** Teams told of one channel created or renamed, or deleted. */
  async channelChanged(tenantId: string, teamId: string, change: { channel: TeamChannel; gone: boolean }): Promise<void> {
    if (change.gone) await this.deps.teams.removeChannel(tenantId, teamId, change.channel.id);
    else await this.deps.teams.putChannel(tenantId, teamId, change.channel);
  }

  /** The channels a lead may send shares to, for the tab's settings form: members may read them. */
  async channelsFor(caller: Learner, teamId: string): Promise<TeamChannel[]> {
    await this.settingsFor(caller, teamId);
    const stored = await this.deps.teams.listChannels(caller.tenantId, teamId);
    // The General channel (its id is the team's) is always there, even before Teams listed the channels.
    return stored.some((c) => c.id === teamId) ? stored : [{ id: teamId, name: 'General' }, ...stored];
  }

  /**
   * The General channel (whose id is the team's), a channel Teams told us the team has, or the
   * channel already saved (a team set up before its channels were kept keeps its choice).
   */
  private async isTeamChannel(tenantId: string, settings: TeamSettings, channelId: string): Promise<boolean> {
    if (channelId === settings.teamId || channelId === settings.sharesChannelId) return true;
    return this.deps.teams.hasChannel(tenantId, settings.teamId, channelId);
  }
}
