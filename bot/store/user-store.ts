import { type TableClient, odata } from '@azure/data-tables';
import { keyOf } from './keys.js';
import { deleteIfPresent, getOrUndefined } from './table-ops.js';
import { FRESH_PROMPT_STATE, type SharePromptState } from '../domain/share-prompt.js';

export interface UserProfile {
  tenantId: string;
  userId: string;
  displayName: string;
  /** Teams' user id in the bot's conversations (29:…), needed to message the learner. */
  teamsUserId?: string;
  locale?: string;
  /** The zone check-ins follow: the one the learner chose, else the one Teams last reported. */
  timeZone?: string;
  /** Set when the learner picked a zone themselves; Teams' reports then no longer change it. */
  chosenTimeZone?: string;
  /** Set while the learner has paused their check-ins. */
  pausedAt?: string;
  /** Set while the learner has an open goal: a scheduled check-in reads their goals only then. */
  hasOpenGoals?: boolean;
  updatedAt: string;
}

interface UserEntity {
  partitionKey: string;
  rowKey: string;
  userId: string;
  displayName: string;
  teamsUserId?: string;
  locale?: string;
  timeZone?: string;
  chosenTimeZone?: string;
  pausedAt?: string;
  hasOpenGoals?: boolean;
  updatedAt: string;
}

/** People the app has met, one partition per tenant (a tenant's people are read together). */
export class UserStore {
  constructor(private readonly table: TableClient) {}

  async upsert(profile: UserProfile): Promise<void> {
    const entity: UserEntity = {
      partitionKey: keyOf(profile.tenantId),
      rowKey: keyOf(profile.userId),
      userId: profile.userId,
      displayName: profile.displayName,
      updatedAt: profile.updatedAt,
      ...(profile.teamsUserId ? { teamsUserId: profile.teamsUserId } : {}),
      ...(profile.locale ? { locale: profile.locale } : {}),
      ...(profile.timeZone ? { timeZone: profile.timeZone } : {}),
    };
    // Merge: a message without a time zone must not erase one learned earlier.
    await this.table.upsertEntity(entity, 'Merge');
  }

  /** The learner's own choice of zone, or null to follow what Teams reports. */
  async setChosenTimeZone(tenantId: string, userId: string, zone: string | null): Promise<void> {
    await this.table.upsertEntity({ partitionKey: keyOf(tenantId), rowKey: keyOf(userId), userId, chosenTimeZone: zone ?? '' }, 'Merge');
  }

  /** The Teams locale last seen for the person: what the bot writes to them in when they have not just spoken. */
  async setLocale(tenantId: string, userId: string, locale: string): Promise<void> {
    await this.table.upsertEntity({ partitionKey: keyOf(tenantId), rowKey: keyOf(userId), userId, locale }, 'Merge');
  }

  /** Pauses (a time) or resumes (null) a learner's check-ins. */
  async setPaused(tenantId: string, userId: string, pausedAt: string | null): Promise<void> {
    // Upsert: someone who has only used the tab has no profile yet.
    await this.table.upsertEntity({ partitionKey: keyOf(tenantId), rowKey: keyOf(userId), userId, pausedAt: pausedAt ?? '' }, 'Merge');
  }

  async setHasOpenGoals(tenantId: string, userId: string, hasOpenGoals: boolean): Promise<void> {
    await this.table.upsertEntity({ partitionKey: keyOf(tenantId), rowKey: keyOf(userId), userId, hasOpenGoals }, 'Merge');
  }

  /** The learner's answers to offers to share (share-prompt.ts): on their own row, so erasing them erases it. */
  async getSharePrompt(tenantId: string, userId: string): Promise<SharePromptState> {
    const e = await getOrUndefined<SharePromptColumns>(this.table, keyOf(tenantId), keyOf(userId), {
      queryOptions: { select: ['sharePromptNotNow', 'sharePromptQuietUntil'] },
    });
    return sharePromptOf(e);
  }

  /** The profile and the answers to offers to share, from one read of the row (a check-in wants both). */
  async getWithSharePrompt(tenantId: string, userId: string): Promise<{ profile: UserProfile | undefined; sharePrompt: SharePromptState }> {
    const e = await getOrUndefined<UserEntity & SharePromptColumns>(this.table, keyOf(tenantId), keyOf(userId));
    return { profile: e ? toProfile(tenantId, userId, e) : undefined, sharePrompt: sharePromptOf(e) };
  }

  async setSharePrompt(tenantId: string, userId: string, state: SharePromptState): Promise<void> {
    await this.table.upsertEntity(
      {
        partitionKey: keyOf(tenantId),
        rowKey: keyOf(userId),
        userId,
        sharePromptNotNow: state.notNowInARow,
        sharePromptQuietUntil: state.quietUntil ?? '',
      },
      'Merge',
    );
  }

  async get(tenantId: string, userId: string): Promise<UserProfile | undefined> {
    const e = await getOrUndefined<UserEntity>(this.table, keyOf(tenantId), keyOf(userId));
    return e ? toProfile(tenantId, userId, e) : undefined;
  }

  /** Forgets the person's profile; nothing when there is none. */
  async remove(tenantId: string, userId: string): Promise<void> {
    await deleteIfPresent(this.table, keyOf(tenantId), keyOf(userId));
  }

  /** Up to `limit` profiles of the tenant after the one with this user id, in key order: a tenant a slice at a time. */
  async listTenantAfter(tenantId: string, afterUserId: string | undefined, limit: number): Promise<UserProfile[]> {
    const from = afterUserId === undefined ? '' : keyOf(afterUserId);
    const pages = this.table
      .listEntities<UserEntity>({ queryOptions: { filter: odata`PartitionKey eq ${keyOf(tenantId)} and RowKey gt ${from}` } })
      .byPage({ maxPageSize: limit });
    const profiles: UserProfile[] = [];
    for await (const page of pages) {
      for (const e of page) profiles.push(toProfile(tenantId, e.userId, e));
      if (profiles.length >= limit) break;
    }
    return profiles.slice(0, limit);
  }

  async listTenant(tenantId: string, limit: number): Promise<UserProfile[]> {
    const profiles: UserProfile[] = [];
    const rows = this.table.listEntities<UserEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${keyOf(tenantId)}` },
    });
    for await (const e of rows) {
      profiles.push(toProfile(tenantId, e.userId, e));
      if (profiles.length >= limit) break;
    }
    return profiles;
  }
}

function toProfile(tenantId: string, userId: string, e: UserEntity): UserProfile {
  return {
    tenantId,
    userId,
    displayName: e.displayName,
    updatedAt: e.updatedAt,
    ...(e.teamsUserId ? { teamsUserId: e.teamsUserId } : {}),
    ...(e.locale ? { locale: e.locale } : {}),
    ...(e.chosenTimeZone || e.timeZone ? { timeZone: e.chosenTimeZone || e.timeZone } : {}),
    ...(e.chosenTimeZone ? { chosenTimeZone: e.chosenTimeZone } : {}),
    ...(e.pausedAt ? { pausedAt: e.pausedAt } : {}),
    ...(e.hasOpenGoals ? { hasOpenGoals: true } : {}),
  };
}

interface SharePromptColumns {
  sharePromptNotNow?: number;
  sharePromptQuietUntil?: string;
}

function sharePromptOf(e: SharePromptColumns | undefined): SharePromptState {
  if (!e) return FRESH_PROMPT_STATE;
  return { notNowInARow: e.sharePromptNotNow ?? 0, quietUntil: e.sharePromptQuietUntil || null };
}
