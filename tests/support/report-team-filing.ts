import type { TeamStore } from '../../bot/store/team-store.js';

/** A team of a random test tenant: a time zone ('UTC' leaves it without a schedule) and who is in it. */
export interface FiledTeam {
  tenantId: string;
  teamId: string;
  name: string;
  zone: string;
  members: ReadonlyArray<{ userId: string; displayName: string; lead: boolean }>;
  /** When the settings were written and the members joined. */
  updatedAt: string;
  joinedAt: string;
}

/** Writes a team's settings (a weekly Friday schedule in its zone) and its roster, as setting the team up would. */
export async function fileTeam(teams: TeamStore, team: FiledTeam): Promise<void> {
  await teams.createSettingsIfAbsent({
    tenantId: team.tenantId,
    teamId: team.teamId,
    name: team.name,
    schedule:
      team.zone === 'UTC'
        ? null
        : {
            cadence: 'weekly',
            weekday: 5,
            localTime: '16:00',
            timeZone: team.zone,
            reminderAfterHours: 24,
            anchorMonday: '2025-01-06',
          },
    sharesChannelId: null,
    updatedBy: null,
    updatedAt: team.updatedAt,
  });
  for (const m of team.members)
    await teams.upsertMember({
      tenantId: team.tenantId,
      teamId: team.teamId,
      userId: m.userId,
      teamsUserId: `29:${m.userId}`,
      displayName: m.displayName,
      role: m.lead ? 'lead' : 'member',
      joinedAt: team.joinedAt,
    });
}
