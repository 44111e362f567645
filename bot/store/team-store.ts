import { type TableClient, type TransactionAction, odata } from '@azure/data-tables';
import type { TeamRole, TeamSettings } from '../contract/team-settings.js';
import { keyOf, prefixEnd, tenantPartitions } from './keys.js';
import { deletePartition } from './row-deletes.js';
import {
  CHANNEL,
  MEMBER,
  SETTINGS,
  toChannelEntity,
  toMember,
  toSettings,
  toSettingsEntity,
  type ChannelEntity,
  type MemberEntity,
  type MembershipEntity,
  type SettingsEntity,
} from './team-entities.js';
import { allOf, createOnce, deleteIfPresent, getOrUndefined, rowKeysUnder, updateIfPresent, updateIfUnchanged } from './table-ops.js';

export interface TeamMember {
  tenantId: string;
  teamId: string;
  userId: string;
  teamsUserId: string;
  displayName: string;
  role: TeamRole;
  joinedAt: string;
  /** An owner of the team in Teams, as its roster last said: owners may name the team's leads. */
  owner: boolean;
}

/** A member as a roster sync or a join gives them: whether they own the team is not always known. */
export type NewMember = Omit<TeamMember, 'owner'> & { owner?: boolean | undefined };

/** A channel of a team, as Teams last told the bot of it. */
export interface TeamChannel {
  id: string;
  name: string;
}

const TRANSACTION_LIMIT = 100;

/**
 * A team's settings and roster live in one partition (read together for the dashboard and the
 * scheduler); a learner's memberships are indexed in their own partition, to find their teams.
 */
export class TeamStore {
  constructor(
    private readonly teams: TableClient,
    private readonly memberships: TableClient,
  ) {}

  static partitionKey(tenantId: string, teamId: string): string {
    return keyOf(tenantId, teamId);
  }

  async getSettings(tenantId: string, teamId: string): Promise<TeamSettings | undefined> {
    const e = await getOrUndefined<SettingsEntity>(this.teams, TeamStore.partitionKey(tenantId, teamId), SETTINGS);
    return e ? toSettings(tenantId, teamId, e) : undefined;
  }

  /** Creates the team's settings once; a second install of the app keeps what leads set. */
  async createSettingsIfAbsent(settings: TeamSettings): Promise<boolean> {
    return (
      (await createOnce(this.teams, toSettingsEntity(TeamStore.partitionKey(settings.tenantId, settings.teamId), settings))).kind ===
      'created'
    );
  }

  async saveSettings(settings: TeamSettings): Promise<void> {
    await this.teams.upsertEntity(toSettingsEntity(TeamStore.partitionKey(settings.tenantId, settings.teamId), settings), 'Replace');
  }

  /**
   * Adds a member, or refreshes the name (and ownership, when told) of one already known. A
   * refresh never touches the role, so a roster sync racing a lead's change cannot undo it, nor
   * the joining time, which decides what the team's leads may read of the member's log.
   */
  async upsertMember(member: NewMember): Promise<TeamMember> {
    const partitionKey = TeamStore.partitionKey(member.tenantId, member.teamId);
    const rowKey = keyOf(MEMBER, member.userId);
    const entity: MemberEntity = {
      partitionKey,
      rowKey,
      userId: member.userId,
      teamsUserId: member.teamsUserId,
      displayName: member.displayName,
      role: member.role,
      joinedAt: member.joinedAt,
      ...(member.owner ? { owner: true } : {}),
    };
    let stored: TeamMember = { ...member, owner: member.owner === true };
    if ((await createOnce(this.teams, entity)).kind === 'exists') {
      const refresh = { teamsUserId: member.teamsUserId, displayName: member.displayName };
      await this.teams.updateEntity(
        { partitionKey, rowKey, ...refresh, ...(member.owner === undefined ? {} : { owner: member.owner }) },
        'Merge',
      );
      stored = (await this.getMember(member.tenantId, member.teamId, member.userId)) ?? stored;
    }
    const membership: MembershipEntity = {
      partitionKey: keyOf(member.tenantId, member.userId),
      rowKey: keyOf(member.teamId),
      teamId: member.teamId,
      joinedAt: stored.joinedAt,
    };
    await this.memberships.upsertEntity(membership, 'Replace');
    return stored;
  }

