import type { CheckInSchedule } from '../contract/check-in-schedule.js';
import type { TeamSettings } from '../contract/team-settings.js';
import type { RoundupSetting } from '../contract/weekly-roundup.js';
import { keyOf } from './keys.js';
import type { TeamChannel, TeamMember } from './team-store.js';

/** How a team's settings, roster and channels are written as rows of the teams table, and read back. */

export const SETTINGS = 'settings';
export const MEMBER = 'm';
export const CHANNEL = 'c';

export type SettingsEntity = {
  partitionKey: string;
  rowKey: string;
  name: string;
  schedule?: string;
  sharesChannelId?: string;
  updatedBy?: string;
  updatedAt: string;
  locale?: string;
  /** The weekly round-up, as JSON; absent: the default. */
  roundup?: string;
};

export type MemberEntity = {
  partitionKey: string;
  rowKey: string;
  userId: string;
  teamsUserId: string;
  displayName: string;
  role: string;
  joinedAt: string;
  owner?: boolean;
};

export type MembershipEntity = { partitionKey: string; rowKey: string; teamId: string; joinedAt: string };

export type ChannelEntity = { partitionKey: string; rowKey: string; channelId: string; name: string };

export function toChannelEntity(partitionKey: string, channel: TeamChannel): ChannelEntity {
  return { partitionKey, rowKey: keyOf(CHANNEL, channel.id), channelId: channel.id, name: channel.name };
}

export function toSettingsEntity(partitionKey: string, s: TeamSettings): SettingsEntity {
  return {
    partitionKey,
    rowKey: SETTINGS,
    name: s.name,
    updatedAt: s.updatedAt,
    ...(s.schedule ? { schedule: JSON.stringify(s.schedule) } : {}),
    ...(s.sharesChannelId ? { sharesChannelId: s.sharesChannelId } : {}),
    ...(s.updatedBy ? { updatedBy: s.updatedBy } : {}),
    ...(s.locale ? { locale: s.locale } : {}),
    ...(s.roundup ? { roundup: JSON.stringify(s.roundup) } : {}),
  };
}

export function toSettings(tenantId: string, teamId: string, e: SettingsEntity): TeamSettings {
  return {
    tenantId,
    teamId,
    name: e.name,
    schedule: e.schedule ? (JSON.parse(e.schedule) as CheckInSchedule) : null,
    sharesChannelId: e.sharesChannelId ?? null,
    // Empty once the person who made the change erased their data.
    updatedBy: e.updatedBy || null,
    updatedAt: e.updatedAt,
    ...(e.locale ? { locale: e.locale } : {}),
    ...(e.roundup ? { roundup: JSON.parse(e.roundup) as RoundupSetting } : {}),
  };
}

export function toMember(tenantId: string, teamId: string, e: MemberEntity): TeamMember {
  return {
    tenantId,
    teamId,
    userId: e.userId,
    teamsUserId: e.teamsUserId,
    displayName: e.displayName,
    role: e.role === 'lead' ? 'lead' : 'member',
    joinedAt: e.joinedAt,
    owner: e.owner === true,
  };
}