  /** Changes a member's role (and records them as an owner, when that was just checked); false when they are not on the roster. */
  async setRole(tenantId: string, teamId: string, userId: string, role: TeamRole, owner?: boolean): Promise<boolean> {
    return updateIfPresent(
      this.teams,
      {
        partitionKey: TeamStore.partitionKey(tenantId, teamId),
        rowKey: keyOf(MEMBER, userId),
        role,
        ...(owner === undefined ? {} : { owner }),
      },
      'Merge',
    );
  }

  async removeMember(tenantId: string, teamId: string, userId: string): Promise<void> {
    await deleteIfPresent(this.teams, TeamStore.partitionKey(tenantId, teamId), keyOf(MEMBER, userId));
    await deleteIfPresent(this.memberships, keyOf(tenantId, userId), keyOf(teamId));
  }

  async getMember(tenantId: string, teamId: string, userId: string): Promise<TeamMember | undefined> {
    const e = await getOrUndefined<MemberEntity>(this.teams, TeamStore.partitionKey(tenantId, teamId), keyOf(MEMBER, userId));
    return e ? toMember(tenantId, teamId, e) : undefined;
  }

  /**
   * The team's settings and one member's row, in one request: what every team route needs to know
   * before it does anything (is the caller in the team, and as what).
   */
  async accessOf(tenantId: string, teamId: string, userId: string): Promise<{ settings?: TeamSettings; member?: TeamMember }> {
    const partitionKey = TeamStore.partitionKey(tenantId, teamId);
    const memberKey = keyOf(MEMBER, userId);
    const rows = this.teams.listEntities<SettingsEntity | MemberEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey} and (RowKey eq ${SETTINGS} or RowKey eq ${memberKey})` },
    });
    const found: { settings?: TeamSettings; member?: TeamMember } = {};
    for await (const e of rows) {
      if (e.rowKey === SETTINGS) found.settings = toSettings(tenantId, teamId, e as SettingsEntity);
      else if (e.rowKey === memberKey) found.member = toMember(tenantId, teamId, e as MemberEntity);
    }
    return found;
  }

  async listMembers(tenantId: string, teamId: string): Promise<TeamMember[]> {
    const partitionKey = TeamStore.partitionKey(tenantId, teamId);
    const members: TeamMember[] = [];
    const rows = this.teams.listEntities<MemberEntity>({
      queryOptions: { filter: allOf(odata`PartitionKey eq ${partitionKey}`, rowKeysUnder(keyOf(MEMBER))) },
    });
    for await (const e of rows) members.push(toMember(tenantId, teamId, e));
    return members;
  }

  /** The team's leads: a query of its partition that returns only their rows, however large the team. */
  async listLeads(tenantId: string, teamId: string): Promise<TeamMember[]> {
    const partitionKey = TeamStore.partitionKey(tenantId, teamId);
    const leads: TeamMember[] = [];
    const rows = this.teams.listEntities<MemberEntity>({
      queryOptions: { filter: allOf(odata`PartitionKey eq ${partitionKey}`, rowKeysUnder(keyOf(MEMBER)), odata`role eq ${'lead'}`) },
    });
    for await (const e of rows) leads.push(toMember(tenantId, teamId, e));
    return leads;
  }

  /** Settings and roster together, in one query of the team's partition. */
  async readTeam(tenantId: string, teamId: string): Promise<{ settings: TeamSettings | undefined; members: TeamMember[]; stamp: string }> {
    const partitionKey = TeamStore.partitionKey(tenantId, teamId);
    const rows = this.teams.listEntities<(SettingsEntity | MemberEntity) & { etag: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` },
    });
    let settings: TeamSettings | undefined;
    const members: TeamMember[] = [];
    const memberPrefix = keyOf(MEMBER);
    // Every row's ETag, in order: equal stamps mean nothing in the team's settings or roster changed.
    const etags: string[] = [];
    for await (const e of rows) {
      etags.push(e.etag);
      if (e.rowKey === SETTINGS) settings = toSettings(tenantId, teamId, e as SettingsEntity);
      else if (e.rowKey.startsWith(`${memberPrefix}|`)) members.push(toMember(tenantId, teamId, e as MemberEntity));
    }
    return { settings, members, stamp: etags.join(' ') };
  }

  /**
   * The stamp `readTeam` would answer, from the rows' keys and ETags alone: a reader holding the
   * team as read under this stamp holds it as it is, without the rows being sent again.
   */
  async readStamp(tenantId: string, teamId: string): Promise<string> {
    const rows = this.teams.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${TeamStore.partitionKey(tenantId, teamId)}`, select: ['RowKey'] },
    });
    const etags: string[] = [];
    for await (const e of rows) etags.push(e.etag);
    return etags.join(' ');
  }

  /**
   * A team's channels live in a partition of their own beside the team's (a team may have a
   * thousand), so reading the team's settings and roster never reads them.
   */
  static channelPartition(tenantId: string, teamId: string): string {
    return keyOf(tenantId, teamId, 'channels');
  }

  /** The team's channels as Teams last listed them, by name. */
  async listChannels(tenantId: string, teamId: string): Promise<TeamChannel[]> {
    const rows = this.teams.listEntities<ChannelEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${TeamStore.channelPartition(tenantId, teamId)}` },
    });
    const channels: TeamChannel[] = [];
    for await (const e of rows) channels.push({ id: e.channelId, name: e.name });
    return channels.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Whether Teams has told the bot of this channel in this team: one point read. */
  async hasChannel(tenantId: string, teamId: string, channelId: string): Promise<boolean> {
    return (
      (await getOrUndefined<ChannelEntity>(this.teams, TeamStore.channelPartition(tenantId, teamId), keyOf(CHANNEL, channelId))) !==
      undefined
    );
  }

  /** Replaces the stored list with the channels Teams just listed: new and renamed ones written, gone ones deleted. */
  async replaceChannels(tenantId: string, teamId: string, channels: readonly TeamChannel[]): Promise<void> {
    const partitionKey = TeamStore.channelPartition(tenantId, teamId);
    const known = new Map((await this.listChannels(tenantId, teamId)).map((c) => [c.id, c.name]));
    const actions: TransactionAction[] = [];
    for (const channel of new Map(channels.map((c) => [c.id, c])).values()) {
      if (known.get(channel.id) !== channel.name) actions.push(['upsert', toChannelEntity(partitionKey, channel), 'Replace']);
      known.delete(channel.id);
    }
    for (const gone of known.keys()) actions.push(['delete', { partitionKey, rowKey: keyOf(CHANNEL, gone) }]);
    for (let i = 0; i < actions.length; i += TRANSACTION_LIMIT) await this.teams.submitTransaction(actions.slice(i, i + TRANSACTION_LIMIT));
  }

  /** One channel created or renamed. */
  async putChannel(tenantId: string, teamId: string, channel: TeamChannel): Promise<void> {
    await this.teams.upsertEntity(toChannelEntity(TeamStore.channelPartition(tenantId, teamId), channel), 'Replace');
  }

  async removeChannel(tenantId: string, teamId: string, channelId: string): Promise<void> {
    await deleteIfPresent(this.teams, TeamStore.channelPartition(tenantId, teamId), keyOf(CHANNEL, channelId));
  }

  /** Every team of every tenant, for the retention pass: a scan of the settings rows, once a day. */
  async listAllTeams(): Promise<TeamSettings[]> {
    const rows = this.teams.listEntities<SettingsEntity>({ queryOptions: { filter: odata`RowKey eq ${SETTINGS}` } });
    const teams: TeamSettings[] = [];
    for await (const e of rows) {
      const [tenant = '', team = ''] = e.partitionKey.split('|');
      teams.push(toSettings(decodeURIComponent(tenant), decodeURIComponent(team), e));
    }
    return teams;
  }

  /**
   * Up to `limit` teams of any tenant after the team whose key is `after` (from the start when
   * undefined), in key order, and the key to go on from (undefined at the end): a walk over every
   * team a page at a time, resumable from the last page's end. For one-off jobs, never a recurring pass.
   */
  async listTeamsAfter(after: string | undefined, limit: number): Promise<{ teams: TeamSettings[]; next: string | undefined }> {
    const pages = this.teams
      .listEntities<SettingsEntity>({ queryOptions: { filter: odata`PartitionKey gt ${after ?? ''} and RowKey eq ${SETTINGS}` } })
      .byPage({ maxPageSize: limit });
    const rows: SettingsEntity[] = [];
    for await (const page of pages) {
      rows.push(...page);
      if (rows.length >= limit) break;
    }
    const teams = rows.slice(0, limit).map((e) => {
      const [tenant = '', team = ''] = e.partitionKey.split('|');
      return toSettings(decodeURIComponent(tenant), decodeURIComponent(team), e);
    });
    return { teams, next: rows.length >= limit ? rows[limit - 1]!.partitionKey : undefined };
  }

  /** Every team in the tenant that uses the app: one range read over the tenant's team partitions. */
  async listTenantTeams(tenantId: string): Promise<TeamSettings[]> {
    const from = `${keyOf(tenantId)}|`;
    const rows = this.teams.listEntities<SettingsEntity>({
      queryOptions: { filter: odata`PartitionKey gt ${from} and PartitionKey lt ${prefixEnd(keyOf(tenantId))} and RowKey eq ${SETTINGS}` },
    });
    const teams: TeamSettings[] = [];
    for await (const e of rows) teams.push(toSettings(tenantId, decodeURIComponent(e.partitionKey.slice(from.length)), e));
    return teams.sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * Up to `limit` of the tenant's teams after the team `after` (all from the start when undefined),
   * in key order: a walk over the tenant's teams a chunk at a time, resumable from the last team a
   * chunk held.
   */
  async listTenantTeamsAfter(tenantId: string, after: string | undefined, limit: number): Promise<TeamSettings[]> {
    const tenant = `${keyOf(tenantId)}|`;
    const from = after === undefined ? tenant : TeamStore.partitionKey(tenantId, after);
    const pages = this.teams
      .listEntities<SettingsEntity>({
        queryOptions: {
          filter: odata`PartitionKey gt ${from} and PartitionKey lt ${prefixEnd(keyOf(tenantId))} and RowKey eq ${SETTINGS}`,
        },
      })
      .byPage({ maxPageSize: limit });
    const teams: TeamSettings[] = [];
    for await (const page of pages) {
      for (const e of page) teams.push(toSettings(tenantId, decodeURIComponent(e.partitionKey.slice(tenant.length)), e));
      if (teams.length >= limit) break;
    }
    return teams.slice(0, limit);
  }

  /** The teams a learner belongs to, oldest membership first. */
  async teamsOf(tenantId: string, userId: string): Promise<string[]> {
    const rows = this.memberships.listEntities<MembershipEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${keyOf(tenantId, userId)}` },
    });
    const found: MembershipEntity[] = [];
    for await (const e of rows) found.push(e);
    return found.sort((a, b) => a.joinedAt.localeCompare(b.joinedAt)).map((e) => e.teamId);
  }

  /**
   * Takes a person off every roster in the tenant, then drops their index of teams. The rosters
   * are found by a range read over the tenant's teams, not through that index, so a run that
   * stopped half way (or a team the index lost) is still found.
   */
  async removeFromAllTeams(tenantId: string, userId: string): Promise<number> {
    const rows = await this.rosterRowsOf(tenantId, userId);
    for (const row of rows) await deleteIfPresent(this.teams, TeamStore.partitionKey(tenantId, row.teamId), keyOf(MEMBER, userId));
    await deletePartition(this.memberships, keyOf(tenantId, userId));
    return rows.length;
  }

  /** The person's row on every roster in the tenant: one range read over the tenant's teams. */
  async rosterRowsOf(tenantId: string, userId: string): Promise<TeamMember[]> {
    const { from, to } = tenantPartitions(tenantId);
    const rows = this.teams.listEntities<MemberEntity>({
      queryOptions: { filter: odata`PartitionKey gt ${from} and PartitionKey lt ${to} and RowKey eq ${keyOf(MEMBER, userId)}` },
    });
    const members: TeamMember[] = [];
    for await (const e of rows) members.push(toMember(tenantId, decodeURIComponent(e.partitionKey.slice(from.length)), e));
    return members;
  }

  /** Clears "last changed by" on every team's settings that name this person; the settings stay. */
  async forgetEditor(tenantId: string, userId: string): Promise<number> {
    const { from, to } = tenantPartitions(tenantId);
    let cleared = 0;
    for (let attempt = 0; attempt < 5; attempt++) {
      const rows = this.teams.listEntities<SettingsEntity>({
        queryOptions: {
          filter: odata`PartitionKey gt ${from} and PartitionKey lt ${to} and RowKey eq ${SETTINGS} and updatedBy eq ${userId}`,
        },
      });
      let raced = false;
      for await (const e of rows) {
        // Only if unchanged since read: a lead saving the schedule meanwhile keeps their own edit (and name).
        const outcome = await updateIfUnchanged(
          this.teams,
          { partitionKey: e.partitionKey, rowKey: SETTINGS, updatedBy: '' },
          'Merge',
          e.etag,
        );
        if (outcome.kind === 'written') cleared++;
        else raced = true;
      }
      if (!raced) break;
    }
    return cleared;
  }
}
